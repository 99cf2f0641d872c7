import { m } from '$lib/paraglide/messages';
import type { InstrumentIssue, InstrumentIssueParams } from '$lib/domain/instrument/types';
import { fmtNumber } from './display';

// What a check of an instrument version found (docs/rules.md §3) in the reader's language: the
// domain describes each issue by code and parameters (domain/instrument/validate.ts, edit.ts),
// the edit page and the public instrument page word them here (README "Where translation happens").

const weight = (x: number | undefined) => fmtNumber(x ?? 0, 3);

/** The label of the edited field an issue is about ("Weight of aspect I"). */
function fieldLabel(p: InstrumentIssueParams): string {
	const aspect = p.aspect ?? '';
	const indicator = p.indicator ?? '';
	switch (p.field) {
		case 'aspect_name':
			return m.ins_field_aspect_name({ aspect });
		case 'aspect_weight':
			return m.ins_field_aspect_weight({ aspect });
		case 'indicator_title':
			return m.ins_field_indicator_title({ indicator });
		case 'indicator_weight':
			return m.ins_field_indicator_weight({ indicator });
		case 'level':
			return m.ins_field_level({ level: String(p.level ?? 0), indicator });
		case 'evidence':
			return m.ins_field_evidence({ indicator });
		default:
			return m.ins_field_name();
	}
}

export function instrumentIssueText(issue: InstrumentIssue): string {
	const p = issue.params;
	const aspect = p.aspect ?? '';
	const indicator = p.indicator ?? '';
	switch (issue.code) {
		case 'no_aspects':
			return m.ins_issue_no_aspects();
		case 'aspect_sum':
			return m.ins_issue_aspect_sum({ sum: weight(p.sum) });
		case 'aspect_duplicate':
			return m.ins_issue_aspect_duplicate({
				aspect,
				position: String(p.position ?? 0),
				earlier: String(p.earlier ?? 0)
			});
		case 'aspect_weight_range':
			return m.ins_issue_aspect_weight_range({ aspect, weight: weight(p.weight) });
		case 'aspect_no_indicators':
			return m.ins_issue_aspect_no_indicators({ aspect });
		case 'indicator_duplicate':
			return m.ins_issue_indicator_duplicate({ indicator, aspect });
		case 'indicator_weight_range':
			return m.ins_issue_indicator_weight_range({ indicator, weight: weight(p.weight) });
		case 'level_empty':
			return m.ins_issue_level_empty({ indicator, level: String(p.level ?? 0) });
		case 'levels_too_many':
			return m.ins_issue_levels_too_many({ indicator });
		case 'zero_aspect_indicator':
			return m.ins_issue_zero_aspect_indicator({ aspect, indicator, weight: weight(p.weight) });
		case 'indicator_sum_rounded':
			return m.ins_issue_indicator_sum_rounded({ aspect, sum: weight(p.sum) });
		case 'indicator_sum':
			return m.ins_issue_indicator_sum({ aspect, sum: weight(p.sum) });
		case 'text_too_long':
			return m.ins_issue_text_too_long({ field: fieldLabel(p), max: fmtNumber(p.max ?? 0) });
		case 'text_unsafe':
			return m.ins_issue_text_unsafe({ field: fieldLabel(p) });
		case 'weight_not_number':
			return m.ins_issue_weight_not_number({ field: fieldLabel(p), value: p.value ?? '' });
		case 'name_too_short':
			return m.ins_issue_name_too_short();
		case 'file_invalid':
			// a file's own problem, worded by its schema
			return issue.message;
	}
}
