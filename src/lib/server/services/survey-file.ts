import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import type { PaperRow } from '../../domain/survey/paper';

// Reads an uploaded CSV (UTF-8, optional BOM, comma or semicolon taken from the header line,
// RFC 4180 quoting) or XLSX (first sheet) into header names and line-numbered records (contracts).

export type TableFile = { ok: true; columns: string[]; rows: PaperRow[] } | { ok: false; problems: string[] };

export async function readTableFile(name: string, bytes: Uint8Array): Promise<TableFile> {
	if (/\.xlsx$/i.test(name)) return readXlsx(bytes);
	if (/\.csv$/i.test(name) || /\.txt$/i.test(name)) return readCsv(Buffer.from(bytes).toString('utf8'));
	return { ok: false, problems: ['berkas harus berformat .csv atau .xlsx'] };
}

function readCsv(text: string): TableFile {
	const body = text.replace(/^\uFEFF/, '');
	const headerLine = body.split(/\r?\n/, 1)[0] ?? '';
	const delimiter = (headerLine.match(/;/g)?.length ?? 0) > (headerLine.match(/,/g)?.length ?? 0) ? ';' : ',';
	let records: string[][];
	try {
		records = parse(body, { delimiter, relax_column_count: true, skip_empty_lines: false });
	} catch (e) {
		const line = (e as { lines?: number }).lines;
		return { ok: false, problems: [`baris ${line ?? 1}: CSV tidak dapat dibaca (${(e as Error).message})`] };
	}
	if (records.length === 0) return { ok: false, problems: ['baris 1: berkas kosong'] };
	const columns = records[0].map((c) => c.trim().toLowerCase());
	const rows: PaperRow[] = [];
	records.slice(1).forEach((cells, i) => {
		if (cells.every((c) => c.trim() === '')) return;
		rows.push({ line: i + 2, record: Object.fromEntries(columns.map((c, k) => [c, cells[k] ?? ''])) });
	});
	return { ok: true, columns, rows };
}

function cellText(value: ExcelJS.CellValue): string {
	if (value === null || value === undefined) return '';
	if (value instanceof Date) return value.toISOString().slice(0, 10);
	if (typeof value === 'object') {
		if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
		if ('text' in value) return String(value.text);
		if ('richText' in value) return value.richText.map((r) => r.text).join('');
	}
	return String(value);
}

async function readXlsx(bytes: Uint8Array): Promise<TableFile> {
	const book = new ExcelJS.Workbook();
	try {
		await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
	} catch {
		return { ok: false, problems: ['baris 1: berkas XLSX tidak dapat dibaca'] };
	}
	const sheet = book.worksheets[0];
	if (!sheet || sheet.rowCount === 0) return { ok: false, problems: ['baris 1: lembar pertama kosong'] };
	const header = sheet.getRow(1);
	const columns: string[] = [];
	header.eachCell(
		{ includeEmpty: true },
		(cell, col) => (columns[col - 1] = cellText(cell.value).trim().toLowerCase())
	);
	const rows: PaperRow[] = [];
	for (let r = 2; r <= sheet.rowCount; r++) {
		const row = sheet.getRow(r);
		const record: Record<string, string> = {};
		columns.forEach((c, k) => (record[c] = cellText(row.getCell(k + 1).value)));
		if (Object.values(record).every((v) => v.trim() === '')) continue;
		rows.push({ line: r, record });
	}
	return { ok: true, columns, rows };
}
