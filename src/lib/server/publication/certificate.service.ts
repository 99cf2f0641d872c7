import type { Db } from '../db/connection';
import type { Role } from '../../domain/auth/user';
import { formatDate } from '../../domain/format';
import { m } from '$lib/paraglide/messages';
import { awardText, gradeName } from '$lib/i18n/display';
import { awardWinners } from '../../domain/scoring/public-view';
import { readCitySettings } from '../settings/city-setting.repository';
import { readCityLogo } from '../settings/city-settings.service';
import { listPublications } from './publication.repository';
import { renderCertificates, type CertificateContent } from './certificate-pdf';
import { findVisibleResults } from '../results/public-results.service';
import QRCode from 'qrcode';
import { certificateCode, certificateVerifyUrl } from './certificate-code';

// Award certificates of a period (README, Review and publication): one per award winner of the published
// snapshot, dated on the latest publication. Anyone may download them once published;
// administrators and viewers get a marked preview before that. Not a winner: not found.

export interface CertificateRequest {
	periodCode: string;
	/** One unit's certificate, or null for every winner of the period in one PDF. */
	unitCode: string | null;
	role: Role | null;
	timeZone: string;
	/** Public origin for the verification link and QR code. */
	origin: string;
}

export async function buildCertificatePdf(
	db: Db,
	req: CertificateRequest,
	now: Date
): Promise<{ pdf: Buffer; fileName: string } | null> {
	const found = await findVisibleResults(db, req.periodCode, req.role, now);
	if (!found) return null;
	const winners = awardWinners(found.doc).filter((w) => req.unitCode === null || w.code === req.unitCode);
	if (winners.length === 0) return null;
	const settings = await readCitySettings(db);
	const latest = found.preview ? null : (await listPublications(db, found.periodId))[0];
	// Certificates speak the government's chosen language (settings), whoever downloads them.
	const locale = settings.documentLanguage ?? 'id';
	const date = formatDate(latest?.publishedAt ?? now, locale, req.timeZone);
	const logo = (await readCityLogo(db))?.bytes ?? null;
	const verification = (unitCode: string) => {
		if (!latest) return null;
		const code = certificateCode(found.doc.period.code, unitCode, latest.revision);
		const url = certificateVerifyUrl(req.origin, code);
		const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
		return { code, url, qr: { size: modules.size, dark: Array.from(modules.data, (x) => x === 1) } };
	};
	const pages: CertificateContent[] = winners.map((w) => ({
		government: settings.governmentName || 'Pemerintah Kota Contoh',
		periodName: found.doc.period.name,
		category: w.category,
		award: awardText(w.award, locale),
		unitName: w.name,
		ipp: locale === 'en' ? w.ipp.replace(',', '.') : w.ipp,
		grade: w.grade,
		predikat: gradeName(w.grade, locale),
		labels: {
			title: m.cert_title({}, { locale }),
			givenTo: m.cert_given_to({}, { locale }),
			as: m.cert_as({}, { locale }),
			category: m.cert_category({ category: w.category, period: found.doc.period.name }, { locale }),
			index: m.cert_index(
				{
					ipp: locale === 'en' ? w.ipp.replace(',', '.') : w.ipp,
					grade: w.grade,
					name: gradeName(w.grade, locale)
				},
				{ locale }
			),
			preview: m.cert_preview({}, { locale })
		},
		place: settings.place || 'Kota Contoh',
		dateText: date,
		signatoryName: settings.signatoryName || null,
		signatoryTitle: settings.signatoryTitle || null,
		signatoryNip: settings.signatoryNip || null,
		logo,
		preview: found.preview,
		verification: verification(w.code)
	}));
	const code = found.doc.period.code;
	const title = req.unitCode
		? `${m.cert_title_doc({}, { locale })} ${winners[0].name} · ${found.doc.period.name}`
		: `${m.cert_title_doc({}, { locale })} · ${found.doc.period.name}`;
	const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]/g, '_');
	return {
		pdf: await renderCertificates(pages, title),
		fileName: req.unitCode ? `piagam-${safe(code)}-${safe(req.unitCode)}.pdf` : `piagam-${safe(code)}.pdf`
	};
}
