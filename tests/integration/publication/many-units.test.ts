import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestDb } from '../support/test-db';
import { dbWithPeriod, importScores, NOW, removeTempFiles, tempFile } from '../results/support';
import { loadShipped } from '../../unit/instrument/shipped';
import { scoredIndicators } from '../../../src/lib/domain/instrument/queries';
import { findDisagreements } from '../../../src/lib/domain/scoring/disagreement';
import { assessorLeniency } from '../../../src/lib/domain/scoring/leniency';
import type { UnitSheetScores } from '../../../src/lib/domain/scoring/types';
import { selectUnitsForCoaching } from '../../../src/lib/domain/coaching';
import { PREFLIGHT_CLASSES } from '../../../src/lib/domain/publication/preflight';
import { IN_LIST_SLICE } from '../../../src/lib/server/db/slices';
import { findPeriodByCode } from '../../../src/lib/server/periods/period.repository';
import { reviewPeriodScores } from '../../../src/lib/server/review/score-review.service';
import { loadReviewPage, UNIT_CHOICES_MAX } from '../../../src/lib/server/review/review-page.service';
import { publishPeriod } from '../../../src/lib/server/publication/publication.service';
import { listPlans } from '../../../src/lib/server/coaching/coaching-plan.repository';
import { listItemsOfPlans } from '../../../src/lib/server/coaching/coaching-item.repository';
import { findUnitIdsByCodes } from '../../../src/lib/server/units/unit.repository';
import { loadResultsJson } from '../../../src/lib/server/results/results.service';
import type { ResultsDocument } from '../../../src/lib/domain/scoring/results-shape';
import { loadPublicResults } from '../../../src/lib/server/results/public-results.service';
import { publicResultsPage } from '../../../src/lib/server/results/public-results-page';
import { loadMayorHome } from '../../../src/lib/server/results/mayor-home.service';
import { CATEGORY_ROWS_PER_PAGE } from '../../../src/lib/domain/pagination';

// A period with more units than one `in (…)` list holds (README, "Benchmark": a national period
// has about 80,000): the review reads its sheets a slice of units at a time, and publication
// drafts the coaching plans a slice at a time. Neither may show the seams, and no list of units
// may be bound whole (SQLite takes at most 32,766 parameters in a statement, PostgreSQL 65,535).

const UNITS = IN_LIST_SLICE * 2 + 37; // three slices, the last one short
const codes = scoredIndicators(loadShipped('permenpan-17-2017')).map((i) => i.code);
const unitCode = (u: number) => `U${String(u).padStart(5, '0')}`;
const email = (u: number, visit: number, k: number) => `penilai${(u * 4 + visit * 2 + k) % 60}@uji.id`;

/** Scores of every sheet: a unit's level plus noise, so that some units disagree and some are low. */
function scoreOf(u: number, visit: number, k: number, i: number): number {
	const level = 1 + (u % 5);
	const noise = ((u * 7 + visit * 3 + k * 5 + i * 11) % 5) - 2;
	return Math.max(0, Math.min(5, level + (noise === 2 && u % 3 === 0 ? 2 : Math.sign(noise))));
}

/** The sheets the test imports, as the domain rules take them: by unit code, then visit, then sheet. */
const sheets: UnitSheetScores[] = [];
for (let u = 1; u <= UNITS; u++)
	for (let visit = 1; visit <= 2; visit++)
		for (let k = 0; k < 2; k++)
			sheets.push({
				unitCode: unitCode(u),
				visitNo: visit,
				assessorId: email(u, visit, k),
				scores: Object.fromEntries(codes.map((c, i) => [c, scoreOf(u, visit, k, i)]))
			});

let t: TestDb;
beforeAll(async () => {
	const units = ['code,name,category'];
	for (let u = 1; u <= UNITS; u++)
		units.push(`${unitCode(u)},Unit ${u},${u % 2 ? 'Kelurahan' : 'Puskesmas'}`);
	t = await dbWithPeriod(tempFile('units.csv', units.join('\n')), 'permenpan-17-2017');
	const rows = ['unit_code,visit_no,assessor_email,indicator_code,score,note'];
	for (const s of sheets)
		for (const c of codes)
			rows.push(
				`${s.unitCode},${s.visitNo},${s.assessorId},${c},${s.scores[c]},${s.scores[c] % 5 ? '' : 'diamati'}`
			);
	const imported = await importScores(t, tempFile('scores.csv', rows.join('\n')));
	if (!imported.ok) throw new Error(imported.problems.slice(0, 3).join('\n'));
}, 120_000);
afterAll(async () => {
	await t?.cleanup();
	removeTempFiles();
});

