import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { toTabular, type TabularRead } from '../../domain/import/tabular';

// Contracts, "Files that are imported": UTF-8 CSV (BOM accepted), comma or semicolon taken from
// the header line, RFC 4180 quoting; or XLSX (first sheet). Rows keep the number a spreadsheet shows.

const MAX_BYTES = 5 * 1024 * 1024;
const MAX_ROWS = 20_000;

function isXlsx(name: string, bytes: Uint8Array): boolean {
	// XLSX is a ZIP archive: "PK\x03\x04".
	const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
	return zip || name.toLowerCase().endsWith('.xlsx');
}

function separatorOf(headerLine: string): ',' | ';' {
	const count = (ch: string) => headerLine.split(ch).length - 1;
	return count(';') > count(',') ? ';' : ',';
}

export function readCsv(text: string): TabularRead {
	const body = text.replace(/^\uFEFF/, '');
	const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
	let records: string[][];
	try {
		records = parse(body, {
			delimiter: separatorOf(firstLine),
			relax_column_count: true,
			skip_empty_lines: false
		}) as string[][];
	} catch (e) {
		const err = e as { lines?: number; message: string };
		const line = err.lines ?? 1;
		return {
			ok: false,
			problems: [`baris ${line}: CSV tidak dapat dibaca (${err.message.replace(/^.*?: /, '')})`]
		};
	}
	if (records.length > MAX_ROWS + 1)
		return { ok: false, problems: [`baris 1: terlalu banyak baris (maksimal ${MAX_ROWS})`] };
	return toTabular(records.map((cells, i) => ({ line: i + 1, cells })));
}

export async function readXlsx(bytes: Uint8Array): Promise<TabularRead> {
	const workbook = new ExcelJS.Workbook();
	try {
		await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
	} catch {
		return { ok: false, problems: ['baris 1: berkas XLSX tidak dapat dibaca (rusak atau bukan XLSX)'] };
	}
	const sheet = workbook.worksheets[0];
	if (!sheet) return { ok: false, problems: ['baris 1: berkas XLSX tidak berisi lembar kerja'] };
	if (sheet.rowCount > MAX_ROWS + 1)
		return { ok: false, problems: [`baris 1: terlalu banyak baris (maksimal ${MAX_ROWS})`] };
	const grid: { line: number; cells: string[] }[] = [];
	sheet.eachRow({ includeEmpty: false }, (row) => {
		const cells: string[] = [];
		for (let c = 1; c <= row.cellCount; c++) cells.push(row.getCell(c).text ?? '');
		grid.push({ line: row.number, cells });
	});
	return toTabular(grid);
}

/** Reads an uploaded or given file into numbered rows; never throws on bad content. */
export async function readTabularFile(name: string, bytes: Uint8Array): Promise<TabularRead> {
	if (bytes.length === 0) return { ok: false, problems: ['baris 1: berkas kosong'] };
	if (bytes.length > MAX_BYTES) return { ok: false, problems: ['baris 1: berkas lebih dari 5 MB'] };
	if (isXlsx(name, bytes)) return readXlsx(bytes);
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return { ok: false, problems: ['baris 1: berkas bukan teks UTF-8 (simpan sebagai CSV UTF-8 atau XLSX)'] };
	}
	return readCsv(text);
}
