import { DEVICE_ID } from './channel';
import {
	describeSubmissionProblem,
	parseSubmission,
	type SubmissionProblem,
	type SurveySubmission
} from './submission';

// One face-to-face questionnaire as an enumerator's device sends it (README "Survey enumerators"):
// `{deviceId, unitCode, givenAt, fields: {u1..u9, sex, age_band, education, occupation, service,
// suggestion}}`. `givenAt` is the moment of the interview, which decides the period (docs/rules.md
// §6), not the moment the tablet found signal again.

export interface EnumeratorEntry {
	deviceId: string;
	unitCode: string;
	givenAt: number;
	submission: SurveySubmission;
}

/** How far ahead of the server's clock a device's clock may run (a tablet set a few minutes fast). */
export const CLOCK_SKEW_MS = 10 * 60_000;

const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

// The reasons are codes worded by the caller (README "Where translation happens"): the server
// passes Paraglide (messages srv_enum_entry_* and srv_submission_*); the Indonesian here is the
// default and reads exactly like messages/refusals/id.json.
const ENTRY_REASONS_ID = {
	srv_enum_entry_not_object: 'isi permintaan harus objek JSON',
	srv_enum_entry_device: '8-64 huruf, angka atau tanda hubung',
	srv_enum_entry_unit: 'kode unit wajib diisi',
	srv_enum_entry_given_missing: 'waktu wawancara (ISO 8601) wajib diisi',
	srv_enum_entry_given_future: 'waktu wawancara ada di masa depan',
	srv_enum_entry_fields: 'jawaban kuesioner wajib diisi'
};
export type EntryReason = keyof typeof ENTRY_REASONS_ID;

export interface EntryWording {
	reason(code: EntryReason): string;
	field(field: string, problem: SubmissionProblem): string;
}

export const entryWordingIndonesian: EntryWording = {
	reason: (code) => ENTRY_REASONS_ID[code],
	field: describeSubmissionProblem
};

export function parseEnumeratorEntry(
	raw: unknown,
	now: number,
	word: EntryWording = entryWordingIndonesian
): { ok: true; value: EnumeratorEntry } | { ok: false; problems: string[] } {
	if (!isObject(raw)) return { ok: false, problems: [word.reason('srv_enum_entry_not_object')] };
	const problems: string[] = [];
	const deviceId = typeof raw.deviceId === 'string' ? raw.deviceId : '';
	if (!DEVICE_ID.test(deviceId)) problems.push(`deviceId: ${word.reason('srv_enum_entry_device')}`);
	const unitCode = typeof raw.unitCode === 'string' ? raw.unitCode.trim() : '';
	if (!unitCode || unitCode.length > 64) problems.push(`unitCode: ${word.reason('srv_enum_entry_unit')}`);
	const givenAt = typeof raw.givenAt === 'string' ? Date.parse(raw.givenAt) : NaN;
	if (!Number.isFinite(givenAt)) problems.push(`givenAt: ${word.reason('srv_enum_entry_given_missing')}`);
	else if (givenAt > now + CLOCK_SKEW_MS)
		problems.push(`givenAt: ${word.reason('srv_enum_entry_given_future')}`);
	const fields: Record<string, string> = {};
	if (!isObject(raw.fields)) problems.push(`fields: ${word.reason('srv_enum_entry_fields')}`);
	else
		for (const [k, v] of Object.entries(raw.fields))
			if (typeof v === 'string' || typeof v === 'number') fields[k] = String(v);
	const parsed = parseSubmission(fields);
	if (!parsed.ok)
		for (const [field, problem] of Object.entries(parsed.problems))
			problems.push(`fields.${field}: ${word.field(field, problem)}`);
	if (problems.length || !parsed.ok) return { ok: false, problems };
	return { ok: true, value: { deviceId, unitCode, givenAt, submission: parsed.value } };
}
