import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseURL } from './support/browser';
import { freePort, waitForServer } from './support/global-setup';

// README "Production": one JSON line per request, and no survey token, session cookie or password
// in the log. A server of its own (the built app through npm start's script) so that its whole
// output can be read after the traffic.
const PASSWORD = 'Demo#Rapor2026';
const NEW_PASSWORD = 'Sandi#BaruSekali2027';
const dir = mkdtempSync(join(tmpdir(), 'rapor-log-'));
let child: ChildProcess;
let origin: string;
let output = '';

beforeAll(async () => {
	const port = await freePort();
	origin = `http://127.0.0.1:${port}`;
	child = spawn('node', ['scripts/start.js'], {
		env: {
			PATH: process.env.PATH,
			PORT: String(port),
			ORIGIN: origin,
			DATABASE_PATH: join(dir, 'rapor.db'),
			UPLOAD_DIR: join(dir, 'uploads'),
			BACKUP_DIR: join(dir, 'backups'),
			LOG_LEVEL: 'info'
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	child.stdout?.on('data', (d) => (output += d));
	child.stderr?.on('data', (d) => (output += d));
	await waitForServer(origin, child, () => output);
}, 120_000);

afterAll(() => {
	if (child.exitCode === null) child.kill('SIGTERM');
	rmSync(dir, { recursive: true, force: true });
});

const form = (fields: Record<string, string>, cookie = '') => ({
	method: 'POST',
	redirect: 'manual' as const,
	headers: {
		origin,
		accept: 'text/html',
		'content-type': 'application/x-www-form-urlencoded',
		...(cookie ? { cookie } : {})
	},
	body: new URLSearchParams(fields)
});

interface RequestLine {
	time: string;
	reqId: string;
	method: string;
	route: string | null;
	status: number;
	ms: number;
	userId: number | null;
	msg: string;
}

describe('the request log', () => {
	it('has one JSON line per request with the route id, and no token, cookie or password', async () => {
		const signIn = await fetch(
			`${origin}/login`,
			form({ email: 'admin@kotacontoh.go.id', password: PASSWORD })
		);
		expect(signIn.status).toBe(303);
		const cookie = signIn.headers
			.getSetCookie()
			.find((c) => c.startsWith('rl_session='))!
			.split(';')[0];
		const session = cookie.split('=')[1];
		expect((await fetch(`${origin}/admin`, { headers: { cookie } })).status).toBe(200);
		const change = await fetch(
			`${origin}/akun`,
			form({ current: PASSWORD, next: NEW_PASSWORD, confirm: NEW_PASSWORD }, cookie)
		);
		expect(change.status).toBe(200);
		expect(await change.text()).toMatch(/success"?:true/);

		const sqlite = new Database(join(dir, 'rapor.db'), { readonly: true });
		const { survey_token: surveyToken } = sqlite
			.prepare(`select survey_token from unit where code = 'KEL-18'`)
			.get() as {
			survey_token: string;
		};
		const { id: adminId } = sqlite
			.prepare(`select id from user where email = 'admin@kotacontoh.go.id'`)
			.get() as { id: number };
		sqlite.close();
		const page = await (await fetch(`${origin}/survei/${surveyToken}`)).text();
		const formToken = /name="form_token" value="([^"]+)"/.exec(page)?.[1] ?? '';
		const answers = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`u${i + 1}`, '3']));
		const answered = await fetch(
			`${origin}/survei/${surveyToken}`,
			form({ ...answers, form_token: formToken })
		);
		expect([303, 410]).toContain(answered.status);
		// the form's own target, answered by the survey edge before SvelteKit (src/lib/server/http/edge.ts)
		const again = await (await fetch(`${origin}/survei/${surveyToken}`)).text();
		const formToken2 = /name="form_token" value="([^"]+)"/.exec(again)?.[1] ?? '';
		const viaEdge = await fetch(
			`${origin}/survei/${surveyToken}/kirim`,
			form({ ...answers, form_token: formToken2 })
		);
		expect(viaEdge.status).toBe(answered.status);
		const health = await fetch(`${origin}/healthz`);
		expect(health.status).toBe(200);
		expect(health.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);

		child.kill('SIGTERM');
		await new Promise((r) => (child.exitCode === null ? child.once('exit', r) : r(null)));

		for (const secret of [PASSWORD, NEW_PASSWORD, encodeURIComponent(PASSWORD), session, surveyToken])
			expect(output, `log contains ${secret}`).not.toContain(secret);
		if (formToken) expect(output).not.toContain(formToken);
		if (formToken2) expect(output).not.toContain(formToken2);
		expect(output).toContain('Rapor Layanan siap di');
		expect(output, 'the start script put the survey edge in front').not.toContain('Jalur cepat survei');

		const lines = output
			.split('\n')
			.filter((l) => l.startsWith('{'))
			.map((l) => JSON.parse(l) as RequestLine)
			.filter((l) => l.msg === 'request');
		for (const l of lines) {
			expect(Object.keys(l).sort()).toEqual(
				['method', 'ms', 'msg', 'level', 'reqId', 'route', 'status', 'time', 'userId'].sort()
			);
			expect(Number.isNaN(Date.parse(l.time))).toBe(false);
		}
		const find = (method: string, route: string) =>
			lines.filter((l) => l.method === method && l.route === route);
		expect(find('POST', '/login')).toMatchObject([{ status: 303, userId: null }]);
		expect(find('GET', '/admin')).toMatchObject([{ status: 200, userId: adminId }]);
		expect(find('POST', '/akun')).toMatchObject([{ status: 200, userId: adminId }]);
		expect(find('POST', '/survei/[token]')).toMatchObject([{ status: answered.status, userId: null }]);
		expect(find('POST', '/survei/[token]/kirim')).toMatchObject([
			{ status: viaEdge.status, userId: null, reqId: viaEdge.headers.get('x-request-id') }
		]);
		expect(find('GET', '/healthz')[0].reqId).toBe(health.headers.get('x-request-id'));
		expect(new Set(lines.map((l) => l.reqId)).size).toBe(lines.length);
	}, 120_000);

	it('answers /healthz with 200 and the checks on the shared test server', async () => {
		const res = await fetch(`${baseURL()}/healthz`);
		expect(res.status).toBe(200);
		const body = (await res.json()) as { status: string; checks: Record<string, { ok: boolean }> };
		expect(body.status).toBe('ok');
		expect(Object.keys(body.checks).filter((k) => body.checks[k].ok)).toEqual([
			'database',
			'migrations',
			'uploadDir',
			'disk'
		]);
	});
});
