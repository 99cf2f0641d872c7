import { tieNoteText } from '../../i18n/tie-note';
import PDFDocument from 'pdfkit';
import type { ReportCardView } from '../../domain/report-card/view';
import { drawRadar } from './pdf-radar';
import { drawTable } from '../files/pdf-table';
import { m } from '$lib/paraglide/messages';
import { fmtNumber, gradeLabel } from '$lib/i18n/display';
import { itemStatusLabel, planStatusLabel } from '$lib/i18n/coaching-status';
import type { UnitIkm } from '../../domain/survey/ikm-shape';
import { drawIkm, drawSignature, type ReportCardClosing } from './report-card-pdf-closing';
import { drawObjections, drawSignals } from './report-card-pdf-fairness';
import type { ObjectionView } from '../../domain/objections';
import type { TriangulationRow } from '../../domain/triangulation';

type Doc = InstanceType<typeof PDFDocument>;

// The report card as an official letter (A4) in the reader's language: the city's header, the
// summary, the aspect radar in vector primitives (no canvas), the tables, the IKM, the date and
// signature block, and "Halaman k dari n" on every page.

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
	doc.font('Helvetica-Bold').fontSize(13).text(m.rc_pdf_title(), { align: 'center' });
	doc.font('Helvetica').fontSize(10).text(c.period.name, { align: 'center' });
	if (!c.period.published)
		doc.fillColor('#b42318').text(m.rc_pdf_provisional(), { align: 'center' }).fillColor('#1c2430');
	// docs/rules.md §8.3: the card follows the newest revision and says so, with its reason.
	if (c.period.revision)
		doc.fontSize(9).text(
			m.rapor_revision_note({
				revision: String(c.period.revision.number),
				date: c.period.publishedOn ?? '-',
				reason: c.period.revision.reason ?? '-'
			}),
			{ align: 'center' }
		);
	doc.moveDown(0.8);
}

function summary(doc: Doc, c: ReportCardView): void {
	const s = c.summary;
	const lines: [string, string][] = [
		[m.rc_pdf_unit(), `${c.unit.name} (${c.unit.code})`],
		[m.rc_pdf_category(), c.unit.category],
		[m.rc_pdf_ipp(), s?.ippDisplay ?? '-'],
		[m.rc_pdf_grade(), s?.grade ? gradeLabel(s.grade) : '-'],
		[
			m.rc_pdf_rank(),
			s?.rank != null
				? m.rc_pdf_rank_of({
						rank: fmtNumber(s.rank),
						count: fmtNumber(s.rankedCount),
						category: c.unit.category
					})
				: m.rc_pdf_not_ranked()
		],
		[m.rc_pdf_category_mean(), s?.categoryMeanDisplay ?? '-']
	];
	if (s?.award) lines.push([m.rc_pdf_award(), s.award]);
	if (s?.tie) lines.push([m.rc_pdf_tie(), tieNoteText(s.tie)]);
	for (const [k, v] of lines) {
		const y = doc.y;
		doc.font('Helvetica-Bold').text(k, doc.page.margins.left, y, { width: 130 });
		doc.font('Helvetica').text(v, doc.page.margins.left + 130, y);
	}
	doc.x = doc.page.margins.left;
}

export interface ReportCardExtras {
	logo?: Uint8Array | null;
	ikm?: UnitIkm | null;
	closing?: ReportCardClosing | null;
	signals?: { category: string; row: TriangulationRow } | null;
	objections?: readonly ObjectionView[];
}

