import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../support/test-db';
import { createUser } from '../../../src/lib/server/accounts/user.service';
import { createUnit } from '../../../src/lib/server/units/unit-catalog.service';
import { saveCategory } from '../../../src/lib/server/units/category.service';
import { createPeriod } from '../../../src/lib/server/periods/period-admin.service';
import { seedInstruments } from '../../../db/seeds/demo-city';
import { defaultPeriodInput } from '../support/periods';
import { transactionUnlessTaken } from '../../../src/lib/server/db/transaction';
import { insertCategory } from '../../../src/lib/server/units/category.repository';

// A double-clicked "create" sends two posts at once: one creates, the other gets 409, never a 500.
const now = new Date('2026-03-01T03:00:00Z');
let t: TestDb;
let admin = 0;
beforeEach(async () => {
	t = await createTestDb();
	const r = await createUser(
		t.db,
		{ email: 'admin@kota.go.id', name: 'Admin', role: 'admin', password: null },
		null,
		now
	);
	if (!r.ok) throw new Error('admin');
	admin = r.value.id;
});
afterEach(() => t.cleanup());

const count = async (table: 'user' | 'unit' | 'category' | 'period') =>
	Number(
		(
			await t.db
				.selectFrom(table)
				.select((eb) => eb.fn.countAll().as('n'))
				.executeTakeFirstOrThrow()
		).n
	);

describe('double-clicked create', () => {
	it('creates a user once and answers the second post 409', async () => {
		const input = {
			email: 'dua.kali@kota.go.id',
			name: 'Dua Kali',
			role: 'viewer' as const,
			password: 'kopi-tubruk-pagi-hari'
		};
		const results = await Promise.all([
			createUser(t.db, input, null, now),
			createUser(t.db, input, null, now)
		]);
		expect(results.map((r) => r.ok).sort()).toEqual([false, true]);
		const refused = results.find((r) => !r.ok);
		expect(refused && !refused.ok && refused.status).toBe(409);
		expect(await count('user')).toBe(2);
	});

	it('creates a category once and answers the second post 409', async () => {
		const results = await Promise.all([
			saveCategory(t.db, null, { name: 'Kelurahan' }, admin, now),
			saveCategory(t.db, null, { name: 'kelurahan' }, admin, now)
		]);
		expect(results.map((r) => (r.ok ? 'ok' : r.status)).sort()).toEqual([409, 'ok']);
		expect(await count('category')).toBe(1);
	});

	it('creates a unit once and answers the second post 409', async () => {
		const category = await saveCategory(t.db, null, { name: 'Kelurahan' }, admin, now);
		if (!category.ok) throw new Error('category');
		const input = {
			code: 'KEL-01',
			name: 'Kelurahan Satu',
			categoryId: category.value,
			parentCode: null,
			address: null,
			yearlyServiceUsers: null
		};
		const results = await Promise.all([
			createUnit(t.db, input, admin, now),
			createUnit(t.db, input, admin, now)
		]);
		expect(results.map((r) => (r.ok ? 'ok' : r.status)).sort()).toEqual([409, 'ok']);
		expect(await count('unit')).toBe(1);
	});

	it('creates a period once and answers the second post 409', async () => {
		await seedInstruments(t.db, now);
		const input = defaultPeriodInput({
			code: 'MPP-2027',
			instrument: 'permenpan-17-2017',
			from: '2027-01-04',
			to: '2027-03-31'
		});
		const results = await Promise.all([
			createPeriod(t.db, input, admin, now),
			createPeriod(t.db, input, admin, now)
		]);
		expect(results.map((r) => (r.ok ? 'ok' : r.status)).sort()).toEqual([409, 'ok']);
		expect(await count('period')).toBe(1);
	});

	// On PostgreSQL both posts can pass the check inside their transactions (each reads before the
	// other commits): then the database's UNIQUE refusal must become the 409.
	it('answers taken when the database refuses a name another request wrote first, and keeps nothing', async () => {
		await insertCategory(t.db, 'Kelurahan', 1);
		const outcome = await transactionUnlessTaken(
			t.db,
			async (trx) => {
				await insertCategory(trx, 'Puskesmas', 2);
				await insertCategory(trx, 'kelurahan', 3);
				return 'saved';
			},
			'taken'
		);
		expect(outcome).toBe('taken');
		expect(await count('category')).toBe(1);
		await expect(
			transactionUnlessTaken(
				t.db,
				async () => {
					throw new Error('not a constraint');
				},
				'taken'
			)
		).rejects.toThrow('not a constraint');
	});
});
