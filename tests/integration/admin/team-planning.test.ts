import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../support/test-db';
import { seedInstruments } from '../../../db/seeds/demo-city';
import { findOrCreateCategory, insertUnit } from '../../../src/lib/server/units/unit.repository';
import { insertUser } from '../../../src/lib/server/accounts/user.repository';
import { listScheduledVisits } from '../../../src/lib/server/visits/visit-plan.repository';
import { createDefaultPeriod } from '../support/periods';
import { confirmSchedule, previewSchedule } from '../../../src/lib/server/visits/visit-planning.service';

// docs/rules.md §8.7 through the real planning service: mixed pairs, and next year's schedule rotated.

const now = new Date('2026-11-22T03:00:00Z');
let t: TestDb;
let admin: number;
const people = [
	{ email: 'dosen1@ugm.ac.id', type: 'university', place: 'UGM' },
	{ email: 'dosen2@uny.ac.id', type: 'university', place: 'UNY' },
	{ email: 'dosen3@uii.ac.id', type: 'university', place: 'UII' },
	{ email: 'mhs1@bem.ugm.ac.id', type: 'student_board', place: 'UGM' },
	{ email: 'mhs2@bem.uny.ac.id', type: 'student_board', place: 'UNY' },
	{ email: 'mhs3@bem.uii.ac.id', type: 'student_board', place: 'UII' }
] as const;

beforeEach(async () => {
	t = await createTestDb();
	await seedInstruments(t.db, now);
	admin = await insertUser(
		t.db,
		{ email: 'admin@x.id', name: 'Admin', role: 'admin', passwordHash: null },
		now
	);
	for (const p of people)
		await insertUser(
			t.db,
			{
				email: p.email,
				name: p.email,
				role: 'assessor',
				passwordHash: null,
				affiliationType: p.type,
				affiliationName: p.place
			},
			now
		);
	const cat = await findOrCreateCategory(t.db, 'Kelurahan');
	for (let i = 1; i <= 12; i++)
		await insertUnit(
			t.db,
			{ code: `KEL-${i}`, name: `Kelurahan ${i}`, categoryId: cat, surveyToken: `tok${i}` },
			now
		);
	await createDefaultPeriod(
		t.db,
		{ code: 'Y1', instrument: 'permenpan-17-2017', from: '2026-01-05', to: '2026-03-31' },
		now
	);
	await createDefaultPeriod(
		t.db,
		{ code: 'Y2', instrument: 'permenpan-17-2017', from: '2027-01-04', to: '2027-03-31' },
		now
	);
});
afterEach(() => t.cleanup());

async function pairs(code: string) {
	const period = await t.db
		.selectFrom('period')
		.select('id')
		.where('code', '=', code)
		.executeTakeFirstOrThrow();
	const visits = await listScheduledVisits(t.db, period.id);
	return visits.flatMap((v) => v.assessors.map((a) => ({ unit: v.unitId, email: a.name })));
}
const kindOf = (email: string) => people.find((p) => p.email === email)!;

describe('teams of the planner', () => {
	it('pairs a lecturer with a student of another institution on every unit', async () => {
		const preview = await previewSchedule(t.db, 'Y1');
		expect(preview.ok && preview.value.unmetWishes).toEqual([]);
		expect((await confirmSchedule(t.db, 'Y1', admin, now)).ok).toBe(true);
		const byUnit = new Map<number, { unit: number; email: string }[]>();
		for (const p of await pairs('Y1')) byUnit.set(p.unit, [...(byUnit.get(p.unit) ?? []), p]);
		expect(byUnit.size).toBe(12);
		for (const team of byUnit.values()) {
			const [a, b] = team.map((p) => kindOf(p.email));
			expect(team).toHaveLength(2);
			expect(a.type).not.toBe(b.type);
			expect(a.place).not.toBe(b.place);
		}
	});

	it('rotates the next period: no assessor–unit pair of the previous period comes back', async () => {
		await confirmSchedule(t.db, 'Y1', admin, now);
		const before = new Set((await pairs('Y1')).map((p) => `${p.email}:${p.unit}`));
		const preview = await previewSchedule(t.db, 'Y2');
		expect(preview.ok && preview.value.unmetWishes).toEqual([]);
		await confirmSchedule(t.db, 'Y2', admin, now);
		const after = (await pairs('Y2')).map((p) => `${p.email}:${p.unit}`);
		expect(after).toHaveLength(24);
		expect(after.filter((p) => before.has(p))).toEqual([]);
	});

	it('names the units whose team cannot be mixed when the pool is all lecturers', async () => {
		await t.db.updateTable('user').set({ affiliation_type: 'university' }).execute();
		const preview = await previewSchedule(t.db, 'Y1');
		if (!preview.ok) throw new Error(preview.message);
		expect(preview.value.unmetWishes).toHaveLength(12);
		expect(preview.value.unmetWishes[0].wishes).toContain('pasangan dosen dan mahasiswa');
	});
});
