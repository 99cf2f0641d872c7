import { describeTieNote } from '../../domain/scoring/tie-notes';
import PDFDocument from 'pdfkit';
import type { ReportCardView } from '../../domain/report-card/view';
import { drawRadar } from './pdf-radar';
import { drawTable } from '../files/pdf-table';

type Doc = InstanceType<typeof PDFDocument>;

// The report card as an official letter (A4): the city's header, the summary, the aspect radar in
// vector primitives (no canvas), the tables, and "Halaman k dari n" on every page.

function heading(doc: Doc, text: string): void {
	if (doc.y > doc.page.height - doc.page.margins.bottom - 80) doc.addPage();
	doc
		.moveDown(0.6)
		.font('Helvetica-Bold')
		.fontSize(12)
		.fillColor('#0f4c81')
		.text(text, doc.page.margins.left);
	doc.moveDown(0.3).font('Helvetica').fontSize(10).fillColor('#1c2430');
}

function letterhead(doc: Doc, c: ReportCardView, logo: Uint8Array | null): void {
	const left = doc.page.margins.left;
	const width = doc.page.width - left - doc.page.margins.right;
	// The government's logo at the left of its name, as on its letters (docs/rules.md §8.8).
	if (logo) doc.image(Buffer.from(logo), left, doc.y - 4, { fit: [40, 40] });
	doc.font('Helvetica-Bold').fontSize(14).text(c.government.toUpperCase(), { align: 'center' });
	if (c.division) doc.font('Helvetica').fontSize(10).text(c.division, { align: 'center' });
	doc.moveDown(0.3);
	doc
		.lineWidth(1.5)
		.moveTo(left, doc.y)
		.lineTo(left + width, doc.y)
		.stroke();
	doc.moveDown(0.8);
	doc.font('Helvetica-Bold').fontSize(13).text('RAPOR PELAYANAN PUBLIK', { align: 'center' });
	doc.font('Helvetica').fontSize(10).text(c.period.name, { align: 'center' });
	if (!c.period.published)
		doc
			.fillColor('#b42318')
			.text('HASIL SEMENTARA - BELUM DITERBITKAN', { align: 'center' })
			.fillColor('#1c2430');
	// docs/rules.md §8.3: the card follows the newest revision and says so, with its reason.
	if (c.period.revision)
		doc
			.fontSize(9)
			.text(
				`Revisi ke-${c.period.revision.number}${c.period.publishedOn ? ` (${c.period.publishedOn})` : ''}: ${c.period.revision.reason ?? '-'}`,
				{ align: 'center' }
			);
	doc.moveDown(0.8);
}

function summary(doc: Doc, c: ReportCardView): void {
	const s = c.summary;
	const lines: [string, string][] = [
		['Unit', `${c.unit.name} (${c.unit.code})`],
		['Kategori', c.unit.category],
		['IPP', s?.ippDisplay ?? '-'],
		['Predikat', s?.grade ? `${s.grade} (${s.predikat})` : '-'],
		[
			'Peringkat',
			s?.rank != null
				? `${s.rank} dari ${s.rankedCount} unit kategori ${c.unit.category}`
				: 'tidak diperingkat'
		],
		['Rata-rata kategori', s?.categoryMeanDisplay ?? '-']
	];
	if (s?.award) lines.push(['Penghargaan', s.award]);
	if (s?.tie) lines.push(['Seri', describeTieNote(s.tie)]);
	for (const [k, v] of lines) {
		const y = doc.y;
		doc.font('Helvetica-Bold').text(k, doc.page.margins.left, y, { width: 130 });
		doc.font('Helvetica').text(v, doc.page.margins.left + 130, y);
	}
	doc.x = doc.page.margins.left;
}

