import { m } from '$lib/paraglide/messages';
import {
	PROFILE_OPTIONS,
	SURVEY_ELEMENTS,
	submissionFieldIndonesian,
	submissionTextMax,
	type ProfileField,
	type SubmissionProblem
} from '../../domain/survey';
import { displayLocale } from '../../i18n/display';
import { refusalText } from '../service-result';

// A questionnaire field's problem in the request's language (README "Where translation
// happens"): the paper import's lines and the JSON of /survei/[token]/kirim. Indonesian keeps
// the domain's names word for word (describeSubmissionProblem); English takes the names the
// public survey form shows: the element's English name, the profile labels of PROFILE_OPTIONS,
// and the form's own labels for the service and the suggestion.

const isProfileField = (field: string): field is ProfileField => field in PROFILE_OPTIONS;

/** The suggestion's form label carries "(optional)", which has no place inside a problem. */
const withoutNote = (label: string) => label.replace(/\s*\([^)]*\)$/, '');

function englishFieldName(field: string): string {
	const element = SURVEY_ELEMENTS.find((e) => e.field === field);
	if (element) return `${element.code} ${element.name.en}`;
	if (isProfileField(field)) return PROFILE_OPTIONS[field].label.en;
	if (field === 'service') return m.survey_service_label({}, { locale: 'en' });
	if (field === 'suggestion') return withoutNote(m.survey_suggestion_label({}, { locale: 'en' }));
	return field;
}

export function submissionFieldText(field: string): string {
	return displayLocale() === 'en' ? englishFieldName(field) : submissionFieldIndonesian(field);
}

export function submissionProblemText(field: string, problem: SubmissionProblem): string {
	const name = submissionFieldText(field);
	switch (problem) {
		case 'missing':
			return refusalText('srv_submission_missing', { name });
		case 'out_of_range':
			return refusalText('srv_submission_out_of_range', { name });
		case 'unknown_option':
			return refusalText('srv_submission_unknown_option', { name });
		case 'too_long':
			return refusalText('srv_submission_too_long', { name, max: submissionTextMax(field) });
		case 'unsafe_text':
			return refusalText('srv_submission_unsafe_text', { name });
	}
}
