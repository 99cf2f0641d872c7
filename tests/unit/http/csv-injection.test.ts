import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../src/lib/domain/scoring/results-table';
import { csvCell } from '../../../src/lib/domain/csv';

const table = (names: string[]) => ({
	headers: ['code', 'name', 'ipp'],
	numeric: [false, false, true],
	rows: names.map((name, i): (string | number)[] => [`U-${i}`, name, i === 0 ? -2 : 3.5])
});

describe('CSV cells (OWASP CSV injection)', () => {
	it.each(['=HYPERLINK("http://evil.example","x")', '=1+1', '@SUM(1)', '+1+1', '-2', '\t=1', '\r=1'])(
		'makes the unit name %j inert in results.csv',
		(name) => {
			const lines = toCsv(table([name])).split('\r\n');
			const cell = lines[1].slice('U-0,'.length, lines[1].lastIndexOf(','));
			expect(cell.startsWith(`"'`)).toBe(true);
			expect(cell).toBe(`"'${name.replace(/"/g, '""')}"`);
		}
	);

	it('keeps numbers numeric, negative ones included', () => {
		expect(toCsv(table(['Kelurahan Mrican']))).toBe('code,name,ipp\r\nU-0,Kelurahan Mrican,-2\r\n');
		expect(csvCell(3.25)).toBe('3.25');
		expect(csvCell(null)).toBe('');
	});

	it('still quotes commas and quotes', () => {
		expect(csvCell('A, "B"')).toBe('"A, ""B"""');
	});
});
