import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from './support/test-db';
import { createUser } from '../../src/lib/server/services/user.service';
import { signIn, changePassword } from '../../src/lib/server/services/auth.service';
import { validateSessionToken } from '../../src/lib/server/auth/session';

let t: TestDb;
const now = new Date('2026-11-22T08:00:00Z');
const later = (ms: number) => new Date(now.getTime() + ms);

beforeEach(async () => {
	t = await createTestDb();
	const r = await createUser(
		t.db,
		{ email: 'Ani@Univ.ac.id', name: 'Ani', role: 'assessor', password: 'kopi-tubruk-pagi' },
		null,
		now
	);
	expect(r.ok).toBe(true);
});
afterEach(() => t.cleanup());

describe('signing in', () => {
	it('accepts the right password, case-insensitively on the email, and stores only a hash of the secret', async () => {
		const r = await signIn(
			t.db,
			{ email: ' ani@UNIV.ac.id ', password: 'kopi-tubruk-pagi', ip: '10.0.0.1', rateLimits: true },
			now
		);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		const [id, secret] = r.token.split('.');
		const row = await t.db.selectFrom('session').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
		expect(Buffer.from(row.secret_hash).toString('utf8')).not.toContain(secret);
		expect(row.secret_hash.length).toBe(32);
		const session = await validateSessionToken(t.db, r.token, now);
		expect(session?.user).toEqual({ id: r.user.id, name: 'Ani', email: 'ani@univ.ac.id', role: 'assessor' });
	});

	it('refuses a wrong password and a forged secret', async () => {
		expect(
			(
				await signIn(
					t.db,
					{ email: 'ani@univ.ac.id', password: 'salah-sekali-123', ip: '1', rateLimits: true },
					now
				)
			).ok
		).toBe(false);
		const r = await signIn(
			t.db,
			{ email: 'ani@univ.ac.id', password: 'kopi-tubruk-pagi', ip: '1', rateLimits: true },
			now
		);
		if (!r.ok) throw new Error('sign-in failed');
		const forged = r.token.split('.')[0] + '.' + 'x'.repeat(24);
		expect(await validateSessionToken(t.db, forged, now)).toBeNull();
	});

	it('locks an account for a while after five failures, even with the right password', async () => {
		for (let i = 0; i < 5; i++)
			await signIn(
				t.db,
				{ email: 'ani@univ.ac.id', password: 'bukan-ini-1234', ip: `10.0.0.${i}`, rateLimits: true },
				now
			);
		const locked = await signIn(
			t.db,
			{ email: 'ani@univ.ac.id', password: 'kopi-tubruk-pagi', ip: '10.0.0.9', rateLimits: true },
			later(60_000)
		);
		expect(locked).toMatchObject({ ok: false, reason: 'throttled' });
		const afterLock = await signIn(
			t.db,
			{ email: 'ani@univ.ac.id', password: 'kopi-tubruk-pagi', ip: '10.0.0.9', rateLimits: true },
			later(16 * 60_000)
		);
		expect(afterLock.ok).toBe(true);
	});

	it('slides the expiry forward when a session is used in its second half, and ends it after expiry', async () => {
		const r = await signIn(
			t.db,
			{ email: 'ani@univ.ac.id', password: 'kopi-tubruk-pagi', ip: '1', rateLimits: true },
			now
		);
		if (!r.ok) throw new Error('sign-in failed');
		const day = 24 * 60 * 60_000;
		const early = await validateSessionToken(t.db, r.token, later(1 * day));
		expect(early!.renewed).toBe(false);
		expect(early!.expiresAt.getTime()).toBe(later(7 * day).getTime());
		const renewed = await validateSessionToken(t.db, r.token, later(5 * day));
		expect(renewed!.renewed).toBe(true);
		expect(renewed!.expiresAt.getTime()).toBe(later(12 * day).getTime());
		expect(await validateSessionToken(t.db, r.token, later(20 * day))).toBeNull();
	});

	it('ends the sessions of a deactivated account', async () => {
		const r = await signIn(
			t.db,
			{ email: 'ani@univ.ac.id', password: 'kopi-tubruk-pagi', ip: '1', rateLimits: true },
			now
		);
		if (!r.ok) throw new Error('sign-in failed');
		await t.db.updateTable('user').set({ active: 0 }).execute();
		expect(await validateSessionToken(t.db, r.token, now)).toBeNull();
	});
});

describe('accounts', () => {
	it('refuses short and common passwords and duplicate emails', async () => {
		const short = await createUser(
			t.db,
			{ email: 'b@x.id', name: 'Budi', role: 'viewer', password: 'pendek' },
			null,
			now
		);
		expect(short).toMatchObject({ ok: false, status: 400 });
		const common = await createUser(
			t.db,
			{ email: 'b@x.id', name: 'Budi', role: 'viewer', password: '1234567890' },
			null,
			now
		);
		expect(common).toMatchObject({ ok: false, errors: { password: expect.stringContaining('umum') } });
		const dup = await createUser(
			t.db,
			{ email: 'ANI@univ.ac.id', name: 'Ani 2', role: 'viewer', password: 'teh-manis-sore' },
			null,
			now
		);
		expect(dup).toMatchObject({ ok: false, status: 409 });
	});

	it('refuses a unit head linked to an unknown unit', async () => {
		const r = await createUser(
			t.db,
			{
				email: 'lurah@x.id',
				name: 'Lurah',
				role: 'unit_head',
				password: 'teh-manis-sore',
				unitCodes: ['NOPE']
			},
			null,
			now
		);
		expect(r).toMatchObject({ ok: false, errors: { units: expect.stringContaining('NOPE') } });
	});

	it('changes a password only with the current one, and signs out other devices', async () => {
		const a = await signIn(
			t.db,
			{ email: 'ani@univ.ac.id', password: 'kopi-tubruk-pagi', ip: '1', rateLimits: true },
			now
		);
		const b = await signIn(
			t.db,
			{ email: 'ani@univ.ac.id', password: 'kopi-tubruk-pagi', ip: '2', rateLimits: true },
			now
		);
		if (!a.ok || !b.ok) throw new Error('sign-in failed');
		const userId = a.user.id;
		const keep = a.token.split('.')[0];
		expect(
			await changePassword(
				t.db,
				{ userId, email: a.user.email, current: 'salah', next: 'gula-aren-manis', keepSessionId: keep },
				now
			)
		).toMatchObject({ ok: false, field: 'current' });
		expect(
			await changePassword(
				t.db,
				{
					userId,
					email: a.user.email,
					current: 'kopi-tubruk-pagi',
					next: 'gula-aren-manis',
					keepSessionId: keep
				},
				now
			)
		).toEqual({ ok: true });
		expect(await validateSessionToken(t.db, a.token, now)).not.toBeNull();
		expect(await validateSessionToken(t.db, b.token, now)).toBeNull();
		const audit = await t.db.selectFrom('audit_log').select('action').execute();
		expect(audit.map((x) => x.action)).toContain('change_password');
	});
});
