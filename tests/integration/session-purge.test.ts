import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from './support/test-db';
import { createUser } from '../../src/lib/server/accounts/user.service';
import { signIn } from '../../src/lib/server/accounts/auth.service';
import { createSession } from '../../src/lib/server/auth/session';

let t: TestDb;
const now = new Date('2026-11-22T08:00:00Z');
const yearAgo = new Date(now.getTime() - 365 * 24 * 3600 * 1000);
let userId: number;

beforeEach(async () => {
	t = await createTestDb();
	const r = await createUser(
		t.db,
		{ email: 'ani@univ.ac.id', name: 'Ani', role: 'assessor', password: 'kopi-tubruk-pagi' },
		null,
		now
	);
	if (!r.ok) throw new Error('user not created');
	userId = (await t.db.selectFrom('user').select('id').executeTakeFirstOrThrow()).id;
});
afterEach(() => t.cleanup());

describe('expired sessions', () => {
	it('are purged when anyone signs in; live sessions stay', async () => {
		const expired = await createSession(t.db, userId, yearAgo);
		const live = await createSession(t.db, userId, now);
		const ids = async () => (await t.db.selectFrom('session').select('id').execute()).map((r) => r.id).sort();
		expect(await ids()).toHaveLength(2);
		const r = await signIn(
			t.db,
			{ email: 'ani@univ.ac.id', password: 'kopi-tubruk-pagi', ip: '10.0.0.1', rateLimits: true },
			now
		);
		if (!r.ok) throw new Error('sign-in refused');
		const left = await ids();
		expect(left).not.toContain(expired.token.split('.')[0]);
		expect(left).toContain(live.token.split('.')[0]);
		expect(left).toContain(r.value.token.split('.')[0]);
		expect(left).toHaveLength(2);
	});
});
