import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../support/test-db';
import { createUser, editUser, resetPassword } from '../../../src/lib/server/accounts/user.service';
import { changePassword } from '../../../src/lib/server/accounts/auth.service';
import { inRequest } from '../support/in-request';
import { signIn } from '../../../src/lib/server/accounts/auth.service';
import { createSession, validateSessionToken } from '../../../src/lib/server/auth/session';
import {
	inspectPasswordLink,
	issueLinksByEmail,
	issueLinksForAccountsWithoutPassword,
	issuePasswordLink,
	passwordLinkUrl,
	setPasswordByLink
} from '../../../src/lib/server/invitations/password-link.service';

let t: TestDb;
const now = new Date('2026-11-29T08:00:00Z');
const days = (n: number) => new Date(now.getTime() + n * 86_400_000);
let ani: number;
let budi: number;

beforeEach(async () => {
	t = await createTestDb();
	const a = await createUser(
		t.db,
		{ email: 'ani@univ.ac.id', name: 'Ani', role: 'assessor', password: null },
		null,
		now
	);
	const b = await createUser(
		t.db,
		{ email: 'budi@univ.ac.id', name: 'Budi', role: 'assessor', password: 'kopi-tubruk-pagi' },
		null,
		now
	);
	if (!a.ok || !b.ok) throw new Error('fixture');
	ani = a.value.id;
	budi = b.value.id;
});
afterEach(() => t.cleanup());

const signInAs = (email: string, password: string, at = days(1)) =>
	signIn(t.db, { email, password, ip: '10.0.0.9', rateLimits: true }, at);

