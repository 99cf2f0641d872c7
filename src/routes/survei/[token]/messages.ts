import type { SubmissionProblem } from '$lib/domain/survey';
import { m } from '$lib/paraglide/messages';

/** Per-field messages in the visitor's language. */
export function surveyProblemMessages(problems: Record<string, SubmissionProblem>): Record<string, string> {
	const text: Record<SubmissionProblem, () => string> = {
		missing: m.survey_error_missing,
		out_of_range: m.survey_error_out_of_range,
		unknown_option: m.survey_error_unknown_option,
		too_long: m.survey_error_too_long,
		unsafe_text: m.survey_error_unsafe_text
	};
	return Object.fromEntries(Object.entries(problems).map(([field, p]) => [field, text[p]()]));
}
