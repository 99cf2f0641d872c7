import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import ExcelJS from 'exceljs';
import { CsvReader, type ProblemHandler, type RecordHandler } from '../../domain/import/csv-reader';

// Imported tables read from disk record by record (README: "Files that are imported"): CSV
// through the domain CsvReader (BOM, comma or semicolon from the header line, RFC 4180,
// spreadsheet line numbers), XLSX through exceljs, first sheet; millions of score rows never sit
// in memory as one string. Apart from table-file.ts (uploads, worded problems) so that the
// import's reading thread (sheets/import/score-file-check.worker.ts) loads no messages.

export class TableFileError extends Error {}

// XLSX is a ZIP container: "PK\x03\x04".
export const isZip = (head: Uint8Array) =>
	head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;

function cellText(value: ExcelJS.CellValue): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	if (value instanceof Date) return value.toISOString().slice(0, 10);
	if (typeof value === 'object') {
		if ('richText' in value) return value.richText.map((r) => r.text).join('');
		if ('text' in value && typeof value.text === 'string') return value.text;
		if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
	}
	return String(value);
}

/** Every row of a sheet, blank rows included, so that numbering stays the sheet's. */
export function emitSheet(sheet: ExcelJS.Worksheet, onRecord: RecordHandler): void {
	let expected = 1;
	sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
		for (; expected < rowNumber; expected++) onRecord([], expected);
		const values = row.values as ExcelJS.CellValue[];
		const cells: string[] = [];
		for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
		onRecord(cells, rowNumber);
		expected = rowNumber + 1;
	});
	if (expected === 1) onRecord([], 1);
}

async function isXlsxFile(path: string): Promise<boolean> {
	let handle;
	try {
		handle = await open(path, 'r');
	} catch (e) {
		const code = (e as NodeJS.ErrnoException).code;
		throw new TableFileError(
			code === 'ENOENT' ? `berkas tidak ditemukan: ${path}` : `berkas tidak dapat dibaca: ${path} (${code})`
		);
	}
	try {
		const head = new Uint8Array(4);
		const { bytesRead } = await handle.read(head, 0, 4, 0);
		return bytesRead === 4 && isZip(head);
	} finally {
		await handle.close();
	}
}

async function streamXlsx(path: string, onRecord: RecordHandler): Promise<void> {
	const workbook = new ExcelJS.Workbook();
	try {
		await workbook.xlsx.readFile(path);
	} catch (e) {
		throw new TableFileError(`berkas XLSX tidak dapat dibaca: ${(e as Error).message}`);
	}
	const sheet = workbook.worksheets[0];
	if (!sheet) throw new TableFileError('berkas XLSX tidak berisi lembar kerja');
	emitSheet(sheet, onRecord);
}

async function streamCsv(path: string, onRecord: RecordHandler, onProblem: ProblemHandler): Promise<void> {
	const reader = new CsvReader(onRecord, onProblem);
	// StringDecoder, not TextDecoder: the same UTF-8 decoding in about half the time (a tenth of
	// a national import's reading). TextDecoder dropped the stream's first byte-order mark itself
	// and CsvReader drops one more; the first is dropped here so that both still go.
	const decoder = new StringDecoder('utf8');
	let first = true;
	const push = (text: string) => {
		if (first && text.length > 0) {
			first = false;
			if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
		}
		reader.push(text);
	};
	const stream = createReadStream(path, { highWaterMark: 1 << 20 });
	for await (const chunk of stream) push(decoder.write(chunk as Buffer));
	push(decoder.end());
	reader.end();
}

/** Large files on disk: calls onRecord for every row (header = line 1); throws TableFileError when unreadable. */
export async function readTableFile(
	path: string,
	onRecord: RecordHandler,
	onProblem: ProblemHandler
): Promise<void> {
	if (await isXlsxFile(path)) await streamXlsx(path, onRecord);
	else await streamCsv(path, onRecord, onProblem);
}
