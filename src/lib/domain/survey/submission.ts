import { SURVEY_ELEMENTS } from './elements';
import {
	PROFILE_FIELDS,
	SERVICE_MAX_LENGTH,
	SUGGESTION_MAX_LENGTH,
	matchProfileOption,
	type ProfileField
} from './profile';
import { hasUnsafeCharacters, unsafeTextReason } from '../text-safety';

// Validation of one questionnaire, shared by the online form and the paper entry/import.

export interface SurveyProfile {
	sex: string | null;
	age_band: string | null;
	education: string | null;
	occupation: string | null;
	service: string | null;
}

export interface SurveySubmission {
	answers: number[];
	profile: SurveyProfile;
	suggestion: string | null;
}

export type SubmissionProblem = 'missing' | 'out_of_range' | 'unknown_option' | 'too_long' | 'unsafe_text';

export type SubmissionParse =
	{ ok: true; value: SurveySubmission } | { ok: false; problems: Record<string, SubmissionProblem> };

const ANSWER = /^[1-4]$/;

/** Reads u1..u9 (1..4, all required) and the optional profile and suggestion from text fields. */
export function parseSubmission(raw: Record<string, string | undefined>): SubmissionParse {
	const problems: Record<string, SubmissionProblem> = {};
	const answers: number[] = [];
	for (const e of SURVEY_ELEMENTS) {
		const v = (raw[e.field] ?? '').trim();
		if (v === '') problems[e.field] = 'missing';
		else if (!ANSWER.test(v)) problems[e.field] = 'out_of_range';
		else answers.push(Number(v));
	}
	const profile: SurveyProfile = {
		sex: null,
		age_band: null,
		education: null,
		occupation: null,
		service: null
	};
	for (const field of PROFILE_FIELDS) {
		const v = (raw[field] ?? '').trim();
		if (v === '') continue;
		const code = matchProfileOption(field as ProfileField, v);
		if (code) profile[field] = code;
		else problems[field] = 'unknown_option';
	}
	const service = (raw.service ?? '').trim().replace(/\s+/g, ' ');
	if (service.length > SERVICE_MAX_LENGTH) problems.service = 'too_long';
	else if (hasUnsafeCharacters(service)) problems.service = 'unsafe_text';
	else if (service) profile.service = service;
	const suggestion = (raw.suggestion ?? '').trim();
	if (suggestion.length > SUGGESTION_MAX_LENGTH) problems.suggestion = 'too_long';
	else if (hasUnsafeCharacters(suggestion)) problems.suggestion = 'unsafe_text';
	if (Object.keys(problems).length > 0) return { ok: false, problems };
	return { ok: true, value: { answers, profile, suggestion: suggestion || null } };
}

const FIELD_NAMES: Record<string, string> = {
	...Object.fromEntries(SURVEY_ELEMENTS.map((e) => [e.field, `${e.code} ${e.name.id}`])),
	sex: 'jenis kelamin',
	age_band: 'usia',
	education: 'pendidikan',
	occupation: 'pekerjaan',
	service: 'jenis layanan',
	suggestion: 'saran'
};

/** A field's Indonesian name inside a problem sentence ("U1 Persyaratan", "jenis kelamin"). */
export function submissionFieldIndonesian(field: string): string {
	return FIELD_NAMES[field] ?? field;
}

/** The longest text a free-text field (service or suggestion) takes. */
export function submissionTextMax(field: string): number {
	return field === 'service' ? SERVICE_MAX_LENGTH : SUGGESTION_MAX_LENGTH;
}

/**
 * Indonesian sentence for a problem, used outside a request (the command line, pure callers);
 * pages and the JSON of /survei/[token]/kirim word the same problem in the reader's language
 * with the messages srv_submission_* (README "Where translation happens").
 */
export function describeSubmissionProblem(field: string, problem: SubmissionProblem): string {
	const name = submissionFieldIndonesian(field);
	switch (problem) {
		case 'missing':
			return `${name} belum dijawab`;
		case 'out_of_range':
			return `${name} harus bernilai 1 sampai 4`;
		case 'unknown_option':
			return `${name}: pilihan tidak dikenal`;
		case 'too_long':
			return `${name} terlalu panjang (maksimal ${submissionTextMax(field)} karakter)`;
		case 'unsafe_text':
			return unsafeTextReason(name);
	}
}
