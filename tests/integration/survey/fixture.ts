import { createTestDb, type TestDb } from '../support/test-db';
import { seedInstruments } from '../../../db/seeds/demo-city';
import { findInstrumentByCode } from '../../../src/lib/server/periods/instrument.repository';
import { findOrCreateCategory, insertUnit } from '../../../src/lib/server/units/unit.repository';
import { addActiveUnitsToPeriod, insertPeriod } from '../../../src/lib/server/periods/period.repository';
import { insertUser } from '../../../src/lib/server/accounts/user.repository';
import type { SurveyLimits } from '../../../src/lib/server/survey/survey-config';

export const NOW = new Date('2026-10-15T03:00:00Z'); // 10:00 WIB
export const NO_LIMITS: SurveyLimits = {
	enabled: false,
	perIp: { max: 1, windowMs: 60_000 },
	perUnit: { max: 1, windowMs: 60_000 }
};

export const answers = (v = '3') => Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`u${i + 1}`, v]));

export type SurveyFixture = TestDb & {
	units: { a: { id: number; token: string }; b: { id: number; token: string } };
	periods: { past: number; current: number };
	adminId: number;
};

/** Two units, a past period (closed window) and a current one whose window contains NOW. */
export async function createSurveyFixture(): Promise<SurveyFixture> {
	const t = await createTestDb();
	await seedInstruments(t.db, NOW);
	const instrument = (await findInstrumentByCode(t.db, 'permenpan-17-2017'))!;
	const cat = await findOrCreateCategory(t.db, 'Kelurahan');
	const a = await insertUnit(
		t.db,
		{
			code: 'KEL-01',
			name: 'Kelurahan Satu',
			categoryId: cat,
			surveyToken: 'tokenunitsatu01',
			yearlyServiceUsers: 1000
		},
		NOW
	);
	const b = await insertUnit(
		t.db,
		{
			code: 'KEL-02',
			name: 'Kelurahan Dua',
			categoryId: cat,
			surveyToken: 'tokenunitdua002',
			yearlyServiceUsers: null
		},
		NOW
	);
	const past = await insertPeriod(
		t.db,
		{
			code: 'P-2025',
			name: 'Periode 2025',
			status: 'published',
			instrumentId: instrument.id,
			startsOn: '2025-07-01',
			endsOn: '2025-09-30'
		},
		NOW
	);
	await addActiveUnitsToPeriod(t.db, past);
	const current = await insertPeriod(
		t.db,
		{
			code: 'P-2026',
			name: 'Periode 2026',
			// a draft period collects nothing (docs/rules.md §8.6), so the current one is running
			status: 'running',
			instrumentId: instrument.id,
			startsOn: '2026-09-01',
			endsOn: '2026-12-15'
		},
		NOW
	);
	await addActiveUnitsToPeriod(t.db, current);
	const adminId = await insertUser(
		t.db,
		{ email: 'admin@kota.go.id', name: 'Admin', role: 'admin', passwordHash: null },
		NOW
	);
	return {
		...t,
		units: { a: { id: a, token: 'tokenunitsatu01' }, b: { id: b, token: 'tokenunitdua002' } },
		periods: { past, current },
		adminId
	};
}

export async function countResponses(t: TestDb): Promise<number> {
	const r = await t.db
		.selectFrom('survey_response')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow();
	return Number(r.n);
}
