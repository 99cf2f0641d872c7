import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../support/test-db';
import { seedInstruments } from '../../../db/seeds/demo-city';
import { findOrCreateCategory, insertUnit } from '../../../src/lib/server/units/unit.repository';
import {
	changePeriodStatus,
	createPeriod,
	editPeriodSettings,
	type NewPeriodInput
} from '../../../src/lib/server/periods/period-admin.service';
import { insertUser } from '../../../src/lib/server/accounts/user.repository';
import { DEFAULT_COACHING_RULE } from '../../../src/lib/domain/coaching/rule';
import { refusalErrors } from '../../../src/lib/server/service-result';
import { inRequest } from '../support/in-request';

const now = new Date('2026-11-22T03:00:00Z');
let t: TestDb;
let admin: number;
const input: NewPeriodInput = {
	code: 'MPP-2027',
	name: 'Monitoring 2027',
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
};

beforeEach(async () => {
	t = await createTestDb();
	await seedInstruments(t.db, now);
	admin = await insertUser(t.db, { email: 'a@x.id', name: 'Admin', role: 'admin', passwordHash: null }, now);
	const cat = await findOrCreateCategory(t.db, 'Kelurahan');
	await insertUnit(t.db, { code: 'KEL-01', name: 'Kelurahan Satu', categoryId: cat, surveyToken: 'a' }, now);
});
afterEach(() => t.cleanup());

describe('periods', () => {
	it('creates a draft period covering the active units and refuses a duplicate code', async () => {
		const r = await createPeriod(t.db, input, null, now);
		expect(r.ok && r.value).toMatchObject({ code: 'MPP-2027', status: 'draft', unitCount: 1 });
		const again = await createPeriod(t.db, input, null, now);
		expect(again).toMatchObject({ ok: false, status: 409 });
	});

	it('refuses bad settings field by field', async () => {
		const r = await createPeriod(t.db, { ...input, requiredAssessors: 3, endsOn: '2026-01-01' }, null, now);
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(Object.keys(refusalErrors(r)).sort()).toEqual(['assessors', 'ends_on']);
	});

	it("words bad settings in the reader's language, Indonesian outside a request, and creates nothing", async () => {
		const bad = {
			...input,
			requiredAssessors: 3,
			endsOn: '2026-01-01',
			coachingRule: { kind: 'bottom' as const, k: 0 }
		};
		const create = () => createPeriod(t.db, bad, null, now);
		const en = await inRequest('en', create);
		const id = await create();
		if (en.ok || id.ok) throw new Error('expected refusals');
		expect(en.errors).toEqual({
			assessors: 'There cannot be more different assessors than visits (one assessor per visit).',
			ends_on: 'The end date must come after the start date.',
			coaching_k: 'K must be a whole number from 1 to 100.'
		});
		expect(id.errors).toEqual({
			assessors:
				'Penilai berbeda tidak boleh lebih banyak dari jumlah kunjungan (satu penilai per kunjungan).',
			ends_on: 'Tanggal selesai harus sesudah tanggal mulai.',
			coaching_k: 'K harus bilangan bulat 1–100.'
		});
		expect(await t.db.selectFrom('period').select('id').execute()).toEqual([]);
	});

	it('moves only along allowed transitions and locks settings after draft', async () => {
		await createPeriod(t.db, input, null, now);
		expect(await changePeriodStatus(t.db, 'MPP-2027', 'review', admin, now)).toMatchObject({
			ok: false,
			status: 409
		});
		expect(await changePeriodStatus(t.db, 'MPP-2027', 'running', admin, now)).toEqual({
			ok: true,
			value: 'running'
		});
		expect(await editPeriodSettings(t.db, 'MPP-2027', { ...input, name: 'Baru' }, admin, now)).toMatchObject({
			ok: false,
			status: 409
		});
		expect(await changePeriodStatus(t.db, 'MPP-2027', 'published', admin, now)).toMatchObject({
			ok: false,
			status: 400
		});
		expect(await changePeriodStatus(t.db, 'MPP-2027', 'review', admin, now)).toEqual({
			ok: true,
			value: 'review'
		});
		expect(await changePeriodStatus(t.db, 'MPP-2027', 'running', admin, now)).toEqual({
			ok: true,
			value: 'running'
		});
		expect(await changePeriodStatus(t.db, 'MPP-2027', 'archived', admin, now)).toMatchObject({
			ok: false,
			status: 409
		});
		const audit = await t.db
			.selectFrom('audit_log')
			.select('action')
			.where('entity', '=', 'period')
			.execute();
		expect(audit.map((a) => a.action)).toEqual(['create', 'status', 'status', 'status']);
	});
});
