import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { readCsvText, readTableBytes } from '../../../src/lib/server/files/table-file';
import { readTableFile } from '../../../src/lib/server/files/table-stream';

describe('reading CSV files', () => {
	it('numbers rows as a spreadsheet shows them, across quoted line breaks and blank lines', () => {
		const read = readCsvText('code,name\r\nA,"Satu\r\nbaris dua"\r\n\r\nB,Dua\r\n');
		expect(read).toEqual({
			ok: true,
			data: {
				headerLine: 1,
				columns: ['code', 'name'],
				rows: [
					{ line: 2, cells: { code: 'A', name: 'Satu\r\nbaris dua' } },
					{ line: 4, cells: { code: 'B', name: 'Dua' } }
				]
			}
		});
	});

	it('takes the separator from the header line, so commas inside values survive', () => {
		const read = readCsvText('\uFEFFCode;Name\nA;Satu, Dua\n');
		expect(read.ok && read.data.rows[0].cells).toEqual({ code: 'A', name: 'Satu, Dua' });
	});

	it('reports a broken quote with its line instead of throwing', () => {
		const read = readCsvText('code,name\nA,"tidak ditutup\n');
		expect(read.ok).toBe(false);
		expect(!read.ok && read.problems[0]).toMatch(/^baris \d+: CSV tidak dapat dibaca/);
	});
});

describe('the two entry points of the table reader', () => {
	it('read the same XLSX rows, dates as YYYY-MM-DD and blank rows keeping their numbers', async () => {
		const book = new ExcelJS.Workbook();
		const sheet = book.addWorksheet('Data');
		sheet.addRow(['Code', 'Tanggal']);
		sheet.addRow(['A', new Date(Date.UTC(2026, 9, 5))]);
		sheet.addRow([]);
		sheet.addRow(['B', 7]);
		const bytes = new Uint8Array(await book.xlsx.writeBuffer());
		const dir = mkdtempSync(join(tmpdir(), 'table-file-'));
		try {
			const path = join(dir, 'a.xlsx');
			writeFileSync(path, bytes);
			const streamed: { cells: string[]; line: number }[] = [];
			await readTableFile(
				path,
				(cells, line) => streamed.push({ cells, line }),
				() => {}
			);
			expect(streamed).toEqual([
				{ cells: ['Code', 'Tanggal'], line: 1 },
				{ cells: ['A', '2026-10-05'], line: 2 },
				{ cells: [], line: 3 },
				{ cells: ['B', '7'], line: 4 }
			]);
			const read = await readTableBytes('a.xlsx', bytes);
			expect(read.ok && read.data.rows).toEqual([
				{ line: 2, cells: { code: 'A', tanggal: '2026-10-05' } },
				{ line: 4, cells: { code: 'B', tanggal: '7' } }
			]);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});

describe('streaming a CSV file from disk', () => {
	it('keeps a character whose bytes straddle two read chunks, and drops the byte-order marks', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'table-file-'));
		try {
			const path = join(dir, 'big.csv');
			// Two marks: the decoder dropped the first and the CSV reader the second before streaming
			// went through StringDecoder, and a file saved that way must still read its header.
			const head = '\uFEFF\uFEFFcode,note\n';
			const headBytes = Buffer.byteLength(head);
			const rows: string[] = [];
			let bytes = headBytes;
			// Fill up to one byte before the first 1 MiB chunk ends, then a two-byte é across it.
			for (let i = 0; bytes < (1 << 20) - 200; i++) {
				const row = `A${i},${'x'.repeat(80)}\n`;
				rows.push(row);
				bytes += row.length;
			}
			const filler = `B,${'y'.repeat((1 << 20) - 1 - bytes - 2)}`;
			const straddling = `${filler}é\nC,akhir\n`;
			writeFileSync(path, head + rows.join('') + straddling);
			const read: { cells: string[]; line: number }[] = [];
			await readTableFile(
				path,
				(cells, line) => read.push({ cells, line }),
				() => {}
			);
			expect(read[0]).toEqual({ cells: ['code', 'note'], line: 1 });
			expect(read.at(-2)!.cells[1].endsWith('yé')).toBe(true);
			expect(read.at(-1)).toEqual({ cells: ['C', 'akhir'], line: rows.length + 3 });
			expect(read).toHaveLength(rows.length + 3);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
