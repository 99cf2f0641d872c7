import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from './support/test-db';
import { createSheetFixture, type SheetFixture } from './support/sheet-fixture';
import { addAssessorToVisit, assignAssessorToVisit } from '../../src/lib/server/accounts/assignment.service';
import { setPeriodStatus } from '../../src/lib/server/periods/period.repository';
import { refusalErrors } from '../../src/lib/server/service-result';

let t: TestDb;
let f: SheetFixture;
const now = new Date('2026-10-01T03:00:00Z');

beforeEach(async () => {
	t = await createTestDb();
	f = await createSheetFixture(t.db, now);
});
afterEach(() => t.cleanup());

const assign = (over: Partial<Parameters<typeof assignAssessorToVisit>[1]> = {}) =>
	assignAssessorToVisit(
		t.db,
		{
			periodCode: 'P-1',
			unitCode: 'KEL-02',
			visitNo: 1,
			assessorEmail: 'citra@univ.ac.id',
			plannedOn: '2026-10-12',
			...over
		},
		f.admin,
		now
	);

describe('assigning a visit', () => {
	it('creates the visit with its date, adds the assessor to the team and audits it', async () => {
		const r = await assign();
		expect(r).toMatchObject({ ok: true, value: { created: true, alreadyAssigned: false } });
		const team = await assign({ assessorEmail: 'BUDI@univ.ac.id', plannedOn: null });
		expect(team).toMatchObject({ ok: true, value: { created: false } });
		const visit = await t.db
			.selectFrom('visit')
			.selectAll()
			.where('id', '=', r.ok ? r.value.visitId : 0)
			.executeTakeFirstOrThrow();
		expect(visit.planned_on).toBe('2026-10-12');
		expect(
			await t.db.selectFrom('visit_assessor').where('visit_id', '=', visit.id).selectAll().execute()
		).toHaveLength(2);
		const log = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'assign').execute();
		expect(log).toHaveLength(2);
		expect(log[0].user_id).toBe(f.admin);
	});

	it('refuses an assessor who declared an affiliation with the unit, and says why', async () => {
		const unit = await t.db
			.selectFrom('unit')
			.select('id')
			.where('code', '=', 'KEL-02')
			.executeTakeFirstOrThrow();
		await t.db
			.insertInto('assessor_conflict')
			.values({ user_id: f.citra, unit_id: unit.id, reason: 'Dosen pendamping' })
			.execute();
		const r = await assign();
		expect(r).toMatchObject({ ok: false, status: 409 });
		if (r.ok) return;
		expect(refusalErrors(r).assessor).toContain('Konflik kepentingan');
		expect(refusalErrors(r).assessor).toContain('Dosen pendamping');
		expect(await t.db.selectFrom('visit').selectAll().where('unit_id', '=', unit.id).execute()).toHaveLength(
			0
		);
	});

	it('refuses the same assessor on a second visit of the same unit', async () => {
		expect((await assign()).ok).toBe(true);
		const r = await assign({ visitNo: 2 });
		expect(r).toMatchObject({
			ok: false,
			status: 409,
			errors: { assessor: expect.stringContaining('berbeda') }
		});
	});

	it('lists every bad field at once and writes nothing', async () => {
		const r = await assign({
			periodCode: 'NOPE',
			unitCode: 'ZZ',
			visitNo: 0,
			assessorEmail: 'admin@kota.go.id',
			plannedOn: '2026-02-30'
		});
		expect(r).toMatchObject({ ok: false, status: 400 });
		if (r.ok) return;
		expect(Object.keys(refusalErrors(r)).sort()).toEqual(['assessor', 'date', 'period', 'unit', 'visit']);
		expect(await t.db.selectFrom('audit_log').selectAll().execute()).toHaveLength(0);
	});

	it('refuses assignments in a published period', async () => {
		await setPeriodStatus(t.db, f.periodId, 'published', now);
		expect(await assign()).toMatchObject({ ok: false, status: 409 });
	});

	it('refuses a planned date outside the period window', async () => {
		const r = await assign({ plannedOn: '2027-01-05' });
		expect(r).toMatchObject({ ok: false, status: 400, errors: { date: expect.stringContaining('jendela') } });
		expect(await t.db.selectFrom('audit_log').selectAll().execute()).toHaveLength(0);
	});

	it('refuses an assessor on a date they declared unavailable, by codes and by visit', async () => {
		await t.db
			.insertInto('assessor_unavailable_date')
			.values({ user_id: f.citra, date: '2026-10-12' })
			.execute();
		expect(await assign()).toMatchObject({
			ok: false,
			status: 409,
			errors: { assessor: expect.stringContaining('berhalangan') }
		});
		const budi = await assign({ assessorEmail: 'budi@univ.ac.id' });
		if (!budi.ok) throw new Error('budi should be assigned');
		const byVisit = await addAssessorToVisit(t.db, 'P-1', budi.value.visitId, f.citra, f.admin, now);
		expect(byVisit).toMatchObject({
			ok: false,
			status: 409,
			errors: { assessor: expect.stringContaining('berhalangan') }
		});
	});

	it('applies the conflict-of-interest rule to the planning tool too', async () => {
		const first = await assign({ assessorEmail: 'budi@univ.ac.id' });
		if (!first.ok) throw new Error('budi should be assigned');
		const unit = await t.db
			.selectFrom('unit')
			.select('id')
			.where('code', '=', 'KEL-02')
			.executeTakeFirstOrThrow();
		await t.db
			.insertInto('assessor_conflict')
			.values({ user_id: f.citra, unit_id: unit.id, reason: 'Warga' })
			.execute();
		const r = await addAssessorToVisit(t.db, 'P-1', first.value.visitId, f.citra, f.admin, now);
		expect(r).toMatchObject({
			ok: false,
			status: 409,
			errors: { assessor: expect.stringContaining('Konflik kepentingan') }
		});
		expect(await addAssessorToVisit(t.db, 'P-1', first.value.visitId, f.budi, f.admin, now)).toMatchObject({
			ok: false,
			status: 409
		});
	});
});
