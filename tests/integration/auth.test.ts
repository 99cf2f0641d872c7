import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from './support/test-db';
import { createUser } from '../../src/lib/server/accounts/user.service';
import { signIn, changePassword } from '../../src/lib/server/accounts/auth.service';
import { validateSessionToken } from '../../src/lib/server/auth/session';

let t: TestDb;
const now = new Date('2026-11-22T08:00:00Z');
const later = (ms: number) => new Date(now.getTime() + ms);
const pw = { ip: '10.1.1.1', rateLimits: true };

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
		const [id, secret] = r.value.token.split('.');
		const row = await t.db.selectFrom('session').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
		expect(Buffer.from(row.secret_hash).toString('utf8')).not.toContain(secret);
		expect(row.secret_hash.length).toBe(32);
		const session = await validateSessionToken(t.db, r.value.token, now);
		expect(session?.user).toEqual({
			id: r.value.user.id,
			name: 'Ani',
			email: 'ani@univ.ac.id',
			role: 'assessor'
		});
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
		const forged = r.value.token.split('.')[0] + '.' + 'x'.repeat(24);
		expect(await validateSessionToken(t.db, forged, now)).toBeNull();
	});

	it('slows one address down with growing delays but never locks the right password out from another', async () => {
		const attempt = (password: string, ip: string, at: Date) =>
			signIn(t.db, { email: 'ani@univ.ac.id', password, ip, rateLimits: true }, at);
		// An attacker at one address: three free failures, then waits of 2 s, 4 s, 8 s ...
		for (let i = 0; i < 3; i++)
			expect(await attempt('bukan-ini-1234', '10.6.6.6', now)).toMatchObject({ ok: false, status: 400 });
		expect(await attempt('bukan-ini-1234', '10.6.6.6', now)).toMatchObject({ ok: false, status: 400 });
		expect(await attempt('bukan-ini-1234', '10.6.6.6', later(1_000))).toMatchObject({
			status: 429,
			retryAfterSeconds: 1
		});
		expect(await attempt('bukan-ini-1234', '10.6.6.6', later(2_000))).toMatchObject({
			ok: false,
			status: 400
		});
		expect(await attempt('kopi-tubruk-pagi', '10.6.6.6', later(3_000))).toMatchObject({
			status: 429,
			retryAfterSeconds: 3
		});
		// The owner, at another address, signs in at once, every time.
		for (let i = 0; i < 10; i++) await attempt('bukan-ini-1234', `10.7.0.${i}`, later(3_000));
		expect((await attempt('kopi-tubruk-pagi', '10.0.0.9', later(3_000))).ok).toBe(true);
		// The attacker's address may try again once its delay is over; a right password clears it.
		expect((await attempt('kopi-tubruk-pagi', '10.6.6.6', later(6_000))).ok).toBe(true);
		expect(await attempt('bukan-ini-1234', '10.6.6.6', later(6_000))).toMatchObject({
			ok: false,
			status: 400
		});
	});

	it('throttles the current-password check of a signed-in user', async () => {
		const r = await signIn(
			t.db,
			{ email: 'ani@univ.ac.id', password: 'kopi-tubruk-pagi', ip: '1', rateLimits: true },
			now
		);
		if (!r.ok) throw new Error('sign-in failed');
		const input = {
			...pw,
			userId: r.value.user.id,
			email: r.value.user.email,
			next: 'gula-aren-manis',
			keepSessionId: ''
		};
		let throttled = 0;
		for (let i = 0; i < 40; i++) {
			const res = await changePassword(t.db, { ...input, current: `tebakan-${i}` }, now);
			if (!res.ok && res.status === 429) throttled++;
		}
		expect(throttled).toBeGreaterThanOrEqual(36);
		const refused = await changePassword(t.db, { ...input, current: 'kopi-tubruk-pagi' }, now);
		expect(refused).toMatchObject({ ok: false, status: 429 });
		expect(refused.ok ? 0 : refused.retryAfterSeconds).toBeGreaterThan(0);
		expect(await changePassword(t.db, { ...input, current: 'kopi-tubruk-pagi' }, later(60_000))).toEqual({
			ok: true,
			value: undefined
		});
	});

	it('slides the expiry forward when a session is used in its second half, and ends it after expiry', async () => {
		const r = await signIn(
			t.db,
			{ email: 'ani@univ.ac.id', password: 'kopi-tubruk-pagi', ip: '1', rateLimits: true },
			now
		);
		if (!r.ok) throw new Error('sign-in failed');
		const day = 24 * 60 * 60_000;
		const early = await validateSessionToken(t.db, r.value.token, later(1 * day));
		expect(early!.renewed).toBe(false);
		expect(early!.expiresAt.getTime()).toBe(later(7 * day).getTime());
		const renewed = await validateSessionToken(t.db, r.value.token, later(5 * day));
		expect(renewed!.renewed).toBe(true);
		expect(renewed!.expiresAt.getTime()).toBe(later(12 * day).getTime());
		expect(await validateSessionToken(t.db, r.value.token, later(20 * day))).toBeNull();
	});

	it('ends the sessions of a deactivated account', async () => {
		const r = await signIn(
			t.db,
			{ email: 'ani@univ.ac.id', password: 'kopi-tubruk-pagi', ip: '1', rateLimits: true },
			now
		);
		if (!r.ok) throw new Error('sign-in failed');
		await t.db.updateTable('user').set({ active: 0 }).execute();
		expect(await validateSessionToken(t.db, r.value.token, now)).toBeNull();
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
		const userId = a.value.user.id;
		const keep = a.value.token.split('.')[0];
		expect(
			await changePassword(
				t.db,
				{
					...pw,
					userId,
					email: a.value.user.email,
					current: 'salah',
					next: 'gula-aren-manis',
					keepSessionId: keep
				},
				now
			)
		).toMatchObject({ ok: false, status: 400, errors: { current: expect.any(String) } });
		expect(
			await changePassword(
				t.db,
				{
					...pw,
					userId,
					email: a.value.user.email,
					current: 'kopi-tubruk-pagi',
					next: 'gula-aren-manis',
					keepSessionId: keep
				},
				now
			)
		).toEqual({ ok: true, value: undefined });
		expect(await validateSessionToken(t.db, a.value.token, now)).not.toBeNull();
		expect(await validateSessionToken(t.db, b.value.token, now)).toBeNull();
		const audit = await t.db.selectFrom('audit_log').select('action').execute();
		expect(audit.map((x) => x.action)).toContain('change_password');
	});
});
