import { z } from 'zod';
import { GRADES, type Grade } from '$lib/domain/scoring/display';
import { DEFAULT_MIN_RANKED_FOR_AWARDS } from '$lib/domain/scoring/awards';
import type { PeriodSettings } from '$lib/domain/period/settings';
import type { CoachingRule } from '$lib/domain/coaching/rule';
import { m } from '$lib/paraglide/messages';
import { isoDateField, optionalField } from '$lib/server/http/form-fields';

// Each message is a Paraglide key read when the form is parsed, so the words follow the reader's
// language (README "Where translation happens"); a label is a message too.
type Label = () => string;

const int = (label: Label) =>
	z
		.string()
		.trim()
		.regex(/^\d{1,3}$/, { error: () => m.fm_int({ label: label() }) })
		.transform(Number);
const decimal = (label: Label) =>
	z
		.string()
		.trim()
		.optional()
		.default('')
		.refine((v) => v === '' || /^\d(?:[.,]\d{1,2})?$/.test(v), {
			error: () => m.fm_decimal({ label: label() })
		})
		.transform((v) => (v === '' ? null : Number(v.replace(',', '.'))));
const dateError = (label: Label) => ({ error: () => m.fm_date_invalid({ label: label() }) });
const date = (label: Label) => isoDateField(dateError(label).error);
const optionalDate = (label: Label) => optionalField(date(label));

export const settingsForm = z.object({
	name: z
		.string()
		.trim()
		.min(3, { error: () => m.fm_period_name_min() })
		.max(200, { error: () => m.fm_period_name_max() }),
	visits: int(m.fm_label_visits),
	assessors: int(m.fm_label_assessors),
	awards: int(m.fm_label_awards),
	// docs/rules.md §8.2; optional so that a form without the field keeps the default of 3.
	min_ranked: z
		.string()
		.trim()
		.optional()
		.default('')
		.refine((v) => v === '' || /^\d{1,3}$/.test(v), { error: () => m.fm_min_ranked_int() })
		.transform((v) => (v === '' ? undefined : Number(v))),
	award_min_grade: z
		.string()
		.optional()
		.default('')
		.refine((v) => v === '' || (GRADES as readonly string[]).includes(v), {
			error: () => m.fm_grade_unknown()
		}),
	disagreement: int(m.fm_label_disagreement),
	coaching_kind: z.enum(['threshold', 'bottom'], { error: () => m.fm_coaching_kind_pick() }),
	coaching_max_ipp: decimal(m.fm_label_max_ipp),
	coaching_aspect_floor: decimal(m.fm_label_aspect_floor),
	coaching_k: z.string().trim().optional().default(''),
	starts_on: date(m.fm_label_starts_on),
	ends_on: date(m.fm_label_ends_on),
	survey_from: optionalDate(m.fm_label_survey_from),
	survey_to: optionalDate(m.fm_label_survey_to)
});

export const createForm = settingsForm.extend({
	code: z
		.string()
		.trim()
		.min(2, { error: () => m.fm_period_code_required() })
		.max(40, { error: () => m.fm_period_code_max() }),
	instrument: z
		.string()
		.trim()
		.min(1, { error: () => m.fm_instrument_pick() })
		.max(100)
});

export function toSettings(d: z.infer<typeof settingsForm>): PeriodSettings {
	const coachingRule: CoachingRule =
		d.coaching_kind === 'bottom'
			? { kind: 'bottom', k: /^\d{1,3}$/.test(d.coaching_k) ? Number(d.coaching_k) : NaN }
			: { kind: 'threshold', maxIpp: d.coaching_max_ipp, aspectFloor: d.coaching_aspect_floor };
	return {
		name: d.name,
		requiredVisits: d.visits,
		requiredAssessors: d.assessors,
		awardsPerCategory: d.awards,
		minRankedForAwards: d.min_ranked,
		awardMinGrade: d.award_min_grade === '' ? null : (d.award_min_grade as Grade),
		disagreementThreshold: d.disagreement,
		coachingRule,
		startsOn: d.starts_on,
		endsOn: d.ends_on,
		// The survey window defaults to the date window.
		surveyFrom: d.survey_from ?? d.starts_on,
		surveyTo: d.survey_to ?? d.ends_on
	};
}

const two = (x: number | null) => (x === null ? '' : x.toFixed(2).replace('.', ','));

/** Form values of stored settings, for the edit form. */
export function settingsValues(s: PeriodSettings): Record<string, string> {
	const rule = s.coachingRule;
	return {
		name: s.name,
		visits: String(s.requiredVisits),
		assessors: String(s.requiredAssessors),
		awards: String(s.awardsPerCategory),
		min_ranked: String(s.minRankedForAwards ?? DEFAULT_MIN_RANKED_FOR_AWARDS),
		award_min_grade: s.awardMinGrade ?? '',
		disagreement: String(s.disagreementThreshold),
		coaching_kind: rule.kind,
		coaching_max_ipp: rule.kind === 'threshold' ? two(rule.maxIpp) : '3,00',
		coaching_aspect_floor: rule.kind === 'threshold' ? two(rule.aspectFloor) : '2,51',
		coaching_k: rule.kind === 'bottom' ? String(rule.k) : '3',
		starts_on: s.startsOn,
		ends_on: s.endsOn,
		survey_from: s.surveyFrom,
		survey_to: s.surveyTo
	};
}
