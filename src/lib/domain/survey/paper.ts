import { dayStart, isIsoDate, type SurveyWindow } from './window';
import { parseSubmission, type SurveySubmission } from './submission';
import { rowProblem, rowProblemIndonesian, type RowProblem, type RowWording } from '../import/row-problem';

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
	/** Noon in the office's zone of the questionnaire's date: inside the window, whatever the hour it was filled. */
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

// Problems are reason codes worded by `word` (README "Where translation happens"): the server
// passes its Paraglide wording, other callers get the Indonesian default.

export function checkPaperHeader(
	columns: readonly string[],
	word: RowWording = rowProblemIndonesian
): string[] {
	const known = new Set([...PAPER_REQUIRED_COLUMNS, ...PAPER_OPTIONAL_COLUMNS]);
	const problems: RowProblem[] = [];
	const missing = PAPER_REQUIRED_COLUMNS.filter((c) => !columns.includes(c));
	if (missing.length)
		problems.push(rowProblem(1, 'srv_row_columns_missing', { columns: missing.join(', ') }));
	const unknown = columns.filter((c) => c !== '' && !known.has(c));
	if (unknown.length)
		problems.push(rowProblem(1, 'srv_row_paper_columns_unknown', { columns: unknown.join(', ') }));
	return problems.map(word);
}

export function validatePaperRows(
	rows: readonly PaperRow[],
	ctx: { unitIds: ReadonlyMap<string, number>; window: SurveyWindow; timeZone?: string },
	word: RowWording = rowProblemIndonesian
): { ok: true; responses: PaperResponse[] } | { ok: false; problems: string[] } {
	const problems: RowProblem[] = [];
	const responses: PaperResponse[] = [];
	if (rows.length === 0) problems.push(rowProblem(0, 'srv_row_paper_none', {}));
	for (const { line, record } of rows) {
		const start = problems.length;
		const code = (record.unit_code ?? '').trim();
		const unitId = ctx.unitIds.get(code);
		if (!code) problems.push(rowProblem(line, 'srv_row_unit_code_empty', {}));
		else if (unitId === undefined) problems.push(rowProblem(line, 'srv_row_paper_unit_outside', { code }));
		const date = parsePaperDate(record.date ?? '');
		if (!date) problems.push(rowProblem(line, 'srv_row_paper_date_invalid', { value: record.date ?? '' }));
		else if (date < ctx.window.from || date > ctx.window.to)
			problems.push(
				rowProblem(line, 'srv_row_paper_date_outside', {
					date,
					from: ctx.window.from,
					to: ctx.window.to
				})
			);
		const parsed = parseSubmission(record);
		if (!parsed.ok)
			for (const [field, problem] of Object.entries(parsed.problems))
				problems.push(rowProblem(line, 'srv_row_paper_field', { field, problem }));
		if (problems.length === start && parsed.ok && unitId !== undefined && date)
			responses.push({
				...parsed.value,
				line,
				unitId,
				date,
				submittedAt: dayStart(date, ctx.timeZone) + 12 * 3600_000
			});
	}
	return problems.length ? { ok: false, problems: problems.map(word) } : { ok: true, responses };
}
