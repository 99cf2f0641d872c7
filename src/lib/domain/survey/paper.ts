import { isIsoDate, jakartaDayStart, type SurveyWindow } from './window';
import { describeSubmissionProblem, parseSubmission, type SurveySubmission } from './submission';

// Paper questionnaires typed in by an administrator, from the bulk form or a CSV/XLSX file.
// Columns: unit_code, date, u1..u9, optional sex, age_band, education, occupation, service, suggestion.

export const PAPER_REQUIRED_COLUMNS = [
	'unit_code',
	'date',
	'u1',
	'u2',
	'u3',
	'u4',
	'u5',
	'u6',
	'u7',
	'u8',
	'u9'
];
export const PAPER_OPTIONAL_COLUMNS = ['sex', 'age_band', 'education', 'occupation', 'service', 'suggestion'];

export interface PaperRow {
	line: number;
	record: Record<string, string>;
}

export interface PaperResponse extends SurveySubmission {
	line: number;
	unitId: number;
	date: string;
	/** Noon in Jakarta of the questionnaire's date: inside the window, whatever the hour it was filled. */
	submittedAt: number;
}

/** Accepts 2026-10-03 and the Indonesian 03/10/2026 (or 3-10-2026). */
export function parsePaperDate(value: string): string | null {
	const v = value.trim();
	if (isIsoDate(v)) return v;
	const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(v);
	if (!m) return null;
	const iso = `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
	return isIsoDate(iso) ? iso : null;
}

export function checkPaperHeader(columns: readonly string[]): string[] {
	const known = new Set([...PAPER_REQUIRED_COLUMNS, ...PAPER_OPTIONAL_COLUMNS]);
	const problems: string[] = [];
	const missing = PAPER_REQUIRED_COLUMNS.filter((c) => !columns.includes(c));
	if (missing.length) problems.push(`baris 1: kolom wajib tidak ada: ${missing.join(', ')}`);
	const unknown = columns.filter((c) => c !== '' && !known.has(c));
	if (unknown.length) problems.push(`baris 1: kolom tidak dikenal: ${unknown.join(', ')}`);
	return problems;
}

export function validatePaperRows(
	rows: readonly PaperRow[],
	ctx: { unitIds: ReadonlyMap<string, number>; window: SurveyWindow }
): { ok: true; responses: PaperResponse[] } | { ok: false; problems: string[] } {
	const problems: string[] = [];
	const responses: PaperResponse[] = [];
	if (rows.length === 0) problems.push('tidak ada kuesioner yang diisi');
	for (const { line, record } of rows) {
		const here: string[] = [];
		const code = (record.unit_code ?? '').trim();
		const unitId = ctx.unitIds.get(code);
		if (!code) here.push('kode unit kosong');
		else if (unitId === undefined) here.push(`unit ${code} tidak termasuk periode ini`);
		const date = parsePaperDate(record.date ?? '');
		if (!date) here.push(`tanggal "${record.date ?? ''}" tidak valid (TTTT-BB-HH atau HH/BB/TTTT)`);
		else if (date < ctx.window.from || date > ctx.window.to)
			here.push(`tanggal ${date} di luar jendela survei ${ctx.window.from} s.d. ${ctx.window.to}`);
		const parsed = parseSubmission(record);
		if (!parsed.ok)
			for (const [field, problem] of Object.entries(parsed.problems))
				here.push(describeSubmissionProblem(field, problem));
		if (here.length) problems.push(...here.map((p) => `baris ${line}: ${p}`));
		else if (parsed.ok && unitId !== undefined && date)
			responses.push({
				...parsed.value,
				line,
				unitId,
				date,
				submittedAt: jakartaDayStart(date) + 12 * 3600_000
			});
	}
	return problems.length ? { ok: false, problems } : { ok: true, responses };
}
