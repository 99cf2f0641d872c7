import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { auditActionLabel, auditEntityLabel } from '../../../src/lib/server/audit/audit-view';
import { baseLocale, overwriteGetLocale } from '../../../src/lib/paraglide/runtime';

// README "Audit log": the log reads in words in the reader's language. Every object and action
// code a service writes must therefore have a phrase; the fallback (the code with spaces) is
// for rows written by older versions only.

function sources(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
		e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []
	);
}

/**
 * Literal codes a service writes: the first (action) or second (entity) argument of
 * `auditTrail(...).record(action, entity, ...)`: the string literals of that argument.
 */
function writtenCodes(key: 'entity' | 'action'): string[] {
	const codes = new Set<string>();
	for (const file of sources('src/lib/server')) {
		const text = readFileSync(file, 'utf8');
		if (!text.includes('auditTrail(')) continue;
		for (const call of text.matchAll(/\.record\(\s*([^,]*),\s*([^,)]*)/g)) {
			// A plain literal, or each literal of a choice (`calibrated ? 'calibration.mark' : …`).
			for (const literal of (key === 'action' ? call[1] : call[2]).matchAll(/'([a-z_.]+)'/g))
				codes.add(literal[1]);
		}
	}
	return [...codes].sort();
}

const humanized = (code: string) => code.replace(/[._]/g, ' ');

afterAll(() => overwriteGetLocale(() => baseLocale));

describe('audit log labels', () => {
	const entities = writtenCodes('entity');
	const actions = writtenCodes('action');

	it('finds the codes the services write', () => {
		expect(entities).toContain('objection');
		expect(actions).toContain('sign_in');
	});

	for (const locale of ['id', 'en'] as const) {
		it(`names every object and action the services write in ${locale}`, () => {
			overwriteGetLocale(() => locale);
			const unnamed = [
				...entities.filter((e) => auditEntityLabel(e) === humanized(e)).map((e) => `entity ${e}`),
				...actions.filter((a) => auditActionLabel(a) === humanized(a)).map((a) => `action ${a}`)
			];
			expect(unnamed).toEqual([]);
		});
	}

	it('names the objects differently in English and Indonesian where the words differ', () => {
		overwriteGetLocale(() => 'id');
		const id = auditEntityLabel('objection');
		overwriteGetLocale(() => 'en');
		expect([id, auditEntityLabel('objection')]).toEqual(['Sanggahan', 'Objection']);
	});
});
