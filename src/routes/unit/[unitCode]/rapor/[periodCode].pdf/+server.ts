import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { readConfig } from '$lib/server/config';
import { openReportCard } from '$lib/server/report-cards/report-card-request.service';
import { renderReportCardPdf } from '$lib/server/report-cards/report-card-pdf';
import { loadReportCardClosing } from '$lib/server/report-cards/report-card-closing.service';
import { readCityLogo } from '$lib/server/settings/city-settings.service';
import { pdfResponse } from '$lib/server/http/download';
import { getLocale } from '$lib/paraglide/runtime';

export const GET: RequestHandler = async (event) => {
	const user = requireUser(event);
	const db = getDb();
	const now = new Date();
	const found = await openReportCard(db, user, event.params.unitCode, event.params.periodCode, now);
	if (!found.ok) error(found.status, found.message);
	const { card, ikm, signals, objections, unitCode, periodCode } = found.value;
	const pdf = await renderReportCardPdf(card, {
		logo: (await readCityLogo(db))?.bytes ?? null,
		ikm,
		signals,
		objections,
		closing: await loadReportCardClosing(db, now, getLocale(), readConfig().timeZone)
	});
	const name = `rapor-${unitCode}-${periodCode}.pdf`.replace(/[^A-Za-z0-9._-]/g, '_');
	return pdfResponse(pdf, name, { disposition: 'attachment', cache: 'private, no-store' });
};
