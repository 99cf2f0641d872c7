import PDFDocument from 'pdfkit';
import type { SheetView } from '../sheets/sheet-view.service';
import { m } from '$lib/paraglide/messages';

type Doc = InstanceType<typeof PDFDocument>;

// The paper fallback of a visit (README "Install on a phone and offline work"): every indicator
// with its six level descriptors and empty boxes for the score and the note. What is written on
// it goes in through `import-scores` (unit_code, visit_no, assessor_email, indicator_code, ...).
// Printed in the reader's language, as the report card is; instrument content stays as published
// (README "Where translation happens").

function ensureRoom(doc: Doc, height: number): void {
	if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

function header(doc: Doc, s: SheetView, assessor: string): void {
	doc.font('Helvetica-Bold').fontSize(13).text(m.blank_title(), { align: 'center' });
	doc.font('Helvetica').fontSize(10).text(`${s.visit.periodName} · ${s.instrumentName}`, { align: 'center' });
	doc.moveDown(0.6);
	const no = { no: s.visit.visitNo };
	const rows: [string, string][] = [
		[m.rc_pdf_unit(), `${s.visit.unitName} (${s.visit.unitCode})`],
		[m.rc_pdf_category(), s.visit.category],
		[
			m.blank_visit(),
			s.visit.followUp
				? m.blank_visit_no_follow_up(no)
				: s.visit.calibration
					? m.blank_visit_no_calibration(no)
					: m.blank_visit_no(no)
		],
		[m.blank_date(), s.visit.plannedOn ?? '....................'],
		[m.blank_assessor(), assessor]
	];
	for (const [k, v] of rows)
		doc.font('Helvetica-Bold').text(`${k}: `, { continued: true }).font('Helvetica').text(v);
	doc.moveDown(0.4).fontSize(9).text(m.blank_rule());
}

function indicator(doc: Doc, ind: SheetView['aspects'][number]['indicators'][number]): void {
	const left = doc.page.margins.left;
	const width = doc.page.width - left - doc.page.margins.right;
	ensureRoom(doc, 150);
	doc
		.moveDown(0.5)
		.font('Helvetica-Bold')
		.fontSize(10)
		.text(`${ind.code}  ${ind.title}`, left, doc.y, { width });
	doc.font('Helvetica').fontSize(8.5);
	ind.levels.forEach((d, level) => {
		ensureRoom(doc, 14);
		const y = doc.y + 1;
		doc.rect(left, y, 8, 8).stroke();
		doc.text(`${level}  ${d || '-'}`, left + 14, doc.y, { width: width - 14 });
	});
	ensureRoom(doc, 60);
	const y = doc.y + 4;
	doc.fontSize(9).text(m.blank_score(), left, y + 5);
	doc.rect(left + 32, y, 28, 20).stroke();
	doc.text(m.blank_note(), left + 72, y + 5);
	doc.rect(left + 115, y, width - 115, 44).stroke();
	doc.y = y + 50;
	doc.x = left;
}

export function renderBlankSheetPdf(sheet: SheetView, assessor: string): Promise<Buffer> {
	const doc = new PDFDocument({
		size: 'A4',
		margin: 40,
		info: { Title: m.blank_doc_title({ unit: sheet.visit.unitName }) }
	});
	const chunks: Buffer[] = [];
	doc.on('data', (c: Buffer) => chunks.push(c));
	const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
	header(doc, sheet, assessor);
	for (const aspect of sheet.aspects) {
		ensureRoom(doc, 180);
		doc.moveDown(0.8).font('Helvetica-Bold').fontSize(12).fillColor('#0f4c81');
		doc.text(`${aspect.code}. ${aspect.name}`, doc.page.margins.left).fillColor('#000000');
		for (const ind of aspect.indicators) indicator(doc, ind);
	}
	doc.end();
	return done;
}
