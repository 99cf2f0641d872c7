import type PDFDocument from 'pdfkit';
import { m } from '$lib/paraglide/messages';
import { fmtNumber } from '$lib/i18n/display';
import type { UnitIkm } from '../../domain/survey/ikm-shape';
import { ikmSampleText } from '../../i18n/ikm-sample';

type Doc = InstanceType<typeof PDFDocument>;

// The report card's last parts: the unit's IKM beside its IPP (docs/rules.md §6), and the date and
// signature block of an official letter, from the government's settings (README, "Settings").

export interface ReportCardClosing {
	government: string;
	place: string;
	dateText: string;
	signatoryTitle: string | null;
	signatoryName: string | null;
	signatoryNip: string | null;
}

const INK = '#1c2430';
const CAUTION = '#7a4b00';

export function drawIkm(doc: Doc, ikm: UnitIkm | null): void {
	const left = doc.page.margins.left;
	if (!ikm?.result) {
		doc.text(m.rc_pdf_ikm_none(), left);
		return;
	}
	const r = ikm.result;
	doc.font('Helvetica-Bold').text(
		m.rc_pdf_ikm_value({
			konversi: fmtNumber(r.konversi, 2),
			ikm: fmtNumber(r.ikm, 2),
			mutu: r.mutu,
			kinerja: r.kinerja
		}),
		left
	);
	const sample = ikmSampleText(ikm.respondents, ikm.target);
	doc
		.font('Helvetica')
		.fillColor(sample.status === 'below' ? CAUTION : INK)
		.text(sample.text + '.', left)
		.fillColor(INK);
}

/** "Kota Contoh, 29 November 2026", the signatory's title, room to sign, the name and NIP. */
export function drawSignature(doc: Doc, c: ReportCardClosing): void {
	const width = 230;
	const x = doc.page.width - doc.page.margins.right - width;
	if (doc.y > doc.page.height - doc.page.margins.bottom - 130) doc.addPage();
	doc.moveDown(1.5);
	const line = (text: string, font = 'Helvetica') =>
		doc.font(font).fontSize(10).fillColor(INK).text(text, x, doc.y, { width, align: 'center' });
	line(`${c.place}, ${c.dateText}`);
	line(m.rc_pdf_signed_as());
	line(c.signatoryTitle ?? c.government, 'Helvetica-Bold');
	doc.moveDown(3.2);
	if (c.signatoryName) {
		line(c.signatoryName, 'Helvetica-Bold');
		const y = doc.y;
		doc
			.lineWidth(0.6)
			.moveTo(x + 30, y)
			.lineTo(x + width - 30, y)
			.stroke();
		doc.moveDown(0.2);
		if (c.signatoryNip) line(m.rc_pdf_nip({ nip: c.signatoryNip }));
	} else line(m.rc_pdf_signatory_missing());
	doc.x = doc.page.margins.left;
}
