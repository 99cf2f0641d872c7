// The one CSV cell writer of the application (RFC 4180 quoting plus OWASP's CSV-injection advice).

export type CsvValue = string | number | boolean | null;

// A spreadsheet reads a text cell beginning with one of these as a formula (`=HYPERLINK(...)`,
// `@SUM(1)`, `+1+1`, `-2`); OWASP "CSV Injection" advises a leading apostrophe and quoting.
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: numbers stay numeric, text that a spreadsheet would evaluate is made inert. */
export function csvCell(v: CsvValue): string {
	if (v === null) return '';
	if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
	if (typeof v === 'boolean') return v ? 'true' : 'false';
	if (FORMULA_START.test(v)) return `"'${v.replace(/"/g, '""')}"`;
	return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** Rows of cells as CSV text with CRLF line ends. */
export function csvLines(rows: readonly (readonly CsvValue[])[]): string {
	return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
