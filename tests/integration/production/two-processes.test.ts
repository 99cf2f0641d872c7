import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabase } from '../../../src/lib/server/db/connection';
import { issueFormToken, submitSurvey } from '../../../src/lib/server/survey/intake/survey.service';
import { saveSheetDraft } from '../../../src/lib/server/sheets/score-sheet.service';
import {
	NOW,
	NO_LIMITS,
	answers,
	countResponses,
	createSurveyFixture,
	type SurveyFixture
} from '../survey/fixture';
import { createSheetFixture } from '../support/sheet-fixture';
import { createTestDb, type TestDb } from '../support/test-db';

// README "When one machine is not enough": every guard lives in the database, so two app
// processes on one database behave as one. Each side here has its own connection (pool), as two
// processes would; on SQLite two connections to one file, on PostgreSQL two pools.
let t: SurveyFixture;
let other: OpenDatabase;
beforeEach(async () => {
	t = await createSurveyFixture();
	other = openDatabase(t.env.DATABASE_URL ?? t.path);
});
afterEach(async () => {
	await other.db.destroy();
	await t.cleanup();
});

describe('two app processes on one database', () => {
	it('accepts a survey form token used through both exactly once', async () => {
		const token = await issueFormToken(t, t.units.a.id, NOW);
		const post = (opened: OpenDatabase) =>
			submitSurvey(
				opened,
				{
					unitToken: t.units.a.token,
					fields: { ...answers(), form_token: token },
					ip: '10.9.8.7',
					limits: NO_LIMITS
				},
				NOW
			);
		const results = await Promise.all([post(t), post(other)]);
		expect(results.filter((r) => r.ok)).toEqual([{ ok: true, stored: true }]);
		expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, status: 403, reason: 'reused' }]);
		expect(await post(other)).toEqual({ ok: false, status: 403, reason: 'reused' });
		expect(await countResponses(t)).toBe(1);
	});

	it('refuses a sheet saved through both from the same version with 409 on one of them', async () => {
		const s = await createTestDb();
		// Several processes are a PostgreSQL deployment; SQLite is served by one process, whose
		// one connection takes concurrent saves in turn (a second connection in this same process
		// would only wait on the first's lock).
		const second = s.engine === 'postgres' ? openDatabase(s.env.DATABASE_URL) : s;
		try {
			await sheetsThroughBoth(s, second);
		} finally {
			if (second !== s) await second.db.destroy();
			await s.cleanup();
		}
	});
});

async function sheetsThroughBoth(t: TestDb, other: OpenDatabase): Promise<void> {
	const f = await createSheetFixture(t.db, NOW);
	const save = (opened: OpenDatabase, baseVersion: number, score: number) =>
		saveSheetDraft(
			opened.db,
			{ visitId: f.visitId, userId: f.ani, baseVersion, values: { '1.a.K1': { score, note: '' } } },
			NOW
		);
	expect(await save(t, 1, 2)).toMatchObject({ ok: true, value: { version: 2 } });
	expect(await save(other, 1, 3)).toMatchObject({ ok: false, status: 409, kind: 'stale', version: 2 });
	const both = await Promise.all([save(t, 2, 4), save(other, 2, 1)]);
	expect(both.filter((r) => r.ok)).toHaveLength(1);
	expect(both.filter((r) => !r.ok)).toMatchObject([{ ok: false, status: 409, kind: 'stale', version: 3 }]);
	const stored = await t.db
		.selectFrom('score')
		.innerJoin('indicator', 'indicator.id', 'score.indicator_id')
		.select('score.score')
		.where('indicator.code', '=', '1.a.K1')
		.executeTakeFirstOrThrow();
	expect(stored.score).toBe(both[0].ok ? 4 : 1);
}
