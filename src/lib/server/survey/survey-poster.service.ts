import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { m } from '$lib/paraglide/messages';

// The printable A4 poster of a unit's survey: QR code of the absolute address, the unit's name
// and short instructions, so a citizen at the counter can answer from a phone. Printed in the
// reader's language, as the report card PDF is (README "Pages": every page and PDF follows it).

export async function renderSurveyPoster(p: {
	unitName: string;
	url: string;
	/** The government's name and logo (docs/rules.md §8.8), printed over the unit's name when set. */
	governmentName?: string;
	logo?: Uint8Array | null;
}): Promise<Buffer> {
	const qr = await QRCode.toBuffer(p.url, { errorCorrectionLevel: 'M', margin: 1, width: 900 });
	const doc = new PDFDocument({
		size: 'A4',
		margin: 48,
		info: { Title: `${m.poster_title()} - ${p.unitName}`, Author: 'Rapor Layanan' }
	});
	const chunks: Buffer[] = [];
	doc.on('data', (c: Buffer) => chunks.push(c));
	const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

	const width = doc.page.width - 96;
	doc.rect(0, 0, doc.page.width, 120).fill('#0f4c81');
	doc
		.fillColor('#ffffff')
		.font('Helvetica-Bold')
		.fontSize(28)
		.text(m.poster_title(), 48, 36, { width, align: 'center' });
	doc.font('Helvetica').fontSize(14).text(m.poster_subtitle(), 48, 76, { width, align: 'center' });
	let top = 140;
	if (p.logo) {
		doc.image(Buffer.from(p.logo), (doc.page.width - 48) / 2, top, { fit: [48, 48], align: 'center' });
		top += 54;
	}
	if (p.governmentName) {
		doc
			.fillColor('#5b6470')
			.font('Helvetica-Bold')
			.fontSize(13)
			.text(p.governmentName, 48, top, { width, align: 'center' });
		top = doc.y + 4;
	}
	doc
		.fillColor('#1c2430')
		.font('Helvetica-Bold')
		.fontSize(22)
		.text(p.unitName, 48, Math.max(top, 150), { width, align: 'center' });
	const size = 300;
	const qrTop = doc.y + 20;
	doc.image(qr, (doc.page.width - size) / 2, qrTop, { width: size, height: size });
	doc
		.font('Helvetica')
		.fontSize(11)
		.fillColor('#5b6470')
		.text(p.url, 48, qrTop + size + 10, { width, align: 'center' });
	doc
		.moveDown(1.5)
		.fillColor('#1c2430')
		.font('Helvetica-Bold')
		.fontSize(16)
		.text(m.poster_how(), { align: 'left' });
	doc.font('Helvetica').fontSize(14);
	for (const [i, step] of [
		m.poster_step_1(),
		m.poster_step_2(),
		m.poster_step_3({ button: m.survey_submit() })
	].entries())
		doc.text(`${i + 1}. ${step}`, { width, paragraphGap: 4 });
	doc.moveDown(0.8).fontSize(12).fillColor('#5b6470');
	doc.text(m.poster_privacy(), { width });
	doc.end();
	return done;
}
