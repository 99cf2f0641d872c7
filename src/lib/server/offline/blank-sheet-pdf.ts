import PDFDocument from 'pdfkit';
import type { SheetView } from '../sheets/sheet-view.service';

type Doc = InstanceType<typeof PDFDocument>;

// The paper fallback of a visit (README "Install on a phone and offline work"): every indicator
// with its six level descriptors and empty boxes for the score and the note. What is written on
// it goes in through `import-scores` (unit_code, visit_no, assessor_email, indicator_code, ...).

function ensureRoom(doc: Doc, height: number): void {
	if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

function header(doc: Doc, s: SheetView, assessor: string): void {
	doc.font('Helvetica-Bold').fontSize(13).text('LEMBAR PENILAIAN (CADANGAN KERTAS)', { align: 'center' });
	doc.font('Helvetica').fontSize(10).text(`${s.visit.periodName} · ${s.instrumentName}`, { align: 'center' });
	doc.moveDown(0.6);
	const rows: [string, string][] = [
		['Unit', `${s.visit.unitName} (${s.visit.unitCode})`],
		['Kategori', s.visit.category],
		[
			'Kunjungan',
			`ke-${s.visit.visitNo}${s.visit.followUp ? ' (tindak lanjut)' : s.visit.calibration ? ' (kalibrasi)' : ''}`
		],
		['Tanggal', s.visit.plannedOn ?? '....................'],
		['Penilai', assessor]
	];
	for (const [k, v] of rows)
		doc.font('Helvetica-Bold').text(`${k}: `, { continued: true }).font('Helvetica').text(v);
	doc.moveDown(0.4).fontSize(9).text('Nilai 0 dan 5 wajib disertai catatan (spesifikasi 4.1).');
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
	doc.fontSize(9).text('Nilai:', left, y + 5);
	doc.rect(left + 32, y, 28, 20).stroke();
	doc.text('Catatan:', left + 72, y + 5);
	doc.rect(left + 115, y, width - 115, 44).stroke();
	doc.y = y + 50;
	doc.x = left;
}

export function renderBlankSheetPdf(sheet: SheetView, assessor: string): Promise<Buffer> {
	const doc = new PDFDocument({ size: 'A4', margin: 40, info: { Title: `Lembar ${sheet.visit.unitName}` } });
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
