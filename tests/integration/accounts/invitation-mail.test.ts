import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createTestDb, type TestDb } from '../support/test-db';
import { decodeQuotedPrintable, startSmtpSink } from '../support/smtp-sink';
import { createUser } from '../../../src/lib/server/accounts/user.service';
import { requestPasswordLink } from '../../../src/lib/server/invitations/password-reset.service';
import { inviteAllWithoutPassword } from '../../../src/lib/server/invitations/invitation.service';
import { inspectPasswordLink } from '../../../src/lib/server/invitations/password-link.service';

let t: TestDb;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
const now = new Date('2026-11-29T08:00:00Z');
const ORIGIN = 'https://rapor.kota.go.id';
const LINK = /https:\/\/rapor\.kota\.go\.id\/sandi\/([a-z0-9]+\.[a-z0-9]+)/g;

beforeAll(async () => {
	sink = await startSmtpSink();
});
afterAll(() => sink.close());
beforeEach(async () => {
	t = await createTestDb();
	sink.mails.length = 0;
	for (const [email, password] of [
		['ani@univ.ac.id', null],
		['budi@univ.ac.id', 'kopi-tubruk-pagi']
	] as const)
		await createUser(t.db, { email, name: email.split('@')[0], role: 'assessor', password }, null, now);
});
afterEach(async () => {
	delete process.env.SMTP_URL;
	await t.cleanup();
});

const request = (email: string, at = now) =>
	requestPasswordLink(
		t.db,
		{ email, ip: '10.1.1.1', rateLimits: true, origin: ORIGIN, timeZone: 'Asia/Jakarta' },
		at
	);

describe('password links by e-mail', () => {
	it('mails a working link to a known account through a real SMTP server, and nothing for an unknown address', async () => {
		expect(await request('Budi@Univ.ac.id')).toEqual({
			ok: false,
			status: 400,
			message: 'Pengiriman email belum diatur di server ini: hubungi administrator untuk meminta tautan.'
		});
		process.env.SMTP_URL = sink.url;
		expect(await request('Budi@Univ.ac.id')).toEqual({ ok: true, value: undefined });
		expect(await request('nobody@univ.ac.id')).toEqual({ ok: true, value: undefined });
		expect(sink.mails).toHaveLength(1);
		expect(sink.mails[0].to).toEqual(['budi@univ.ac.id']);
		const body = decodeQuotedPrintable(sink.mails[0].raw);
		const tokens = [...body.matchAll(LINK)].map((x) => x[1]);
		expect(tokens.length).toBeGreaterThan(0);
		expect((await inspectPasswordLink(t.db, tokens[0], now)).state).toBe('valid');
		expect(body).toContain('set the password');
		// Each language part writes the expiry its own way (Indonesian 14.05, English 14:05).
		expect(body).toMatch(/berlaku sampai \d{1,2} [A-Z][a-z]+ 20\d\d \d\d\.\d\d:/);
		expect(body).toMatch(/valid until \d{1,2} [A-Z][a-z]+ 20\d\d \d\d:\d\d:/);
	});

	it('limits requests per address', async () => {
		process.env.SMTP_URL = sink.url;
		for (let i = 0; i < 5; i++) expect((await request('budi@univ.ac.id')).ok).toBe(true);
		const refused = await request('budi@univ.ac.id');
		expect(refused).toMatchObject({ ok: false, status: 429 });
		expect(refused.ok ? 0 : refused.retryAfterSeconds).toBeGreaterThan(0);
		expect(sink.mails).toHaveLength(5);
	});

	it('e-mails bulk invitations when SMTP_URL is set and only lists them when it is not', async () => {
		const quiet = await inviteAllWithoutPassword(t.db, 1, { origin: ORIGIN, timeZone: 'Asia/Jakarta' }, now);
		expect(quiet.mail).toBe('off');
		expect(quiet.rows.map((r) => r.email)).toEqual(['ani@univ.ac.id']);
		expect(sink.mails).toHaveLength(0);
		process.env.SMTP_URL = sink.url;
		const sent = await inviteAllWithoutPassword(t.db, 1, { origin: ORIGIN, timeZone: 'Asia/Jakarta' }, now);
		expect(sent.mail).toBe('sent');
		expect(sink.mails.map((m) => m.to)).toEqual([['ani@univ.ac.id']]);
		expect(decodeQuotedPrintable(sink.mails[0].raw)).toContain(sent.rows[0].url);
	});
});

describe('npm run admin -- invite', { timeout: 60_000 }, () => {
	const admin = (...args: string[]) =>
		spawnSync('node', ['--import', 'tsx', 'src/lib/server/cli/main.ts', ...args], {
			env: { ...process.env, ...t.env, ORIGIN },
			encoding: 'utf8'
		});

	it('prints one ORIGIN/sandi/<token> link per named account, or for every account without a password', async () => {
		const named = admin('invite', '--email', 'ani@univ.ac.id', '--email', 'BUDI@univ.ac.id');
		expect(named.status).toBe(0);
		const lines = named.stdout.trim().split('\n');
		expect(lines).toHaveLength(2);
		for (const line of lines)
			expect(line).toMatch(/^https:\/\/rapor\.kota\.go\.id\/sandi\/[a-z0-9]+\.[a-z0-9]+$/);
		const token = lines[1].split('/sandi/')[1];
		expect(await inspectPasswordLink(t.db, token, new Date())).toMatchObject({
			state: 'valid',
			user: { email: 'budi@univ.ac.id' }
		});

		const all = admin('invite', '--all-without-password');
		expect(all.status).toBe(0);
		expect(all.stdout.trim().split('\n')).toHaveLength(1);
	});

	it('refuses an unknown address or a missing choice with exit 1 and issues nothing', async () => {
		const bad = admin('invite', '--email', 'ani@univ.ac.id', '--email', 'nobody@univ.ac.id');
		expect(bad.status).toBe(1);
		expect(bad.stderr).toContain('nobody@univ.ac.id');
		expect(bad.stdout).toBe('');
		expect(await t.db.selectFrom('password_link').selectAll().execute()).toHaveLength(0);
		expect(admin('invite').status).toBe(1);
		expect(admin('invite', '--email', 'ani@univ.ac.id', '--all-without-password').status).toBe(1);
	});
});
