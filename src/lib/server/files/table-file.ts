import ExcelJS from 'exceljs';
import { parseCsvText } from '../../domain/import/csv-reader';
import { toTabular, type TabularRead } from '../../domain/import/tabular';
import { refusalText } from '../service-result';
import { rowProblemText } from './row-problem-text';
import { emitSheet, isZip } from './table-stream';

// Uploaded tables (README: "Files that are imported"): readTableBytes reads an upload (at most
// 5 MB) into numbered rows for preview and validation, with problems in the request's language.
// Files on disk are streamed by table-stream.ts, which shares the CSV and XLSX reading.

export const MAX_TABLE_BYTES = 5 * 1024 * 1024;
/** Rows an upload may hold by default (the preview pages carry them back in a form field). */
export const MAX_UPLOAD_ROWS = 20_000;

const tooMany = (maxRows: number): TabularRead => ({
	ok: false,
	problems: [refusalText('srv_table_too_many_rows', { max: maxRows })]
});

/** CSV text into rows keyed by header name; a broken quote is a problem with its line. */
export function readCsvText(text: string, maxRows = MAX_UPLOAD_ROWS): TabularRead {
	const { records, problems } = parseCsvText(text);
	if (problems.length)
		return {
			ok: false,
			problems: problems.map((p) => refusalText('srv_table_csv_unreadable', p))
		};
	if (records.length > maxRows + 1) return tooMany(maxRows);
	return toTabular(records, rowProblemText);
}

async function readXlsxBytes(bytes: Uint8Array, maxRows: number): Promise<TabularRead> {
	const workbook = new ExcelJS.Workbook();
	try {
		await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
	} catch {
		return { ok: false, problems: [refusalText('srv_table_xlsx_broken')] };
	}
	const sheet = workbook.worksheets[0];
	if (!sheet) return { ok: false, problems: [refusalText('srv_table_xlsx_no_sheet')] };
	if (sheet.rowCount > maxRows + 1) return tooMany(maxRows);
	const grid: { line: number; cells: string[] }[] = [];
	emitSheet(sheet, (cells, line) => grid.push({ line, cells }));
	return toTabular(grid, rowProblemText);
}

/** Uploads and small files: numbered rows keyed by header name; never throws on bad content. */
export async function readTableBytes(
	name: string,
	bytes: Uint8Array,
	maxRows = MAX_UPLOAD_ROWS
): Promise<TabularRead> {
	if (bytes.length === 0) return { ok: false, problems: [refusalText('srv_table_empty')] };
	if (bytes.length > MAX_TABLE_BYTES) return { ok: false, problems: [refusalText('srv_table_too_big')] };
	if (isZip(bytes) || name.toLowerCase().endsWith('.xlsx')) return readXlsxBytes(bytes, maxRows);
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return { ok: false, problems: [refusalText('srv_table_not_utf8')] };
	}
	return readCsvText(text, maxRows);
}
