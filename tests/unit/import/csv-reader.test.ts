import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvReader, parseCsvText } from '../../../src/lib/domain/import/csv-reader';

function chunked(text: string, size: number) {
	const records: { cells: string[]; line: number }[] = [];
	const problems: { line: number; reason: string }[] = [];
	const reader = new CsvReader(
		(cells, line) => records.push({ cells, line }),
		(line, reason) => problems.push({ line, reason })
	);
	for (let i = 0; i < text.length; i += size) reader.push(text.slice(i, i + size));
	reader.end();
	return { records, problems };
}

describe('CSV reader', () => {
	it('takes the separator from the header line and drops a byte-order mark', () => {
		const { records } = parseCsvText('\uFEFFa;b;c\r\n1;2,5;3\r\n');
		expect(records).toEqual([
			{ cells: ['a', 'b', 'c'], line: 1 },
			{ cells: ['1', '2,5', '3'], line: 2 }
		]);
	});

	it('reads RFC 4180 quoting: separators, doubled quotes and line breaks inside a cell', () => {
		const text = 'a,b\n"x, y","say ""hi"""\n"two\nlines",z\nlast,row';
		const { records } = parseCsvText(text);
		expect(records.map((r) => r.cells)).toEqual([
			['a', 'b'],
			['x, y', 'say "hi"'],
			['two\nlines', 'z'],
			['last', 'row']
		]);
		// A cell spanning two lines is still one spreadsheet row.
		expect(records.map((r) => r.line)).toEqual([1, 2, 3, 4]);
	});

	it('gives the same records whatever the chunk boundaries', () => {
		const text = 'h1,h2\n"a""b",c\n\n"multi\r\nline",d\r\ne,"f"\n';
		const whole = parseCsvText(text);
		for (const size of [1, 2, 3, 5, 7, 64]) expect(chunked(text, size)).toEqual(whole);
		expect(whole.records.map((r) => r.line)).toEqual([1, 2, 3, 4, 5]);
		expect(whole.records[2].cells).toEqual([]);
	});

	it('splits unquoted lines exactly as String.split does, one column or many, in any chunks', () => {
		const cell = fc.stringMatching(/^[a-z0-9 ;]{0,4}$/);
		const line = fc.array(cell, { minLength: 1, maxLength: 5 }).map((cells) => cells.join(','));
		fc.assert(
			fc.property(
				fc.array(line, { minLength: 1, maxLength: 12 }),
				fc.integer({ min: 1, max: 9 }),
				(lines, size) => {
					const text = ['h,i', ...lines].join('\n') + '\n';
					const expected = ['h,i', ...lines].map((l) => (l === '' ? [] : l.split(',')));
					const whole = parseCsvText(text);
					expect(whole.records.map((r) => r.cells)).toEqual(expected);
					expect(chunked(text, size)).toEqual(whole);
				}
			)
		);
	});

	it('gives the same records in any chunks when quoted cells with line breaks and CRLF endings mix', () => {
		const plain = fc.stringMatching(/^[a-z ]{0,3}$/);
		const quoted = fc.stringMatching(/^[a-z,"\n\r]{0,4}$/).map((v) => `"${v.replaceAll('"', '""')}"`);
		const line = fc
			.array(fc.oneof(plain, quoted), { minLength: 1, maxLength: 4 })
			.map((cells) => cells.join(','));
		fc.assert(
			fc.property(
				fc.array(line, { minLength: 1, maxLength: 10 }),
				fc.constantFrom('\n', '\r\n'),
				fc.integer({ min: 1, max: 11 }),
				(lines, end, size) => {
					const text = ['h,i', ...lines].join(end) + end;
					expect(chunked(text, size)).toEqual(parseCsvText(text));
				}
			)
		);
	});

	it('reports a quote that is never closed', () => {
		const { problems } = parseCsvText('a,b\n"open,1\n');
		expect(problems).toEqual([{ line: 2, reason: 'tanda kutip (") tidak ditutup sampai akhir berkas' }]);
	});
});
