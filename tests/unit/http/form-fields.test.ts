import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { confirmedForm, parseForm, sameTarget } from '../../../src/lib/server/http/forms';

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
