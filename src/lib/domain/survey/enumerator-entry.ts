import { DEVICE_ID } from './channel';
import { describeSubmissionProblem, parseSubmission, type SurveySubmission } from './submission';

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

export function parseEnumeratorEntry(
	raw: unknown,
	now: number
): { ok: true; value: EnumeratorEntry } | { ok: false; problems: string[] } {
	if (!isObject(raw)) return { ok: false, problems: ['isi permintaan harus objek JSON'] };
	const problems: string[] = [];
	const deviceId = typeof raw.deviceId === 'string' ? raw.deviceId : '';
	if (!DEVICE_ID.test(deviceId)) problems.push('deviceId: 8-64 huruf, angka atau tanda hubung');
	const unitCode = typeof raw.unitCode === 'string' ? raw.unitCode.trim() : '';
	if (!unitCode || unitCode.length > 64) problems.push('unitCode: kode unit wajib diisi');
	const givenAt = typeof raw.givenAt === 'string' ? Date.parse(raw.givenAt) : NaN;
	if (!Number.isFinite(givenAt)) problems.push('givenAt: waktu wawancara (ISO 8601) wajib diisi');
	else if (givenAt > now + CLOCK_SKEW_MS) problems.push('givenAt: waktu wawancara ada di masa depan');
	const fields: Record<string, string> = {};
	if (!isObject(raw.fields)) problems.push('fields: jawaban kuesioner wajib diisi');
	else
		for (const [k, v] of Object.entries(raw.fields))
			if (typeof v === 'string' || typeof v === 'number') fields[k] = String(v);
	const parsed = parseSubmission(fields);
	if (!parsed.ok)
		for (const [field, problem] of Object.entries(parsed.problems))
			problems.push(`fields.${field}: ${describeSubmissionProblem(field, problem)}`);
	if (problems.length || !parsed.ok) return { ok: false, problems };
	return { ok: true, value: { deviceId, unitCode, givenAt, submission: parsed.value } };
}