describe('a period with more units than one slice', () => {
	it('reviews every unit: the flags and leniency of all sheets read at once', async () => {
		const period = (await findPeriodByCode(t.db, 'P1'))!;
		const review = await reviewPeriodScores(t.db, period);

		const expected = findDisagreements(sheets, {
			threshold: period.disagreementThreshold,
			indicators: codes
		});
		expect(expected.length).toBeGreaterThan(IN_LIST_SLICE);
		expect(new Set(expected.map((f) => f.unitCode)).size).toBeGreaterThan(IN_LIST_SLICE);
		expect(
			review.flags.map((f) => ({
				unit: f.unitCode,
				indicator: f.indicatorCode,
				spread: f.spread,
				scores: f.scores.map((s) => [s.visitNo, s.score])
			}))
		).toEqual(
			expected.map((f) => ({
				unit: f.unitCode,
				indicator: f.indicatorCode,
				spread: f.spread,
				scores: f.scores.map((s) => [s.visitNo, s.score])
			}))
		);

		const lenient = assessorLeniency(sheets, { indicators: codes });
		expect(review.leniency).toHaveLength(lenient.length);
		for (const l of lenient) {
			const row = review.leniency.find((r) => r.email === l.assessorId)!;
			expect(row.count).toBe(l.count);
			expect(row.meanDeviation).toBeCloseTo(l.meanDeviation!, 9);
		}
	});

	it('asks the review page for a typed unit code when more units have flags than a list shows', async () => {
		const all = (await loadReviewPage(t.db, 'P1', 'all', 1))!;
		expect(IN_LIST_SLICE).toBeGreaterThan(UNIT_CHOICES_MAX);
		expect(all.unitChoices).toBeNull();
		expect(all.indicatorChoices.length).toBeGreaterThan(0);
		const one = (await loadReviewPage(t.db, 'P1', 'all', 1, { unit: all.flags[0].unitCode }))!;
		expect(new Set(one.flags.map((f) => f.unitCode))).toEqual(new Set([all.flags[0].unitCode]));
	});

	it('finds units by code past the largest list a statement can bind', async () => {
		const wanted = Array.from({ length: 70_000 }, (_, i) => unitCode(i + 1));
		const found = await findUnitIdsByCodes(t.db, wanted);
		expect(found.size).toBe(UNITS);
		expect(found.has(unitCode(UNITS))).toBe(true);
	});

	it('publishes and drafts a coaching plan, with its items, for every unit the rule selects', async () => {
		const published = await publishPeriod(
			t.db,
			{ periodCode: 'P1', userId: null, confirm: PREFLIGHT_CLASSES, reason: 'uji' },
			NOW
		);
		expect(published.ok).toBe(true);
		const period = (await findPeriodByCode(t.db, 'P1'))!;
		const doc = JSON.parse((await loadResultsJson(t.db, 'P1', NOW))!.json) as ResultsDocument;
		const selected = selectUnitsForCoaching(period.coachingRule, doc).map((c) => c.unitCode);
		expect(selected.length).toBeGreaterThan(IN_LIST_SLICE);

		const plans = await listPlans(t.db, {});
		expect(plans.map((p) => p.unitCode).sort()).toEqual([...selected].sort());
		const items = await listItemsOfPlans(
			t.db,
			plans.map((p) => p.id)
		);
		const planned = new Set(items.map((i) => i.planId));
		expect(plans.every((p) => planned.has(p.id))).toBe(true);
	});

	it('shows a published category a page at a time on the public page, the ranks those of the whole', async () => {
		const results = (await loadPublicResults(t.db, 'P1', null, NOW))!;
		const kelurahan = results.categories.find((c) => c.name === 'Kelurahan')!;
		expect(kelurahan.ranked.length).toBeGreaterThan(2 * CATEGORY_ROWS_PER_PAGE);
		const request = { selected: null, query: '', page: 3, ikmPage: 3 };

		const all = publicResultsPage(results, request);
		for (const c of all.categories) {
			expect(c.ranked).toEqual(results.categories.find((r) => r.name === c.name)!.ranked.slice(0, 100));
			expect(c.ranking.page).toBe(1);
		}

		const second = publicResultsPage(results, { ...request, selected: 'Kelurahan', page: 2 });
		const shown = second.categories.find((c) => c.name === 'Kelurahan')!;
		expect(shown.ranked).toEqual(kelurahan.ranked.slice(100, 200));
		expect(shown.ranking).toEqual({
			from: 101,
			page: 2,
			pages: Math.ceil(kelurahan.ranked.length / 100),
			total: kelurahan.ranked.length
		});
		// No citizen answered the survey in this period: no IKM rows to page through.
		expect(shown.ikm).toMatchObject({ rows: [], pages: 1, total: 0 });
		expect(second.categories.find((c) => c.name === 'Puskesmas')!.ranked).toEqual([]);

		const beyond = publicResultsPage(results, { ...request, selected: 'Kelurahan', page: 10_000 });
		expect(beyond.categories.find((c) => c.name === 'Kelurahan')!.ranking.page).toBe(shown.ranking.pages);

		// U00998 is a Puskesmas (even numbers): searching finds it there, with its rank in the whole.
		const found = publicResultsPage(results, { ...request, query: 'u00998' });
		expect(found.matches).toBe(1);
		const hit = found.categories.flatMap((c) => c.ranked);
		const whole = results.categories.find((c) => c.name === 'Puskesmas')!.ranked;
		expect(hit).toEqual(whole.filter((u) => u.code === 'U00998'));
	});

	it('shows the mayor the top of each ranking and how many units it has', async () => {
		const home = await loadMayorHome(
			t.db,
			{ id: 1, email: 'wali@kota.go.id', name: 'Wali', role: 'viewer' },
			'2026-11-22',
			NOW
		);
		const results = (await loadPublicResults(t.db, 'P1', 'viewer', NOW))!;
		for (const c of home.latest!.categories) {
			const whole = results.categories.find((r) => r.name === c.name)!.ranked;
			expect(c.rankedCount).toBe(whole.length);
			expect(c.ranked).toEqual(whole.slice(0, CATEGORY_ROWS_PER_PAGE));
		}
		const codesShown = new Set(home.latest!.categories.flatMap((c) => c.ranked.map((u) => u.code)));
		expect(Object.keys(home.latest!.ikm).every((code) => codesShown.has(code))).toBe(true);
		// read for the units on show only, they are what the public results say of them
		expect(Object.keys(home.latest!.ikm)).toHaveLength(codesShown.size);
		for (const code of codesShown)
			expect(home.latest!.ikm[code]).toEqual(results.ikm.find((u) => u.code === code));
	});
});
