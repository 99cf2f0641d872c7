import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../support/test-db';
import { insertUser, listUsers } from '../../../src/lib/server/accounts/user.repository';
import { findOrCreateCategory, insertUnit } from '../../../src/lib/server/units/unit.repository';
import { listUnitsForAdmin } from '../../../src/lib/server/units/unit-catalog.repository';

// The admin search boxes (users, units, visits) share one condition (db/dialect.ts
// anyColumnContains): any searched column contains the text, ignoring ASCII case on both engines.
const now = new Date('2026-11-30T03:00:00Z');
let t: TestDb;
beforeEach(async () => {
	t = await createTestDb();
});
afterEach(async () => t.cleanup());

describe('admin search', () => {
	it('finds users by a part of the name or the e-mail, in any case', async () => {
		await insertUser(
			t.db,
			{ email: 'ratna@unc.ac.id', name: 'Dr. Ratna', role: 'assessor', passwordHash: null },
			now
		);
		await insertUser(
			t.db,
			{ email: 'agus@uic.ac.id', name: 'Agus', role: 'assessor', passwordHash: null },
			now
		);
		const names = async (query: string) =>
			(await listUsers(t.db, { query, limit: 10, offset: 0 })).users.map((u) => u.name).sort();
		expect(await names('RATNA')).toEqual(['Dr. Ratna']);
		expect(await names('uic.ac')).toEqual(['Agus']);
		expect(await names('ac.id')).toEqual(['Agus', 'Dr. Ratna']);
		expect(await names('tidak ada')).toEqual([]);
	});

	it('finds units by a part of the name or the code, and counts only the matches', async () => {
		const cat = await findOrCreateCategory(t.db, 'Kelurahan');
		await insertUnit(
			t.db,
			{ code: 'KEL-18', name: 'Kelurahan Mrican', categoryId: cat, surveyToken: 'a'.repeat(24) },
			now
		);
		await insertUnit(
			t.db,
			{ code: 'KEL-19', name: 'Kelurahan Baciro', categoryId: cat, surveyToken: 'b'.repeat(24) },
			now
		);
		const byName = await listUnitsForAdmin(t.db, { query: 'mrican', limit: 10, offset: 0 });
		expect(byName.units.map((u) => u.code)).toEqual(['KEL-18']);
		expect(byName.total).toBe(1);
		const byCode = await listUnitsForAdmin(t.db, { query: 'kel-1', limit: 10, offset: 0 });
		expect(byCode.total).toBe(2);
	});

	it('reads %, _ and \\ in the search text as themselves, not as wildcards', async () => {
		const cat = await findOrCreateCategory(t.db, 'Kelurahan');
		const unit = (code: string, name: string, token: string) =>
			insertUnit(t.db, { code, name, categoryId: cat, surveyToken: token.repeat(24) }, now);
		await unit('KEL-50', 'Kelurahan 50% Baru', 'a');
		await unit('KEL-51', 'Kelurahan 5000 Lama', 'b');
		await unit('KEL_52', 'Kelurahan Kota\\Baru', 'c');
		await unit('KELX52', 'Kelurahan KotaXBaru', 'd');
		const codes = async (query: string) =>
			(await listUnitsForAdmin(t.db, { query, limit: 10, offset: 0 })).units.map((u) => u.code).sort();
		expect(await codes('50%')).toEqual(['KEL-50']);
		expect(await codes('%')).toEqual(['KEL-50']);
		expect(await codes('kel_')).toEqual(['KEL_52']);
		expect(await codes('kota\\')).toEqual(['KEL_52']);
		await insertUser(
			t.db,
			{ email: 'a_b@unc.ac.id', name: 'Ani', role: 'assessor', passwordHash: null },
			now
		);
		await insertUser(
			t.db,
			{ email: 'axb@unc.ac.id', name: 'Budi', role: 'assessor', passwordHash: null },
			now
		);
		const users = await listUsers(t.db, { query: 'a_b', limit: 10, offset: 0 });
		expect(users.users.map((u) => u.name)).toEqual(['Ani']);
	});
});