export function renderReportCardPdf(c: ReportCardView, logo: Uint8Array | null = null): Promise<Uint8Array> {
	const doc = new PDFDocument({
		size: 'A4',
		margins: { top: 50, bottom: 50, left: 50, right: 50 },
		bufferPages: true,
		info: { Title: `Rapor ${c.unit.name} ${c.period.code}`, Author: c.government }
	});
	const chunks: Buffer[] = [];
	doc.on('data', (b: Buffer) => chunks.push(b));
	const done = new Promise<Uint8Array>((resolve, reject) => {
		doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
		doc.on('error', reject);
	});
	const left = doc.page.margins.left;
	const width = doc.page.width - left - doc.page.margins.right;

	letterhead(doc, c, logo);
	summary(doc, c);

	heading(doc, 'Nilai per aspek');
	const chartTop = doc.y;
	drawRadar(
		doc,
		left,
		chartTop,
		250,
		c.aspects.map((a) => a.code),
		[
			{ label: c.unit.name, values: c.aspects.map((a) => a.score), color: '#0f4c81' },
			{
				label: 'Rata-rata kategori',
				values: c.aspects.map((a) => a.categoryMean),
				color: '#a15c00',
				dashed: true
			}
		]
	);
	doc.y = chartTop;
	doc.x = left + 265;
	const aspectRows = c.aspects.map(
		(a) => `${a.code}. ${a.name}: ${a.scoreDisplay} (kategori ${a.categoryMeanDisplay})`
	);
	doc.fontSize(9).list(aspectRows, left + 270, chartTop + 20, { width: width - 270 });
	doc.x = left;
	doc.y = Math.max(doc.y, chartTop + 280);

	heading(doc, 'Di mana unit paling banyak bertambah nilai');
	drawTable(
		doc,
		[
			{ header: 'Indikator', width: 170 },
			{ header: 'Nilai', width: 40, align: 'right' },
			{ header: 'Target', width: 40, align: 'right' },
			{ header: 'Tambahan IPP', width: 55, align: 'right' },
			{ header: 'Untuk mencapai level berikutnya', width: width - 305 }
		],
		c.gains.map((g) => [`${g.code} ${g.title}`, g.meanDisplay, String(g.target), g.gainDisplay, g.descriptor])
	);

	if (c.plan) {
		heading(doc, `Rencana pembinaan (${c.plan.statusLabel})`);
		drawTable(
			doc,
			[
				{ header: 'Indikator', width: 170 },
				{ header: 'Sebelum', width: 50, align: 'right' },
				{ header: 'Sesudah', width: 50, align: 'right' },
				{ header: 'Target', width: 40, align: 'right' },
				{ header: 'Status', width: 90 },
				{ header: 'Tenggat', width: width - 400 }
			],
			c.plan.items.map((i) => [
				`${i.code} ${i.title}`,
				i.beforeDisplay,
				i.afterDisplay ?? '-',
				String(i.target),
				i.statusLabel,
				(i.dueOnDisplay ?? '-') + (i.overdue ? ' (terlambat)' : '')
			])
		);
	}

	if (c.trend.length) {
		heading(doc, 'Perkembangan dari periode ke periode');
		drawTable(
			doc,
			[
				{ header: 'Periode', width: 190 },
				{ header: 'IPP', width: 50, align: 'right' },
				{ header: 'Predikat', width: 60 },
				{ header: 'Peringkat', width: 70 },
				{ header: 'Instrumen', width: width - 370 }
			],
			c.trend.map((t) => [
				t.periodName,
				t.ippDisplay,
				t.grade ?? '-',
				t.rank !== null ? `${t.rank} dari ${t.rankedCount}` : '-',
				t.instrumentCode + (t.instrumentChanged ? ' (instrumen berganti)' : '')
			])
		);
	}

	heading(doc, 'Nilai per indikator');
	const visitW = 42;
	drawTable(
		doc,
		[
			{ header: 'Indikator', width: 150 },
			...c.visitNos.map((v) => ({ header: `Kunj. ${v}`, width: visitW, align: 'right' as const })),
			{ header: 'Rata-rata', width: 45, align: 'right' },
			{ header: 'Level dan deskriptor', width: width - 195 - visitW * c.visitNos.length }
		],
		c.indicators.map((i) => [
			`${i.code} ${i.title}`,
			...i.visitScores,
			i.meanDisplay,
			[
				i.level !== null ? `Level ${i.level}: ${i.descriptor ?? ''}` : '-',
				...i.notes.map((n) => `Catatan kunjungan ${n.visitNo}: ${n.note}`),
				...i.evidence.map((e) => `Bukti: ${e.name}`)
			].join('\n')
		]),
		7.5
	);

	const range = doc.bufferedPageRange();
	for (let p = range.start; p < range.start + range.count; p++) {
		doc.switchToPage(p);
		const bottom = doc.page.margins.bottom;
		doc.page.margins.bottom = 0;
		doc
			.font('Helvetica')
			.fontSize(8)
			.fillColor('#5b6470')
			.text(
				`${c.unit.name} - ${c.period.name} - Halaman ${p - range.start + 1} dari ${range.count}`,
				left,
				doc.page.height - 35,
				{ width, align: 'center', lineBreak: false }
			);
		doc.page.margins.bottom = bottom;
	}
	doc.end();
	return done;
}
