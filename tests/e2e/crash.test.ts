import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';

// A server process killed with SIGKILL in the middle of a burst of saves loses no acknowledged
// save and leaves a sound database (README: SQLite in WAL mode).
const dir = mkdtempSync(join(tmpdir(), 'rapor-crash-'));
const dbPath = join(dir, 'rapor.db');
let child: ChildProcess | null = null;

function freePort(): Promise<number> {
	return new Promise((resolve) => {
		const srv = createServer();
		srv.listen(0, '127.0.0.1', () => {
			const port = (srv.address() as { port: number }).port;
			srv.close(() => resolve(port));
		});
	});
}

async function startServer(): Promise<string> {
	const port = await freePort();
	const origin = `http://127.0.0.1:${port}`;
	child = spawn('node', ['scripts/start.js'], {
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: origin,
			DATABASE_PATH: dbPath,
			UPLOAD_DIR: join(dir, 'up'),
			RATE_LIMITS: 'off',
			DEMO_SEED: '0'
		},
		stdio: 'ignore'
	});
	for (let i = 0; i < 240; i++) {
		try {
			if ((await fetch(`${origin}/login`)).ok) return origin;
		} catch {
			/* not listening yet */
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	throw new Error('server did not start');
}

afterAll(() => {
	child?.kill('SIGKILL');
	rmSync(dir, { recursive: true, force: true });
});

describe('crash', () => {
	it('keeps every acknowledged survey response after SIGKILL mid-burst, and the database is sound', async () => {
		const source = new Database(inject('databasePath'), { readonly: true });
		await source.backup(dbPath);
		const token = (
			source.prepare(`select survey_token from unit where code = 'KEL-18'`).get() as { survey_token: string }
		).survey_token;
		source.close();

		let origin = await startServer();
		const page = `${origin}/survei/${token}`;
		const TOTAL = 120;
		const formTokens: string[] = [];
		for (let i = 0; i < TOTAL; i++) {
			const html = await (await fetch(page)).text();
			formTokens.push(/name="form_token" value="([^"]+)"/.exec(html)![1]);
		}
		const acknowledged: string[] = [];
		let sent = 0;
		const post = async (i: number) => {
			const marker = `crash-test-${i}`;
			const body = new URLSearchParams({ form_token: formTokens[i], suggestion: marker });
			for (let u = 1; u <= 9; u++) body.set(`u${u}`, String(1 + ((i + u) % 4)));
			sent++;
			try {
				const res = await fetch(`${page}/kirim`, {
					method: 'POST',
					body,
					headers: { origin, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
					redirect: 'manual'
				});
				if (res.status === 303) acknowledged.push(marker);
			} catch {
				/* the server died before answering: not acknowledged */
			}
		};
		// 24 clients at once; the process is killed once about a third has been acknowledged.
		let next = 0;
		const worker = async () => {
			while (next < TOTAL) await post(next++);
		};
		const killer = (async () => {
			while (acknowledged.length < TOTAL / 3) await new Promise((r) => setTimeout(r, 5));
			child!.kill('SIGKILL');
		})();
		await Promise.all([...Array.from({ length: 24 }, worker), killer]);
		expect(acknowledged.length).toBeGreaterThanOrEqual(TOTAL / 3);
		expect(acknowledged.length).toBeLessThan(TOTAL);

		origin = await startServer();
		expect((await fetch(`${origin}/login`)).status).toBe(200);
		child!.kill('SIGTERM');
		await new Promise((r) => child!.once('exit', r));
		child = null;

		const db = new Database(dbPath);
		try {
			expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
			const stored = new Set(
				(
					db.prepare(`select suggestion from survey_response where suggestion like 'crash-test-%'`).all() as {
						suggestion: string;
					}[]
				).map((r) => r.suggestion)
			);
			expect(acknowledged.filter((m) => !stored.has(m))).toEqual([]);
			console.log(
				`crash: ${sent} saves sent, ${acknowledged.length} acknowledged before SIGKILL, ${stored.size} stored`
			);
		} finally {
			db.close();
		}
	});
});
