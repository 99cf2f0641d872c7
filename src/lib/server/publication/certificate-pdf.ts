import PDFDocument from 'pdfkit';

// Award certificates (piagam penghargaan), A4 landscape, drawn with vector shapes and the PDF
// standard fonts so that the text stays selectable and searchable (tests read it back).

export interface CertificateContent {
	government: string;
	periodName: string;
	category: string;
	award: string;
	unitName: string;
	ipp: string;
	grade: string;
	predikat: string;
	/** The certificate's fixed words in the government's chosen language (settings). */
	labels: { title: string; givenTo: string; as: string; category: string; index: string; preview: string };
	place: string;
	dateText: string;
	signatoryName: string | null;
	signatoryTitle: string | null;
	signatoryNip: string | null;
	/** The city's PNG or JPEG logo (checked on upload), when it has one. */
	logo: Uint8Array | null;
	preview: boolean;
	/** Published certificates only: the code and QR of /verifikasi/{code}. */
	verification: { code: string; url: string; qr: { size: number; dark: boolean[] } } | null;
}

const NAVY = '#0f3b63';
const GOLD = '#b8892b';
const INK = '#1c2430';

export function renderCertificates(pages: CertificateContent[], title: string): Promise<Buffer> {
	const doc = new PDFDocument({
		size: 'A4',
		layout: 'landscape',
		margin: 0,
		autoFirstPage: false,
		info: { Title: title, Author: pages[0]?.government ?? 'Rapor Layanan', Creator: 'Rapor Layanan' }
	});
	const chunks: Buffer[] = [];
	doc.on('data', (c: Buffer) => chunks.push(c));
	const done = new Promise<Buffer>((resolve, reject) => {
		doc.on('end', () => resolve(Buffer.concat(chunks)));
		doc.on('error', reject);
	});
	for (const page of pages) drawCertificate(doc, page);
	doc.end();
	return done;
}

function drawCertificate(doc: PDFKit.PDFDocument, c: CertificateContent): void {
	doc.addPage();
	const W = doc.page.width;
	const H = doc.page.height;
	drawBorder(doc, W, H);
	if (c.preview) {
		doc
			.save()
			.rotate(-20, { origin: [W / 2, H / 2] })
			.font('Helvetica-Bold')
			.fontSize(64);
		doc
			.fillColor('#c0392b')
			.opacity(0.12)
			.text(c.labels.preview, 0, H / 2 - 40, { width: W, align: 'center' });
		doc.restore().opacity(1);
	}
	let y = 64;
	if (c.logo) {
		doc.image(Buffer.from(c.logo), W / 2 - 28, y, { fit: [56, 56], align: 'center', valign: 'center' });
	} else drawEmblem(doc, W / 2, y + 28);
	y += 72;
	const centered = (text: string, font: string, size: number, color: string, gap = 0, spacing = 0) => {
		doc.font(font).fontSize(size).fillColor(color);
		doc.text(text, 60, y, { width: W - 120, align: 'center', characterSpacing: spacing });
		y = doc.y + gap;
	};
	centered(c.government.toUpperCase(), 'Helvetica-Bold', 13, NAVY, 14, 0.6);
	centered(c.labels.title, 'Times-Bold', 40, NAVY, 8, 3);
	rule(doc, W / 2 - 120, W / 2 + 120, y);
	y += 18;
	centered(c.labels.givenTo, 'Times-Italic', 14, INK, 10);
	centered(c.unitName, 'Times-Bold', 30, INK, 10);
	centered(c.labels.as, 'Times-Italic', 13, INK, 6);
	centered(c.award, 'Times-Bold', 32, GOLD, 10);
	centered(c.labels.category, 'Times-Roman', 15, INK, 8);
	centered(c.labels.index, 'Times-Roman', 13, INK);
	drawSignature(doc, c, W, H);
	drawVerification(doc, c, H);
}

