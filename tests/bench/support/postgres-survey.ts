import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { ensureBuilt, freePort, spawnServer, waitForServer } from '../../e2e/support/global-setup';
import { createDatabase } from './postgres-database';
import { bodies, load, measured, summarize, type Item, type Unit } from './survey-load.js';
import { fmt, type Row } from './figures';
import { cleanUpOnInterrupt } from './interrupt';

// survey.bench.js on PostgreSQL: the built app with DATABASE_URL and RATE_LIMITS=off, once as one
// process and once as two processes on the same database (README "When one machine is not
// enough"), beside a bare node:http + `pg` floor on a copy of that database.

const CONNECTIONS = 50;
const AMOUNT = Number(process.env.BENCH_SURVEY_REQUESTS ?? 20000);
const WARMUP = 2000;

interface Server {
	origin: string;
	child: ChildProcess;
}
type Figures = ReturnType<typeof summarize>;

async function stopAll(servers: Server[]): Promise<void> {
	for (const { child } of servers)
		if (child.exitCode === null && child.signalCode === null) {
			child.kill('SIGTERM');
			await new Promise((r) => child.once('exit', r));
		}
}

/** `n` app processes on the database of `url`, each on its own port; pushed to `started` at once. */
async function startApps(n: number, url: string, dir: string, started: Server[]): Promise<Server[]> {
	const servers: Server[] = [];
	for (let i = 0; i < n; i++) {
		const port = await freePort();
		const origin = `http://127.0.0.1:${port}`;
		const { child, log } = spawnServer(port, {
			DATABASE_URL: url,
			UPLOAD_DIR: join(dir, 'up'),
			BACKUP_DIR: join(dir, `backups-${i}`),
			ORIGIN: origin,
			DEMO_SEED: '1',
			RATE_LIMITS: 'off'
		});
		const server = { origin, child };
		started.push(server);
		servers.push(server);
		await waitForServer(origin, child, log);
	}
	return servers;
}

/** Runs the load through every server at once (connections split evenly); one summed figure. */
async function intake(name: string, servers: Server[], items: Item[]): Promise<Figures> {
	const share = Math.ceil(items.length / servers.length);
	const conns = CONNECTIONS / servers.length;
	const results = await Promise.all(
		servers.map((s, i) =>
			measured(s.origin, items.slice(i * share, (i + 1) * share), s.origin, s.child.pid, conns)
		)
	);
	const parts = results.map((r) => summarize(name, r, 303));
	const sum = (k: keyof Figures) => parts.reduce((n, p) => n + Number(p[k]), 0);
	const cpu = parts.map((p) => p['server CPU ms/response']);
	return {
		server: name,
		requests: sum('requests'),
		'303 answers': sum('303 answers'),
		other: sum('other'),
		'responses/s': sum('responses/s'),
		'p50 ms': Math.max(...parts.map((p) => Number(p['p50 ms']))),
		'p99 ms': Math.max(...parts.map((p) => Number(p['p99 ms']))),
		'server CPU ms/response': cpu.includes('n/a')
			? 'n/a'
			: (cpu.reduce((n, c) => n + Number(c), 0) / cpu.length).toFixed(3)
	};
}

async function warm(servers: Server[], items: Item[]): Promise<void> {
	const share = Math.ceil(items.length / servers.length);
	await Promise.all(
		servers.map((s, i) =>
			load(s.origin, items.slice(i * share, (i + 1) * share), s.origin, CONNECTIONS / servers.length)
		)
	);
}

function startFloor(url: string, port: number): Promise<ChildProcess> {
	const child = spawn(
		process.execPath,
		['tests/bench/support/survey-floor-server-pg.js', url, String(port)],
		{
			stdio: ['ignore', 'pipe', 'inherit']
		}
	);
	return new Promise((resolve, reject) => {
		child.stdout?.once('data', () => resolve(child));
		child.once('exit', (code) => reject(new Error(`floor server exited with ${code}`)));
	});
}

