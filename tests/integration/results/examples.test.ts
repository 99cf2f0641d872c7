import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { TestDb } from '../support/test-db';
import { loadResults } from '../../../src/lib/server/results/results.service';
import { dbWithPeriod, EXAMPLES, importScores, NOW } from './support';

interface Expected {
	instrument: string;
	units: {
		code: string;
		category: string;
		ipp: number;
		ipp_display: string;
		grade: string;
		complete: boolean;
		rank: number | null;
		award: string | null;
		aspects: Record<string, number>;
	}[];
}

let t: TestDb | undefined;
afterEach(async () => {
	await t?.cleanup();
	t = undefined;
});

for (const folder of ['', 'pekppp']) {
	const dir = join(EXAMPLES, folder);
	const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected;
	describe(`worked example ${expected.instrument}, imported through import-scores`, () => {
		it('gives every unit the IPP, grade, rank and award of expected.json', async () => {
			t = await dbWithPeriod(join(dir, 'units.csv'), expected.instrument);
			const imported = await importScores(t, join(dir, 'scores.csv'));
			expect(imported).toMatchObject({ ok: true });
			const found = (await loadResults(t.db, 'P1', NOW))!;
			expect(found.doc.period).toEqual({
				code: 'P1',
				name: 'Periode uji',
				instrument: expected.instrument,
				status: 'running'
			});
			const flat = new Map(
				found.doc.categories.flatMap((c) => c.units.map((u) => [u.code, { ...u, category: c.name }] as const))
			);
			expect(flat.size).toBe(expected.units.length);
			for (const exp of expected.units) {
				const got = flat.get(exp.code)!;
				expect(got.category, exp.code).toBe(exp.category);
				expect(Math.abs(got.ipp! - exp.ipp), `${exp.code} ipp`).toBeLessThan(1e-9);
				expect(got.ipp_display, exp.code).toBe(exp.ipp_display);
				expect(got.grade, exp.code).toBe(exp.grade);
				expect(got.complete, exp.code).toBe(exp.complete);
				expect(got.rank, exp.code).toBe(exp.rank);
				expect(got.award, exp.code).toBe(exp.award);
				expect(Object.keys(got.aspects!)).toEqual(Object.keys(exp.aspects));
				for (const [a, v] of Object.entries(exp.aspects))
					expect(Math.abs(got.aspects![a] - v), `${exp.code} ${a}`).toBeLessThan(1e-9);
			}
		});
	});
}
