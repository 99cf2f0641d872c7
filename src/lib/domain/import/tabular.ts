// Rows read from an imported CSV or XLSX file, numbered as a spreadsheet shows them (header = 1).
import { hasUnsafeCharacters } from '../text-safety';
import {
	rowProblem,
	rowProblemIndonesian,
	rowReasonIndonesian,
	type RowProblem,
	type RowWording
} from './row-problem';

export interface TabularRow {
	line: number;
	/** Cell text keyed by the lower-cased, trimmed header name. */
	cells: Record<string, string>;
}

export interface TabularData {
	/** Line of the header row (1 unless the sheet starts lower). */
	headerLine: number;
	columns: string[];
	rows: TabularRow[];
}

export type TabularRead = { ok: true; data: TabularData } | { ok: false; problems: string[] };

/** Checks that the header names the required columns and no unknown ones. */
export function checkColumns(data: TabularData, required: string[], optional: string[]): RowProblem[] {
	const missing = required.filter((c) => !data.columns.includes(c));
	const known = new Set([...required, ...optional]);
	const unknown = data.columns.filter((c) => c !== '' && !known.has(c));
	const line = data.headerLine;
	const problems: RowProblem[] = [];
	if (missing.length)
		problems.push(rowProblem(line, 'srv_row_columns_missing', { columns: missing.join(', ') }));
	if (unknown.length)
		problems.push(
			rowProblem(line, 'srv_row_columns_unknown', {
				columns: unknown.join(', '),
				known: [...required, ...optional].join(', ')
			})
		);
	const seen = new Set<string>();
	for (const c of data.columns) {
		if (c !== '' && seen.has(c)) problems.push(rowProblem(line, 'srv_row_column_twice', { column: c }));
		seen.add(c);
	}
	return problems;
}

/** The header's problems, or else "no data rows" for a table with a header only. */
export function checkTable(data: TabularData, required: string[], optional: string[]): RowProblem[] {
	const problems = checkColumns(data, required, optional);
	if (problems.length === 0 && data.rows.length === 0)
		problems.push(rowProblem(data.headerLine, 'srv_row_no_data', {}));
	return problems;
}

/** Turns raw cell grids (first = header) into rows; blank rows are skipped but keep their numbers. */
export function toTabular(
	grid: { line: number; cells: string[] }[],
	word: RowWording = rowProblemIndonesian
): TabularRead {
	const header = grid.find((r) => r.cells.some((c) => c.trim() !== ''));
	if (!header) return { ok: false, problems: [word(rowProblem(1, 'srv_row_file_empty', {}))] };
	const columns = header.cells.map((c) => c.trim().toLowerCase());
	const rows: TabularRow[] = [];
	// A name typed with NUL or a bidi override would read differently on every screen and export
	// (text-safety.ts); the whole file is refused with each cell's place, as a form field would be.
	const problems: RowProblem[] = [];
	for (const r of grid) {
		if (r.line < header.line || r.cells.every((c) => c.trim() === '')) continue;
		r.cells.forEach((c, i) => {
			if (!hasUnsafeCharacters(c)) return;
			const column = columns[i] ?? '';
			problems.push(
				column
					? rowProblem(r.line, 'srv_row_cell_unsafe', { column })
					: rowProblem(r.line, 'srv_row_cell_unsafe_nth', { index: i + 1 })
			);
		});
		if (r.line === header.line) continue;
		const cells: Record<string, string> = {};
		columns.forEach((name, i) => {
			if (name !== '') cells[name] = (r.cells[i] ?? '').trim();
		});
		rows.push({ line: r.line, cells });
	}
	if (problems.length) return { ok: false, problems: problems.map(word) };
	return { ok: true, data: { headerLine: header.line, columns, rows } };
}

/** Why a cell is refused, in Indonesian (the score import of the command line): text-safety.ts. */
export function unsafeCellReason(column: string, index: number): string {
	return column
		? rowReasonIndonesian(rowProblem(0, 'srv_row_cell_unsafe', { column }))
		: rowReasonIndonesian(rowProblem(0, 'srv_row_cell_unsafe_nth', { index: index + 1 }));
}
