import type PDFDocument from 'pdfkit';
import { m } from '$lib/paraglide/messages';
import { drawTable } from '../files/pdf-table';
import type { ObjectionView } from '../../domain/objections';
import type { TriangulationRow } from '../../domain/triangulation';
import { reasonText, signalName } from '../../i18n/signal-text';
import { objectionOutcomeText, objectionStatusText } from '../../i18n/objection-text';

type Doc = InstanceType<typeof PDFDocument>;

// The printed card's fairness parts (docs/rules.md §9): the unit's three signals beside aspect V
// and survey element U8, and the objections of the window with the office's answers.

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function drawSignals(doc: Doc, signals: { category: string; row: TriangulationRow }): void {
	const r = signals.row;
	const left = doc.page.margins.left;
	const width = doc.page.width - left - doc.page.margins.right;
	const dash = m.tri_none();
	const complaints =
		r.received === 0
			? m.tri_rapor_no_complaints()
			: m.tri_rapor_complaints_value({ closed: r.closed, received: r.received, share: r.shareClosed ?? '' }) +
				(r.medianDays !== null ? `\n${m.tri_col_days()}: ${r.medianDays}` : '');
	doc.fontSize(9).text(m.tri_rapor_hint({ category: signals.category }), left);
	doc.moveDown(0.3);
	drawTable(
		doc,
		[
			{ header: m.tri_rapor_signal(), width: width - 200 },
			{ header: m.tri_rapor_value(), width: 130, align: 'right' },
			{ header: m.tri_rapor_pr(), width: 70, align: 'right' }
		],
		[
			[capital(signalName('ipp')), r.ipp ?? dash, r.pr.ipp ?? dash],
			[`   ${m.tri_col_v_title()}`, r.aspectV ?? dash, ''],
			[capital(signalName('ikm')), r.ikm ?? dash, r.pr.ikm ?? dash],
			[`   ${m.tri_col_u8_title()}`, r.u8 ?? dash, ''],
			[
				capital(signalName('complaints')),
				complaints,
				r.tooFewComplaints ? m.tri_too_few() : (r.pr.complaints ?? dash)
			]
		],
		9
	);
	doc.x = left;
	doc.moveDown(0.3).fontSize(9);
	if (r.reasons.length) {
		doc.font('Helvetica-Bold').fillColor('#92400e').text(capital(m.tri_flag()), left);
		doc
			.font('Helvetica')
			.fillColor('#1c2430')
			.list(r.reasons.map(reasonText), left + 10, doc.y, {
				width: width - 10
			});
	} else doc.text(capital(r.comparable ? m.tri_agree() : m.tri_not_comparable()), left);
	doc.x = left;
}

export function drawObjections(doc: Doc, objections: readonly ObjectionView[]): void {
	const left = doc.page.margins.left;
	const width = doc.page.width - left - doc.page.margins.right;
	doc.fontSize(9).text(m.obj_rapor_hint(), left);
	doc.moveDown(0.3);
	drawTable(
		doc,
		[
			{ header: m.rc_pdf_col_indicator(), width: 150 },
			{ header: m.obj_pdf_col_claimed(), width: 55, align: 'right' },
			{ header: m.obj_pdf_col_outcome(), width: 95 },
			{ header: m.obj_pdf_col_reason(), width: width - 300 }
		],
		objections.map((o) => [
			`${o.indicatorCode} ${o.indicatorTitle}`,
			String(o.claimedLevel),
			capital(objectionStatusText(o.status)) + (o.outcome ? `\n(${objectionOutcomeText(o.outcome)})` : ''),
			[
				o.reason,
				...(o.evidence.length
					? [m.obj_pdf_evidence({ names: o.evidence.map((e) => e.name).join(', ') })]
					: []),
				...(o.answer ? [`${m.obj_answer_label()}: ${o.answer}`] : [])
			].join('\n')
		]),
		8
	);
	doc.x = left;
}
