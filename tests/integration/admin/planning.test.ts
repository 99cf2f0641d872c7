import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../support/test-db';
import { seedInstruments } from '../../../db/seeds/demo-city';
import { findOrCreateCategory, insertUnit } from '../../../src/lib/server/units/unit.repository';
import { insertUser } from '../../../src/lib/server/accounts/user.repository';
import { insertConflict, insertUnavailableDates } from '../../../src/lib/server/accounts/assessor.repository';
import { listScheduledVisits } from '../../../src/lib/server/visits/visit-plan.repository';
import { createPeriod } from '../../../src/lib/server/periods/period-admin.service';
import { confirmSchedule, previewSchedule } from '../../../src/lib/server/visits/visit-planning.service';
import { addAssessorToVisit } from '../../../src/lib/server/accounts/assignment.service';
import { DEFAULT_COACHING_RULE } from '../../../src/lib/domain/coaching/rule';
import { workingDaysBetween } from '../../../src/lib/domain/dates';
import { refusalErrors } from '../../../src/lib/server/service-result';

const now = new Date('2026-11-22T03:00:00Z');
let t: TestDb;
let admin: number;
let assessors: number[];
let unitIds: number[];

beforeEach(async () => {
	t = await createTestDb();
	await seedInstruments(t.db, now);
	admin = await insertUser(
		t.db,
		{ email: 'admin@x.id', name: 'Admin', role: 'admin', passwordHash: null },
		now
	);
	assessors = [];
	for (let i = 0; i < 5; i++)
		assessors.push(
			await insertUser(
				t.db,
				{ email: `p${i}@x.id`, name: `Penilai ${i}`, role: 'assessor', passwordHash: null },
				now
			)
		);
	const cat = await findOrCreateCategory(t.db, 'Kelurahan');
	unitIds = [];
	for (let i = 1; i <= 23; i++)
		unitIds.push(
			await insertUnit(
				t.db,
				{ code: `KEL-${i}`, name: `Kelurahan ${i}`, categoryId: cat, surveyToken: `t${i}` },
				now
			)
		);
	await insertConflict(t.db, assessors[0], unitIds[0], 'keluarga');
	await insertUnavailableDates(t.db, assessors[1], workingDaysBetween('2027-01-04', '2027-01-29'));
	await createPeriod(
		t.db,
		{
			code: 'P1',
			name: 'Periode Satu',
			instrumentCode: 'permenpan-17-2017',
			requiredVisits: 2,
			requiredAssessors: 2,
			awardsPerCategory: 2,
			awardMinGrade: null,
			disagreementThreshold: 2,
			coachingRule: DEFAULT_COACHING_RULE,
			startsOn: '2027-01-04',
			endsOn: '2027-03-31',
			surveyFrom: '2027-01-04',
			surveyTo: '2027-03-31'
		},
		admin,
		now
	);
});
afterEach(() => t.cleanup());

const periodId = async () => (await t.db.selectFrom('period').select('id').executeTakeFirstOrThrow()).id;

describe('schedule generation', () => {
	it('previews without writing, then writes balanced visits by distinct assessors that respect conflicts and absences', async () => {
		const preview = await previewSchedule(t.db, 'P1');
		expect(preview.ok && preview.value.rows).toHaveLength(46);
		expect(await listScheduledVisits(t.db, await periodId())).toEqual([]);

		expect(await confirmSchedule(t.db, 'P1', admin, now)).toEqual({
			ok: true,
			value: { created: 46, unplaced: 0 }
		});
		const visits = await listScheduledVisits(t.db, await periodId());
		expect(visits).toHaveLength(46);
		const loads = assessors.map((a) => visits.filter((v) => v.assessors.some((x) => x.id === a)).length);
		expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
		for (const unit of unitIds) {
			const mine = visits.filter((v) => v.unitId === unit);
			expect(new Set(mine.map((v) => v.assessors[0].id)).size).toBe(2);
		}
		expect(
			visits
				.filter((v) => v.unitId === unitIds[0])
				.some((v) => v.assessors.some((a) => a.id === assessors[0]))
		).toBe(false);
		for (const v of visits.filter((v) => v.assessors.some((a) => a.id === assessors[1])))
			expect(v.plannedOn! >= '2027-02-01').toBe(true);
	});

	it('skips visits that already exist when generated again', async () => {
		await confirmSchedule(t.db, 'P1', admin, now);
		const again = await previewSchedule(t.db, 'P1');
		expect(again.ok && again.value.rows).toEqual([]);
		expect(await confirmSchedule(t.db, 'P1', admin, now)).toEqual({
			ok: true,
			value: { created: 0, unplaced: 0 }
		});
		expect(await listScheduledVisits(t.db, await periodId())).toHaveLength(46);
	});

	it('refuses a hand assignment that breaks a conflict of interest or distinctness', async () => {
		await confirmSchedule(t.db, 'P1', admin, now);
		const visits = await listScheduledVisits(t.db, await periodId());
		const first = visits.find((v) => v.unitId === unitIds[0] && v.visitNo === 1)!;
		const conflict = await addAssessorToVisit(t.db, 'P1', first.visitId, assessors[0], admin, now);
		expect(conflict).toMatchObject({ ok: false, status: 409 });
		const second = visits.find((v) => v.unitId === unitIds[0] && v.visitNo === 2)!;
		const twice = await addAssessorToVisit(t.db, 'P1', first.visitId, second.assessors[0].id, admin, now);
		expect(twice.ok === false && refusalErrors(twice).assessor).toContain('penilai berbeda');
	});
});
