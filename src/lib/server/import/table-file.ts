import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { CsvReader, type ProblemHandler, type RecordHandler } from '../../domain/import/csv-reader';

// Reads an imported table (CSV or XLSX, first sheet) record by record, so that a file of
// millions of rows never sits in memory as one string (contracts: "Files that are imported").

export class TableFileError extends Error {}

async function isXlsx(path: string): Promise<boolean> {
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
		const head = Buffer.alloc(4);
		const { bytesRead } = await handle.read(head, 0, 4, 0);
		// XLSX is a ZIP container: "PK\x03\x04".
		return bytesRead === 4 && head.readUInt32LE(0) === 0x04034b50;
	} finally {
		await handle.close();
	}
}

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

async function readXlsx(path: string, onRecord: RecordHandler): Promise<void> {
	const workbook = new ExcelJS.Workbook();
	try {
		await workbook.xlsx.readFile(path);
	} catch (e) {
		throw new TableFileError(`berkas XLSX tidak dapat dibaca: ${(e as Error).message}`);
	}
	const sheet = workbook.worksheets[0];
	if (!sheet) throw new TableFileError('berkas XLSX tidak berisi lembar kerja');
	let expected = 1;
	sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
		// Empty rows are skipped by exceljs; report them as blank so that numbering stays the row's.
		for (; expected < rowNumber; expected++) onRecord([], expected);
		const values = row.values as ExcelJS.CellValue[];
		const cells: string[] = [];
		for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
		onRecord(cells, rowNumber);
		expected = rowNumber + 1;
	});
	if (expected === 1) onRecord([], 1);
}

async function readCsv(path: string, onRecord: RecordHandler, onProblem: ProblemHandler): Promise<void> {
	const reader = new CsvReader(onRecord, onProblem);
	const decoder = new TextDecoder('utf-8');
	const stream = createReadStream(path, { highWaterMark: 1 << 20 });
	for await (const chunk of stream) reader.push(decoder.decode(chunk as Buffer, { stream: true }));
	reader.push(decoder.decode());
	reader.end();
}

/** Calls onRecord for every row (header = line 1); throws TableFileError when unreadable. */
export async function readTableFile(
	path: string,
	onRecord: RecordHandler,
	onProblem: ProblemHandler
): Promise<void> {
	if (await isXlsx(path)) await readXlsx(path, onRecord);
	else await readCsv(path, onRecord, onProblem);
}
