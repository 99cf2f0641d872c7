import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PREFLIGHT_CLASSES } from '../../src/lib/domain/publication/preflight';
import { startTwoProcesses, type AppProcess, type TwoProcesses } from './support/app-processes';
import { DEMO_PASSWORD, postJson, postSignIn, send, signIn } from './support/client';

// README "When one machine is not enough": two application processes (the built server, started
// as `npm start` starts it) on one PostgreSQL database behave as one, whichever process a request
// reaches. Plain HTTP against both; the shared database is read to check what was stored.
const ASSESSOR = 'dr.ratna@unc.ac.id';
const ADMIN = 'admin@kotacontoh.go.id';
const VIEWER = 'walikota@kotacontoh.go.id';
const PERIOD = 'MPP-2026';
const INDICATOR = '1.a.K1';

let two: TwoProcesses;
let a: AppProcess;
let b: AppProcess;
beforeAll(async () => {
	two = await startTwoProcesses();
	({ a, b } = two);
}, 600_000);
afterAll(async () => {
	await two?.stop();
});

const statuses = (answers: Response[]) => answers.map((r) => r.status).sort();
const count = async (sql: string, params: unknown[] = []) =>
	Number((await two.query<{ n: string }>(sql, params))[0].n);

/** Visits of the period where the assessor has no sheet yet (a first save creates it). */
async function visitsWithoutSheet(n: number): Promise<number[]> {
	const rows = await two.query<{ id: number }>(
		`select v.id from visit v join period p on p.id = v.period_id
		 join visit_assessor va on va.visit_id = v.id join "user" u on u.id = va.user_id
		 where p.code = $1 and u.email = $2
		   and not exists (select 1 from score_sheet s where s.visit_id = v.id and s.assessor_id = u.id)
		 order by v.id limit ${n}`,
		[PERIOD, ASSESSOR]
	);
	expect(rows).toHaveLength(n);
	return rows.map((r) => Number(r.id));
}

async function surveyUnit(): Promise<string> {
	const [{ survey_token }] = await two.query<{ survey_token: string }>(
		`select survey_token from unit where code = 'KEL-18'`
	);
	return survey_token;
}

/** A signed single-use token from the survey page served by p. */
async function formToken(p: AppProcess, unit: string): Promise<string> {
	const page = await send(p, `/survei/${unit}`);
	expect(page.status).toBe(200);
	const token = /name="form_token" value="([^"]+)"/.exec(await page.text())?.[1];
	expect(token).toBeTruthy();
	return token!;
}

function postSurvey(p: AppProcess, unit: string, token: string, ip: string): Promise<Response> {
	const answers = Object.fromEntries([...'123456789'].map((u) => [`u${u}`, '4']));
	return send(p, `/survei/${unit}/kirim`, {
		body: new URLSearchParams({ form_token: token, ...answers }),
		headers: { accept: 'application/json' },
		ip
	});
}

