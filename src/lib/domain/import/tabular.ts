// Rows read from an imported CSV or XLSX file, numbered as a spreadsheet shows them (header = 1).
import { hasUnsafeCharacters, unsafeTextReason } from '../text-safety';

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

export function lineProblem(line: number, reason: string): string {
	return `baris ${line}: ${reason}`;
}

/** Checks that the header names the required columns and no unknown ones. */
export function checkColumns(data: TabularData, required: string[], optional: string[]): string[] {
	const missing = required.filter((c) => !data.columns.includes(c));
	const known = new Set([...required, ...optional]);
	const unknown = data.columns.filter((c) => c !== '' && !known.has(c));
	const problems: string[] = [];
	if (missing.length)
		problems.push(lineProblem(data.headerLine, `kolom wajib tidak ada: ${missing.join(', ')}`));
	if (unknown.length)
		problems.push(
			lineProblem(
				data.headerLine,
				`kolom tidak dikenal: ${unknown.join(', ')} (yang dikenal: ${[...required, ...optional].join(', ')})`
			)
		);
	const seen = new Set<string>();
	for (const c of data.columns) {
		if (c !== '' && seen.has(c)) problems.push(lineProblem(data.headerLine, `kolom ${c} muncul dua kali`));
		seen.add(c);
	}
	return problems;
}

/** Turns raw cell grids (first = header) into rows; blank rows are skipped but keep their numbers. */
export function toTabular(grid: { line: number; cells: string[] }[]): TabularRead {
	const header = grid.find((r) => r.cells.some((c) => c.trim() !== ''));
	if (!header)
		return { ok: false, problems: [lineProblem(1, 'berkas kosong: baris judul kolom tidak ditemukan')] };
	const columns = header.cells.map((c) => c.trim().toLowerCase());
	const rows: TabularRow[] = [];
	// A name typed with NUL or a bidi override would read differently on every screen and export
	// (text-safety.ts); the whole file is refused with each cell's place, as a form field would be.
	const problems: string[] = [];
	for (const r of grid) {
		if (r.line < header.line || r.cells.every((c) => c.trim() === '')) continue;
		r.cells.forEach((c, i) => {
			if (hasUnsafeCharacters(c)) problems.push(lineProblem(r.line, unsafeCellReason(columns[i] ?? '', i)));
		});
		if (r.line === header.line) continue;
		const cells: Record<string, string> = {};
		columns.forEach((name, i) => {
			if (name !== '') cells[name] = (r.cells[i] ?? '').trim();
		});
		rows.push({ line: r.line, cells });
	}
	if (problems.length) return { ok: false, problems };
	return { ok: true, data: { headerLine: header.line, columns, rows } };
}

/** Why a cell is refused: it holds a control or bidi-override character (text-safety.ts). */
export function unsafeCellReason(column: string, index: number): string {
	const place = column ? `kolom ${column}` : `kolom ke-${index + 1}`;
	return unsafeTextReason(place);
}