function drawBorder(doc: PDFKit.PDFDocument, W: number, H: number): void {
	doc.save();
	doc.rect(0, 0, W, H).fill('#fffdf7');
	doc
		.lineWidth(6)
		.strokeColor(NAVY)
		.rect(20, 20, W - 40, H - 40)
		.stroke();
	doc
		.lineWidth(1.2)
		.strokeColor(GOLD)
		.rect(32, 32, W - 64, H - 64)
		.stroke();
	doc
		.lineWidth(0.5)
		.strokeColor(GOLD)
		.rect(37, 37, W - 74, H - 74)
		.stroke();
	for (const [x, y] of [
		[32, 32],
		[W - 32, 32],
		[32, H - 32],
		[W - 32, H - 32]
	]) {
		doc.save().translate(x, y).rotate(45);
		doc.rect(-9, -9, 18, 18).fillAndStroke('#fffdf7', GOLD);
		doc.rect(-4, -4, 8, 8).fill(NAVY);
		doc.restore();
	}
	doc.restore();
}

function drawEmblem(doc: PDFKit.PDFDocument, cx: number, cy: number): void {
	doc.save();
	doc.circle(cx, cy, 26).lineWidth(2).strokeColor(GOLD).stroke();
	doc.circle(cx, cy, 21).fill(NAVY);
	const points: [number, number][] = [];
	for (let i = 0; i < 10; i++) {
		const r = i % 2 === 0 ? 14 : 6;
		const a = -Math.PI / 2 + (i * Math.PI) / 5;
		points.push([cx + r * Math.cos(a), cy + r * Math.sin(a)]);
	}
	doc.polygon(...points).fill(GOLD);
	doc.restore();
}

function rule(doc: PDFKit.PDFDocument, x1: number, x2: number, y: number): void {
	doc.save().lineWidth(1).strokeColor(GOLD).moveTo(x1, y).lineTo(x2, y).stroke();
	doc.circle((x1 + x2) / 2, y, 3).fill(GOLD);
	doc.restore();
}

function drawVerification(doc: PDFKit.PDFDocument, c: CertificateContent, H: number): void {
	if (!c.verification) return;
	const x = 70;
	const size = 72;
	const y = H - 160;
	// The QR code is drawn as vector squares: sharp at any print size, and no image in the PDF.
	const { size: n, dark } = c.verification.qr;
	const cell = size / n;
	doc
		.save()
		.rect(x - 2 * cell, y - 2 * cell, size + 4 * cell, size + 4 * cell)
		.fill('#ffffff');
	doc.fillColor('#000000');
	for (let i = 0; i < n * n; i++)
		if (dark[i]) doc.rect(x + (i % n) * cell, y + Math.floor(i / n) * cell, cell + 0.05, cell + 0.05);
	doc.fill().restore();
	doc
		.font('Helvetica')
		.fontSize(8)
		.fillColor(INK)
		.text('Kode verifikasi / Verification code', x + size + 8, y + 14, { width: 180 })
		.font('Helvetica-Bold')
		.fontSize(11)
		.text(c.verification.code, x + size + 8, doc.y + 2, { width: 180 })
		.font('Helvetica')
		.fontSize(7.5)
		.text(c.verification.url, x + size + 8, doc.y + 2, { width: 180 });
}

function drawSignature(doc: PDFKit.PDFDocument, c: CertificateContent, W: number, H: number): void {
	const x = W - 340;
	const width = 260;
	let y = H - 148;
	const line = (text: string, font: string, size: number, gap = 2) => {
		doc.font(font).fontSize(size).fillColor(INK).text(text, x, y, { width, align: 'center' });
		y = doc.y + gap;
	};
	line(`${c.place}, ${c.dateText}`, 'Times-Roman', 12);
	line(c.signatoryTitle ?? c.government, 'Times-Bold', 12);
	y += 38;
	if (c.signatoryName) {
		line(c.signatoryName, 'Times-Bold', 12.5, 0);
		doc
			.save()
			.lineWidth(0.7)
			.strokeColor(INK)
			.moveTo(x + 40, y)
			.lineTo(x + width - 40, y)
			.stroke()
			.restore();
		y += 3;
	} else {
		doc
			.save()
			.lineWidth(0.7)
			.strokeColor(INK)
			.moveTo(x + 40, y + 12)
			.lineTo(x + width - 40, y + 12)
			.stroke();
		doc.restore();
		y += 16;
	}
	if (c.signatoryNip) line(`NIP. ${c.signatoryNip}`, 'Times-Roman', 11);
}
