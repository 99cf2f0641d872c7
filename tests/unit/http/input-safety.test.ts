import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseForm } from '../../../src/lib/server/http/forms';
import { UNIT_CODE } from '../../../src/lib/domain/import/unit-rows';
import { cleanFileName } from '../../../src/lib/domain/score-sheet/file-type';

const schema = z.object({ name: z.string(), email: z.string() });
const formOf = (fields: Record<string, string>) => {
	const f = new FormData();
	for (const [k, v] of Object.entries(fields)) f.set(k, v);
	return f;
};

describe('unsafe characters in form fields', () => {
	it.each(['nul\u0000@test.id', 'a\u202eb', 'x\u2066y', 'bell\u0007', 'del\u007f'])(
		'refuses %j as an e-mail',
		(email) => {
			const r = parseForm(schema, formOf({ name: 'Ani', email }));
			expect(r.ok).toBe(false);
			if (!r.ok) expect(Object.keys(r.errors)).toEqual(['email']);
		}
	);

	it('keeps ordinary text, accents, emoji and line breaks in notes', () => {
		const r = parseForm(
			schema,
			formOf({ name: 'Dewi Ayu Lestari – Puskesmas 😊\r\nbaris dua', email: 'dewi@kota.go.id' })
		);
		expect(r.ok).toBe(true);
	});
});

describe('unit codes', () => {
	it('refuse a slash, accept letters, digits, dots, underscores and hyphens', () => {
		expect(UNIT_CODE.test('KEL-18')).toBe(true);
		expect(UNIT_CODE.test('OPD.DINKES_2')).toBe(true);
		expect(UNIT_CODE.test('KEL/18')).toBe(false);
		expect(UNIT_CODE.test('../X')).toBe(false);
	});
});

describe('evidence file names', () => {
	it('drop bidi overrides so a name displays as what it is', () => {
		expect(cleanFileName('\u202egpj.exe', 'image/jpeg')).toBe('gpj.exe');
		expect(cleanFileName('foto\u2067.jpg', 'image/jpeg')).toBe('foto.jpg');
	});
});
