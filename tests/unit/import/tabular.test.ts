import { describe, expect, it } from 'vitest';
import { toTabular } from '../../../src/lib/domain/import/tabular';

const grid = (rows: string[][]) => rows.map((cells, i) => ({ line: i + 1, cells }));

describe('imported tables', () => {
	it('keys cells by header name and keeps spreadsheet line numbers across blank rows', () => {
		const read = toTabular(
			grid([
				['Code', 'Name'],
				['', ''],
				[' K1 ', 'Kelurahan Satu']
			])
		);
		expect(read).toEqual({
			ok: true,
			data: {
				headerLine: 1,
				columns: ['code', 'name'],
				rows: [{ line: 3, cells: { code: 'K1', name: 'Kelurahan Satu' } }]
			}
		});
	});

	it('refuses the whole file when a cell holds NUL or a bidi override, naming each cell', () => {
		const read = toTabular(
			grid([
				['code', 'name'],
				['K1', 'Kelurahan \u202egpj.exe'],
				['K2', 'Dua'],
				['K\u00003', 'Tiga', 'x\u2066']
			])
		);
		expect(read).toEqual({
			ok: false,
			problems: [
				'baris 2: kolom name berisi karakter kendali atau pembalik arah teks yang tidak diizinkan',
				'baris 4: kolom code berisi karakter kendali atau pembalik arah teks yang tidak diizinkan',
				'baris 4: kolom ke-3 berisi karakter kendali atau pembalik arah teks yang tidak diizinkan'
			]
		});
	});

	it('refuses an unsafe header cell too', () => {
		const read = toTabular(
			grid([
				['code', 'na\u202eme'],
				['K1', 'Satu']
			])
		);
		expect(read.ok).toBe(false);
	});
});
