import type PDFDocument from 'pdfkit';

type Doc = InstanceType<typeof PDFDocument>;

export interface Column {
	header: string;
	width: number;
	align?: 'left' | 'right' | 'center';
}

const PAD = 3;

function rowHeight(doc: Doc, cols: Column[], cells: string[], size: number): number {
	doc.fontSize(size);
	return (
		Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: cols[i].width - 2 * PAD }))) + 2 * PAD
	);
}

function drawRow(doc: Doc, cols: Column[], cells: string[], y: number, h: number, header: boolean): void {
	let x = doc.page.margins.left;
	if (header)
		doc
			.save()
			.rect(
				x,
				y,
				cols.reduce((s, c) => s + c.width, 0),
				h
			)
			.fill('#eef2f7')
			.restore();
	doc.font(header ? 'Helvetica-Bold' : 'Helvetica').fillColor('#1c2430');
	for (const [i, col] of cols.entries()) {
		doc.text(cells[i], x + PAD, y + PAD, { width: col.width - 2 * PAD, align: col.align ?? 'left' });
		x += col.width;
	}
	doc
		.save()
		.lineWidth(0.4)
		.strokeColor('#d9dee5')
		.moveTo(doc.page.margins.left, y + h)
		.lineTo(x, y + h)
		.stroke()
		.restore();
}

/** A table that continues on the next page, repeating its header. */
export function drawTable(doc: Doc, cols: Column[], rows: string[][], size = 8): void {
	const bottom = () => doc.page.height - doc.page.margins.bottom - 20;
	const headers = cols.map((c) => c.header);
	let y = doc.y;
	let hh = rowHeight(doc, cols, headers, size);
	if (y + hh * 2 > bottom()) {
		doc.addPage();
		y = doc.y;
	}
	drawRow(doc, cols, headers, y, hh, true);
	y += hh;
	for (const cells of rows) {
		const h = rowHeight(doc, cols, cells, size);
		if (y + h > bottom()) {
			doc.addPage();
			y = doc.y;
			hh = rowHeight(doc, cols, headers, size);
			drawRow(doc, cols, headers, y, hh, true);
			y += hh;
		}
		drawRow(doc, cols, cells, y, h, false);
		y += h;
	}
	doc.font('Helvetica').fontSize(10);
	doc.x = doc.page.margins.left;
	doc.y = y + 8;
}