describe('two app processes on one PostgreSQL database', () => {
	it('starts both at once on an empty database and seeds the demo city once', async () => {
		const seeded = [a, b].filter((p) => p.log().includes('Kota Contoh diisi'));
		expect(seeded).toHaveLength(1);
		expect(await count(`select count(*) as n from period where code in ('MPP-2025', 'MPP-2026')`)).toBe(2);
		expect(await count(`select count(*) as n from instrument`)).toBe(2);
		for (const p of [a, b]) expect((await send(p, '/login')).status).toBe(200);
	});

	it('keeps a session and the sign-in throttle when requests alternate', async () => {
		const cookie = await signIn(a, ASSESSOR);
		expect((await send(b, '/penilaian', { cookie })).status).toBe(200);
		expect((await send(b, '/logout', { cookie, body: new URLSearchParams() })).status).toBe(303);
		const after = await send(a, '/penilaian', { cookie });
		expect(after.status).toBe(303);
		expect(after.headers.get('location')).toContain('/login');

		// Four wrong passwords from one address, alternating: the fourth starts a delay (three are
		// free), so the right password right after is refused by either process.
		const ip = '198.51.100.7';
		for (const p of [a, b, a, b]) expect((await postSignIn(p, VIEWER, 'salah-sandi', ip)).status).toBe(400);
		const refused = await postSignIn(a, VIEWER, DEMO_PASSWORD, ip);
		expect(refused.status).toBe(429);
		expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
		// The throttle counts per (account, address): the owner elsewhere still signs in.
		expect((await postSignIn(b, VIEWER, DEMO_PASSWORD, '198.51.100.8')).status).toBe(303);
	});

	it('accepts a survey form token sent to both processes exactly once', async () => {
		const unit = await surveyUnit();
		const token = await formToken(a, unit);
		const post = (p: AppProcess) => postSurvey(p, unit, token, '192.0.2.10');
		const before = await count(`select count(*) as n from survey_response`);
		const both = await Promise.all([post(a), post(b)]);
		expect(statuses(both)).toEqual([303, 403]);
		expect((await post(b)).status).toBe(403);
		expect((await post(a)).status).toBe(403);
		expect(await count(`select count(*) as n from survey_response`)).toBe(before + 1);
	});

	it('counts the survey rate limit of one address over both processes', async () => {
		const unit = await surveyUnit();
		const ip = '192.0.2.20';
		for (const p of [a, b, a, b])
			expect((await postSurvey(p, unit, await formToken(p, unit), ip)).status).toBe(303);
		const refused = await postSurvey(b, unit, await formToken(a, unit), ip);
		expect(refused.status).toBe(429);
		expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
	});

	it('answers a stale score sheet version with 409 through either process', async () => {
		const cookie = await signIn(b, ASSESSOR);
		const save = (p: AppProcess, visit: number, version: number, score: number) =>
			postJson(p, `/penilaian/${visit}/simpan`, cookie, {
				version,
				values: { [INDICATOR]: { score, note: '' } }
			});
		// The first save of a sheet through both at once creates it once; the other save is stale.
		// Several sheets at once, so that the two inserts of one sheet do meet.
		const visits = await visitsWithoutSheet(4);
		const first = await Promise.all(visits.map((v) => Promise.all([save(a, v, 1, 2), save(b, v, 1, 3)])));
		for (const pair of first) {
			expect(statuses(pair)).toEqual([200, 409]);
			expect(await pair.find((r) => r.status === 409)!.json()).toMatchObject({ kind: 'stale', version: 2 });
		}
		const [visit] = visits;
		expect((await save(a, visit, 2, 4)).status).toBe(200);
		const refused = await save(b, visit, 2, 5);
		expect(refused.status).toBe(409);
		expect(await refused.json()).toMatchObject({ kind: 'stale', version: 3 });
		const rows = await two.query<{ score: number }>(
			`select sc.score from score sc join score_sheet s on s.id = sc.sheet_id
			 join indicator i on i.id = sc.indicator_id where s.visit_id = $1 and i.code = $2`,
			[visit, INDICATOR]
		);
		expect(rows.map((r) => Number(r.score))).toEqual([4]);
	});

	it('stores one file when both processes receive the same photo at the same moment', async () => {
		const cookie = await signIn(a, ASSESSOR);
		const photo = await sharp({
			create: { width: 48, height: 32, channels: 3, background: { r: 17, g: 99, b: 151 } }
		})
			.png()
			.toBuffer();
		const sha256 = createHash('sha256').update(photo).digest('hex');
		const upload = (p: AppProcess, visit: number) => {
			const form = new FormData();
			form.set('indicator', INDICATOR);
			form.set('file', new Blob([new Uint8Array(photo)], { type: 'image/png' }), 'papan-layanan.png');
			return send(p, `/penilaian/${visit}/bukti`, { cookie, body: form });
		};
		// Through both at once on three visits without a sheet yet: six uploads, one file.
		const visits = await visitsWithoutSheet(3);
		const answers = await Promise.all(visits.flatMap((v) => [upload(a, v), upload(b, v)]));
		expect(statuses(answers)).toEqual(Array(6).fill(201));
		expect(readdirSync(join(two.uploadDir, sha256.slice(0, 2))).sort()).toEqual([
			sha256,
			`${sha256}.thumb.webp`
		]);
		expect(await count(`select count(*) as n from stored_file where sha256 = $1`, [sha256])).toBe(1);
		expect(
			await count(
				`select count(*) as n from evidence e join stored_file f on f.id = e.file_id where f.sha256 = $1`,
				[sha256]
			)
		).toBe(6);
		// Each item opens through the other process: the same bytes from the shared folder.
		const items = await Promise.all(answers.map(async (r) => (await r.json()).evidence as { url: string }));
		for (const [i, item] of items.entries()) {
			const file = await send(i % 2 ? a : b, item.url, { cookie });
			expect(file.status).toBe(200);
			expect(Buffer.from(await file.arrayBuffer()).equals(photo)).toBe(true);
		}
	});

	it('shows a publication made through one process at once through the other', async () => {
		const admin = await signIn(a, ADMIN);
		const api = `/api/v1/periods/${PERIOD}/results`;
		expect((await send(b, api)).status).toBe(404);
		expect((await send(b, `/hasil/${PERIOD}`)).status).toBe(404);
		// The administrator's read through b stores the running period's results in the cache.
		const running = await send(b, api, { cookie: admin });
		expect(running.status).toBe(200);
		expect((await running.json()).period.status).not.toBe('published');

		const path = `/admin/periode/${PERIOD}/publikasi`;
		const page = await send(a, `${path}?konfirmasi=terbit`, { cookie: admin });
		const once = /name="once" value="(form-[0-9a-f-]{36})"/.exec(await page.text())?.[1];
		expect(once).toBeTruthy();
		const form = new FormData();
		for (const [k, v] of Object.entries({ once: once!, confirm: 'ya', revision: '0', reason: 'Rapat pleno' }))
			form.append(k, v);
		for (const c of PREFLIGHT_CLASSES) form.append('confirm_class', c);
		const published = await send(a, `${path}?/publish`, { cookie: admin, body: form });
		expect(published.status).toBe(303);
		expect(published.headers.get('location')).toContain('terbit=1');

		const seen = await send(b, api);
		expect(seen.status).toBe(200);
		expect((await seen.json()).period.status).toBe('published');
		expect((await send(b, `/hasil/${PERIOD}`)).status).toBe(200);
	});
});