export function renderReportCardPdf(c: ReportCardView, extras: ReportCardExtras = {}): Promise<Uint8Array> {
	const logo = extras.logo ?? null;
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

	heading(doc, m.rc_pdf_aspects());
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
				label: m.rc_pdf_category_mean(),
				values: c.aspects.map((a) => a.categoryMean),
				color: '#a15c00',
				dashed: true
			}
		]
	);
	doc.y = chartTop;
	doc.x = left + 265;
	const aspectRows = c.aspects.map((a) =>
		m.rc_pdf_aspect_row({ code: a.code, name: a.name, score: a.scoreDisplay, mean: a.categoryMeanDisplay })
	);
	doc.fontSize(9).list(aspectRows, left + 270, chartTop + 20, { width: width - 270 });
	doc.x = left;
	doc.y = Math.max(doc.y, chartTop + 280);

	heading(doc, m.rc_pdf_gains());
	drawTable(
		doc,
		[
			{ header: m.rc_pdf_col_indicator(), width: 170 },
			{ header: m.rc_pdf_col_score(), width: 40, align: 'right' },
			{ header: m.rc_pdf_col_target(), width: 40, align: 'right' },
			{ header: m.rc_pdf_col_gain(), width: 55, align: 'right' },
			{ header: m.rc_pdf_col_next(), width: width - 305 }
		],
		c.gains.map((g) => [`${g.code} ${g.title}`, g.meanDisplay, String(g.target), g.gainDisplay, g.descriptor])
	);

	if (c.plan) {
		heading(doc, m.rc_pdf_plan({ status: planStatusLabel(c.plan.status) }));
		drawTable(
			doc,
			[
				{ header: m.rc_pdf_col_indicator(), width: 170 },
				{ header: m.rc_pdf_col_before(), width: 50, align: 'right' },
				{ header: m.rc_pdf_col_after(), width: 50, align: 'right' },
				{ header: m.rc_pdf_col_target(), width: 40, align: 'right' },
				{ header: m.rc_pdf_col_status(), width: 90 },
				{ header: m.rc_pdf_col_due(), width: width - 400 }
			],
			c.plan.items.map((i) => [
				`${i.code} ${i.title}`,
				i.beforeDisplay,
				i.afterDisplay ?? '-',
				String(i.target),
				itemStatusLabel(i.status),
				(i.dueOnDisplay ?? '-') + (i.overdue ? ` ${m.rc_pdf_overdue()}` : '')
			])
		);
	}

	if (c.trend.length) {
		heading(doc, m.rc_pdf_trend());
		drawTable(
			doc,
			[
				{ header: m.rc_pdf_col_period(), width: 190 },
				{ header: m.rc_pdf_ipp(), width: 50, align: 'right' },
				{ header: m.rc_pdf_grade(), width: 60 },
				{ header: m.rc_pdf_col_rank(), width: 70 },
				{ header: m.rc_pdf_col_instrument(), width: width - 370 }
			],
			c.trend.map((t) => [
				t.periodName,
				t.ippDisplay,
				t.grade ?? '-',
				t.rank !== null
					? m.rc_pdf_rank_short({ rank: fmtNumber(t.rank), count: fmtNumber(t.rankedCount) })
					: '-',
				t.instrumentCode + (t.instrumentChanged ? ` ${m.rc_pdf_instrument_changed()}` : '')
			])
		);
	}

	heading(doc, m.rc_pdf_ikm());
	drawIkm(doc, extras.ikm ?? null);

	if (extras.signals) {
		heading(doc, m.tri_rapor_title());
		drawSignals(doc, extras.signals);
	}
	if (extras.objections?.length) {
		heading(doc, m.obj_rapor_heading());
		drawObjections(doc, extras.objections);
	}

	heading(doc, m.rc_pdf_indicators());
	const visitW = 42;
	drawTable(
		doc,
		[
			{ header: m.rc_pdf_col_indicator(), width: 150 },
			...c.visitNos.map((v) => ({
				header: m.rc_pdf_col_visit({ visit: v }),
				width: visitW,
				align: 'right' as const
			})),
			{ header: m.rc_pdf_col_mean(), width: 45, align: 'right' },
			{ header: m.rc_pdf_col_level(), width: width - 195 - visitW * c.visitNos.length }
		],
		c.indicators.map((i) => [
			`${i.code} ${i.title}`,
			...i.visitScores,
			i.meanDisplay,
			[
				i.level !== null ? m.rc_pdf_level({ level: i.level, descriptor: i.descriptor ?? '' }) : '-',
				...i.notes.map((n) => m.rc_pdf_visit_note({ visit: n.visitNo, note: n.note })),
				...i.evidence.map((e) => m.rc_pdf_evidence({ name: e.name }))
			].join('\n')
		]),
		7.5
	);

	if (extras.closing) drawSignature(doc, extras.closing);

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
				m.rc_pdf_footer({
					unit: c.unit.name,
					period: c.period.name,
					page: p - range.start + 1,
					pages: range.count
				}),
				left,
				doc.page.height - 35,
				{ width, align: 'center', lineBreak: false }
			);
		doc.page.margins.bottom = bottom;
	}
	doc.end();
	return done;
}
