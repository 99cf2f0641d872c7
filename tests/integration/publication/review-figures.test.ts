import { afterEach, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../support/test-db';
import { NOW } from './support';
import { expectReviewFromSheets, storedReviewFigures } from './review-support';
import { createSheetFixture, fullValues } from '../support/sheet-fixture';
import { submitSheet } from '../../../src/lib/server/sheets/score-sheet.service';
import { findPeriodByCode } from '../../../src/lib/server/periods/period.repository';
import { reviewPeriodScores } from '../../../src/lib/server/review/score-review.service';

// The review reads each unit's stored figure, not the scores: a unit is looked at for flags only
// when its figure says its scores spread far enough. How the figures follow every path that
// changes a sheet is tested with the visit totals (tests/integration/results/visit-totals.test.ts).

let t: TestDb;
afterEach(async () => t?.cleanup());

it('reads the flags of the units whose stored figure reaches the threshold', async () => {
	t = await createTestDb();
	const f = await createSheetFixture(t.db, NOW);
	const values = { [f.ani]: fullValues(f.def, 1), [f.budi]: fullValues(f.def, 4) };
	for (const userId of [f.ani, f.budi])
		expect(
			await submitSheet(t.db, { visitId: f.visitId, userId, baseVersion: 1, values: values[userId] }, NOW)
		).toMatchObject({ ok: true });
	const flags = await expectReviewFromSheets(t.db, 'P-1');
	expect(flags.length).toBeGreaterThan(0);
	const [row] = await storedReviewFigures(t.db);
	expect(JSON.parse(row.figure)[0]).toBe(3);

	// A figure that says "no spread" hides the unit's flags; its leniency still counts.
	const [, parts] = JSON.parse(row.figure);
	await t.db
		.updateTable('unit_review_figure')
		.set({ figure: JSON.stringify([null, parts]) })
		.where('unit_id', '=', row.unit_id)
		.execute();
	const period = (await findPeriodByCode(t.db, 'P-1'))!;
	const review = await reviewPeriodScores(t.db, period);
	expect(review.flags).toEqual([]);
	expect(review.leniency.map((l) => [l.assessorId, l.meanDeviation])).toEqual([
		[f.budi, 3],
		[f.ani, -3]
	]);
});
