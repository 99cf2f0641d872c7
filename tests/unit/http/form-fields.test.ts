import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { confirmedForm, parseForm, sameTarget } from '../../../src/lib/server/http/forms';
import { isoDateField } from '../../../src/lib/server/http/form-fields';

const formOf = (pairs: [string, string][]) => {
	const f = new FormData();
	for (const [k, v] of pairs) f.append(k, v);
	return f;
};

describe('repeated form fields', () => {
	it('refuses a field the schema reads once when it comes twice', () => {
		const r = parseForm(
			z.object({ password: z.string() }),
			formOf([
				['password', 'a'],
				['password', 'b']
			])
		);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(Object.keys(r.errors)).toEqual(['password']);
	});

	it('leaves repeated fields outside the schema to the action (checkbox groups)', () => {
		const form = formOf([
			['confirm', 'ya'],
			['confirm_class', 'flags'],
			['confirm_class', 'drafts']
		]);
		expect(parseForm(confirmedForm, form).ok).toBe(true);
	});
});

describe('actions without input of their own', () => {
	it('need the confirmation button’s confirm=ya', () => {
		expect(parseForm(confirmedForm, formOf([])).ok).toBe(false);
		expect(parseForm(confirmedForm, formOf([['confirm', '1']])).ok).toBe(false);
		expect(parseForm(confirmedForm, formOf([['confirm', 'ya']])).ok).toBe(true);
	});

	it('need the hidden field to name what the URL names', () => {
		const schema = sameTarget('period', 'MPP-2026');
		expect(parseForm(schema, formOf([['period', 'MPP-2025']])).ok).toBe(false);
		expect(parseForm(schema, formOf([])).ok).toBe(false);
		expect(parseForm(schema, formOf([['period', 'MPP-2026']])).ok).toBe(true);
	});
});

// One date field for every form: what the pages of plans, visits, periods, assessors and the
// survey window accept as a date.
describe('the date field', () => {
	const form = z.object({ on: isoDateField() });
	const read = (on: string) => parseForm(form, formOf([['on', on]]));

	it('takes a real date written YYYY-MM-DD, trimmed', () => {
		expect(read(' 2028-02-29 ')).toMatchObject({ ok: true, data: { on: '2028-02-29' } });
	});

	it('refuses what is not a real date, saying how to write one', () => {
		for (const bad of ['', '2026-02-30', '2027-02-29', '02/12/2026', '2026-13-01', '2026-1-5']) {
			const r = read(bad);
			expect(r.ok).toBe(false);
			if (!r.ok)
				expect(r.errors.on).toBe('Tanggal tidak valid: tulis tanggal yang ada, berformat TTTT-BB-HH.');
		}
	});

	it('says what the form asks it to say', () => {
		const r = parseForm(z.object({ on: isoDateField(() => 'Tanggal mulai salah.') }), formOf([['on', 'x']]));
		expect(r.ok ? null : r.errors.on).toBe('Tanggal mulai salah.');
	});
});