describe('set-password links', () => {
	it('stores only a hash of the secret and lets the account set its password once', async () => {
		const r = await issuePasswordLink(t.db, ani, null, now);
		if (!r.ok) throw new Error('not issued');
		const [id, secret] = r.value.token.split('.');
		const row = await t.db
			.selectFrom('password_link')
			.selectAll()
			.where('id', '=', id)
			.executeTakeFirstOrThrow();
		expect(Buffer.from(row.secret_hash).toString('utf8')).not.toContain(secret);
		expect(row.expires_at - now.getTime()).toBe(7 * 86_400_000);
		expect(passwordLinkUrl('https://rapor.kota.go.id/', r.value.token)).toBe(
			`https://rapor.kota.go.id/sandi/${r.value.token}`
		);

		expect(await inspectPasswordLink(t.db, r.value.token, days(1))).toEqual({
			state: 'valid',
			user: { name: 'Ani', email: 'ani@univ.ac.id' }
		});
		expect((await signInAs('ani@univ.ac.id', 'teh-manis-sore-hari')).ok).toBe(false);
		const set = await setPasswordByLink(t.db, r.value.token, 'teh-manis-sore-hari', days(1));
		expect(set).toEqual({
			ok: true,
			value: { id: ani, name: 'Ani', email: 'ani@univ.ac.id', role: 'assessor' }
		});
		expect((await signInAs('ani@univ.ac.id', 'teh-manis-sore-hari', days(2))).ok).toBe(true);

		expect((await inspectPasswordLink(t.db, r.value.token, days(1))).state).toBe('used');
		expect(await setPasswordByLink(t.db, r.value.token, 'lain-lagi-sandinya', days(1))).toEqual({
			ok: false,
			status: 410,
			message: expect.stringMatching(/^Tautan ini sudah dipakai\./)
		});
		expect((await signInAs('ani@univ.ac.id', 'lain-lagi-sandinya', days(2))).ok).toBe(false);
	});

	it('says expired after seven days, unknown for a forged secret, and refuses a weak password without using the link', async () => {
		const r = await issuePasswordLink(t.db, ani, null, now);
		if (!r.ok) throw new Error('not issued');
		expect((await inspectPasswordLink(t.db, r.value.token, days(7))).state).toBe('expired');
		expect((await setPasswordByLink(t.db, r.value.token, 'teh-manis-sore-hari', days(8))).ok).toBe(false);
		const forged = r.value.token.split('.')[0] + '.' + 'x'.repeat(24);
		expect((await inspectPasswordLink(t.db, forged, days(1))).state).toBe('unknown');
		expect((await inspectPasswordLink(t.db, 'no-dot-here', days(1))).state).toBe('unknown');
		expect(await setPasswordByLink(t.db, r.value.token, 'pendek', days(1))).toEqual({
			ok: false,
			status: 400,
			message: 'Kata sandi minimal 10 karakter.',
			errors: { password: 'Kata sandi minimal 10 karakter.' }
		});
		expect((await inspectPasswordLink(t.db, r.value.token, days(1))).state).toBe('valid');
	});

	it("replaces an earlier unused link of the same account and ends the account's sessions when used", async () => {
		const session = await createSession(t.db, budi, now);
		const first = await issuePasswordLink(t.db, budi, null, now);
		const second = await issuePasswordLink(t.db, budi, null, now);
		if (!first.ok || !second.ok) throw new Error('not issued');
		expect((await inspectPasswordLink(t.db, first.value.token, now)).state).toBe('unknown');
		expect((await setPasswordByLink(t.db, second.value.token, 'teh-manis-sore-hari', now)).ok).toBe(true);
		expect(await validateSessionToken(t.db, session.token, now)).toBeNull();
		const audit = await t.db
			.selectFrom('audit_log')
			.select('action')
			.where('entity_id', '=', String(budi))
			.execute();
		expect(audit.map((a) => a.action)).toContain('set_password_by_link');
	});

	it('refuses deactivated accounts and makes bulk links only for active accounts without a password', async () => {
		const c = await createUser(
			t.db,
			{ email: 'citra@univ.ac.id', name: 'Citra', role: 'assessor', password: null },
			null,
			now
		);
		if (!c.ok) throw new Error('fixture');
		await editUser(t.db, c.value.id, { active: false }, budi, now);
		expect(await issuePasswordLink(t.db, c.value.id, 1, now)).toEqual({
			ok: false,
			status: 400,
			message: 'Akun nonaktif tidak dapat diundang; aktifkan dulu.'
		});
		expect(await issuePasswordLink(t.db, 9999, 1, now)).toEqual({
			ok: false,
			status: 404,
			message: 'Pengguna tidak ditemukan.'
		});
		const bulk = await issueLinksForAccountsWithoutPassword(t.db, null, now);
		expect(bulk.map((l) => l.user.email)).toEqual(['ani@univ.ac.id']);
		const byEmail = await issueLinksByEmail(
			t.db,
			['ANI@univ.ac.id', 'nobody@x.id', 'citra@univ.ac.id'],
			null,
			now
		);
		expect(byEmail).toMatchObject({
			ok: false,
			status: 400,
			problems: ['akun nobody@x.id tidak ditemukan', 'akun citra@univ.ac.id nonaktif']
		});
	});

	it('words a weak password the same way in every form that sets one, in the reader language', async () => {
		const link = await issuePasswordLink(t.db, ani, null, now);
		if (!link.ok) throw new Error('not issued');
		const weak = (password: string) => [
			() => setPasswordByLink(t.db, link.value.token, password, days(1)),
			() => resetPassword(t.db, ani, password, budi, now),
			() =>
				createUser(t.db, { email: 'dewi@univ.ac.id', name: 'Dewi', role: 'assessor', password }, null, now)
		];
		const answers = async (locale: 'id' | 'en', password: string) => {
			const words = [];
			for (const run of weak(password)) {
				const r = await inRequest(locale, run);
				words.push(r.ok ? null : r.errors?.password);
			}
			return [...new Set(words)];
		};
		expect(await answers('en', 'pendek')).toEqual(['The password needs at least 10 characters.']);
		expect(await answers('id', 'pendek')).toEqual(['Kata sandi minimal 10 karakter.']);
		expect(await answers('en', 'rahasia123')).toEqual([
			'This password is too common, easy to guess, or the same as the e-mail address; choose another.'
		]);
		const change = {
			userId: budi,
			email: 'budi@univ.ac.id',
			current: 'kopi-tubruk-pagi',
			next: 'budi@univ.ac.id',
			keepSessionId: '',
			ip: '127.0.0.1',
			rateLimits: false
		};
		const changed = await inRequest('en', () => changePassword(t.db, change, now));
		expect(!changed.ok && changed.errors).toEqual({
			next: 'This password is too common, easy to guess, or the same as the e-mail address; choose another.'
		});
	});
});
