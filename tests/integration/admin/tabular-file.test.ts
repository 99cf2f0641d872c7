import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../src/lib/server/import/tabular-file';

describe('reading CSV files', () => {
	it('numbers rows as a spreadsheet shows them, across quoted line breaks and blank lines', () => {
		const read = readCsv('code,name\r\nA,"Satu\r\nbaris dua"\r\n\r\nB,Dua\r\n');
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
		const read = readCsv('\uFEFFCode;Name\nA;Satu, Dua\n');
		expect(read.ok && read.data.rows[0].cells).toEqual({ code: 'A', name: 'Satu, Dua' });
	});

	it('reports a broken quote with its line instead of throwing', () => {
		const read = readCsv('code,name\nA,"tidak ditutup\n');
		expect(read.ok).toBe(false);
		expect(!read.ok && read.problems[0]).toMatch(/^baris \d+: CSV tidak dapat dibaca/);
	});
});