export async function surveyOnPostgres(clusterUrl: string, log: (s: string) => void) {
	ensureBuilt();
	const dir = mkdtempSync(join(tmpdir(), 'rapor-bench-pg-survey-'));
	const url = await createDatabase(clusterUrl, 'rapor_survey');
	const started: Server[] = [];
	const unregister = cleanUpOnInterrupt(() => {
		for (const { child } of started) child.kill('SIGKILL');
		rmSync(dir, { recursive: true, force: true });
	});
	const client = new pg.Client({ connectionString: url });
	// A dropped connection then fails the next query (and the run) instead of crashing the process.
	client.on('error', (e) => log(`koneksi PostgreSQL terputus: ${e.message}`));
	let connected = false;
	try {
		const [one] = await startApps(1, url, dir, started);
		await client.connect();
		connected = true;
		const units = (await client.query<Unit>('select id, survey_token from unit where active = 1 order by id'))
			.rows;
		// The first page view creates the signing key; tokens are then issued ahead of the run.
		await fetch(`${one.origin}/survei/${units[0].survey_token}`);
		const setting = await client.query<{ value: string }>(
			"select value from city_setting where key = 'survey_form_key'"
		);
		const key = Buffer.from(setting.rows[0].value, 'base64url');
		const count = async () =>
			Number((await client.query('select count(*) as n from survey_response')).rows[0].n);
		const items = (n: number) => bodies(key, units, n, '/kirim');

		await warm([one], items(WARMUP));
		let before = await count();
		const single = await intake('app, one process', [one], items(AMOUNT));
		let stored = (await count()) - before;
		log(`satu proses: ${single['responses/s']} respons/s, p99 ${single['p99 ms']} ms`);
		await stopAll(started);

		const two = await startApps(2, url, dir, started);
		await warm(two, items(WARMUP));
		before = await count();
		const double = await intake('app, two processes', two, items(AMOUNT));
		stored += (await count()) - before;
		log(`dua proses: ${double['responses/s']} respons/s, p99 ${double['p99 ms']} ms`);
		await stopAll(started);
		connected = false;
		await client.end();

		const floorUrl = await createDatabase(clusterUrl, 'rapor_survey_floor', 'rapor_survey');
		const floorPort = await freePort();
		const floorOrigin = `http://127.0.0.1:${floorPort}`;
		const floor = await startFloor(floorUrl, floorPort);
		started.push({ origin: floorOrigin, child: floor });
		await warm([{ origin: floorOrigin, child: floor }], bodies(key, units, WARMUP));
		const bare = await intake('floor', [{ origin: floorOrigin, child: floor }], bodies(key, units, AMOUNT));
		log(`lantai: ${bare['responses/s']} respons/s, p99 ${bare['p99 ms']} ms`);
		await stopAll(started);

		const answered = single['303 answers'] + double['303 answers'];
		const value = (f: Figures) =>
			`${fmt(f['responses/s'])} responses/s, p99 ${f['p99 ms']} ms (p50 ${f['p50 ms']} ms, server CPU ${f['server CPU ms/response']} ms/response); ${fmt(f['responses/s'] / bare['responses/s'], 2)} of the floor`;
		const floorText = `${fmt(bare['responses/s'])} responses/s, p99 ${bare['p99 ms']} ms: node:http + pg`;
		const rows: Row[] = [
			{
				figure: `PostgreSQL: survey intake, one app process (${CONNECTIONS} clients)`,
				value: value(single),
				floor: floorText,
				target: 'reported',
				pass: null
			},
			{
				figure: `PostgreSQL: survey intake, two app processes (2 × ${CONNECTIONS / 2} clients)`,
				value: value(double),
				floor: floorText,
				target: 'reported',
				pass: null
			},
			{
				// Not a speed target: a figure built on refused or lost submissions would mean nothing.
				figure: 'PostgreSQL: every measured submission answered 303 and stored once',
				value: `${fmt(answered)} answered 303, ${fmt(single.other + double.other + bare.other)} other answers, ${fmt(stored)} rows stored`,
				floor: '',
				target: 'all',
				pass: single.other + double.other + bare.other === 0 && stored === answered
			}
		];
		const notes = [
			`Survey: RATE_LIMITS=off; ${CONNECTIONS} concurrent autocannon clients, ${fmt(AMOUNT)} POST /survei/{token}/kirim after ${fmt(WARMUP)} warm-up, each with its own signed single-use form token issued before the run; ${cpus().length} CPUs shared by the app, the load generator and PostgreSQL.`,
			'Two processes: two built servers (`node scripts/start.js`) on the same DATABASE_URL, each on its own port and driven by its own autocannon at 25 connections at the same time; responses/s is the sum, p50 and p99 the worse of the two, server CPU the mean per response.',
			'Survey floor: a bare node:http server with a `pg` pool of 10 (as the app) and one prepared INSERT per response into `survey_response` of a copy (CREATE DATABASE ... TEMPLATE) of the app database after its runs.'
		];
		return { rows, notes };
	} finally {
		unregister();
		await stopAll(started);
		if (connected) await client.end().catch(() => {});
		rmSync(dir, { recursive: true, force: true });
	}
}
