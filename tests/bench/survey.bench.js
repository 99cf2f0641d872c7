// Survey submission throughput (README "Benchmark"): the BUILT server on 127.0.0.1 with RATE_LIMITS=off, 50
// concurrent clients driven by autocannon, every request a fresh signed single-use form token
// (issued before the run). Floor: a bare node:http server inserting the same row with
// better-sqlite3 into a copy of the same database. Run alone: node tests/bench/survey.bench.js
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { tmpdir, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { bodies, load, measured, summarize } from './support/survey-load.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const CONNECTIONS = 50;
const AMOUNT = Number(process.env.BENCH_SURVEY_REQUESTS ?? 20000);
const WARMUP = 2000;
const TARGET_RPS = 1000;
const TARGET_P99_MS = 100;
/** README, Benchmark: the app answers at least half as many submissions as the bare floor. */
const TARGET_RATIO = 0.5;

/** @returns {Promise<number>} */
function freePort() {
	return new Promise((resolve, reject) => {
		const srv = createNetServer();
		srv.listen(0, '127.0.0.1', () => {
			const address = /** @type {import('node:net').AddressInfo} */ (srv.address());
			const port = address.port;
			srv.close(() => (port ? resolve(port) : reject(new Error('no port'))));
		});
	});
}

/** @param {string} url @param {import('node:child_process').ChildProcess} child @param {() => string} log */
async function waitFor(url, child, log) {
	const deadline = Date.now() + 120_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`server exited early:\n${log()}`);
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			/* not listening yet */
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(`server did not start:\n${log()}`);
}

/** @param {string} dbPath @param {number} port @returns {Promise<import('node:child_process').ChildProcess>} */
function startFloor(dbPath, port) {
	const child = spawn(
		'node',
		[join(root, 'tests/bench/support/survey-floor-server.js'), dbPath, String(port)],
		{
			cwd: root,
			stdio: ['ignore', 'pipe', 'inherit']
		}
	);
	return new Promise((resolve, reject) => {
		child.stdout?.once('data', () => resolve(child));
		child.once('exit', (code) => reject(new Error(`floor server exited with ${code}`)));
	});
}

export default async function run() {
	if (!existsSync(join(root, 'build/index.js'))) {
		const b = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
		if (b.status !== 0) throw new Error('npm run build failed');
	}
	const dir = mkdtempSync(join(tmpdir(), 'rapor-bench-'));
	const dbPath = join(dir, 'rapor.db');
	const port = await freePort();
	const origin = `http://127.0.0.1:${port}`;
	let log = '';
	const child = spawn('node', ['scripts/start.js'], {
		cwd: root,
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: origin,
			DATABASE_PATH: dbPath,
			UPLOAD_DIR: join(dir, 'up'),
			DEMO_SEED: '1',
			RATE_LIMITS: 'off'
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	child.stdout.on('data', (d) => (log += d));
	child.stderr.on('data', (d) => (log += d));
	try {
		await waitFor(`${origin}/login`, child, () => log);
		const db = new Database(dbPath, { readonly: true });
		const units = /** @type {import('./support/survey-load.js').Unit[]} */ (
			db.prepare('select id, survey_token from unit where active = 1 order by id').all()
		);
		// The first page view creates the signing key; tokens are then issued ahead of the run.
		await fetch(`${origin}/survei/${units[0].survey_token}`);
		const key = Buffer.from(
			/** @type {{ value: string }} */ (
				db.prepare("select value from city_setting where key = 'survey_form_key'").get()
			).value,
			'base64url'
		);
		const count = () =>
			/** @type {{ n: number }} */ (db.prepare('select count(*) as n from survey_response').get()).n;
		await load(origin, bodies(key, units, WARMUP, '/kirim'), origin);
		let before = count();
		const app = await measured(origin, bodies(key, units, AMOUNT, '/kirim'), origin, child.pid);
		let stored = count() - before;
		await load(origin, bodies(key, units, WARMUP), origin);
		before = count();
		const pageAction = await measured(origin, bodies(key, units, AMOUNT), origin, child.pid);
		stored += count() - before;
		db.close();
		child.kill('SIGTERM');
		await new Promise((r) => child.once('exit', r));

		const floorDb = join(dir, 'floor.db');
		copyFileSync(dbPath, floorDb);
		const floorPort = await freePort();
		const floor = await startFloor(floorDb, floorPort);
		const floorOrigin = `http://127.0.0.1:${floorPort}`;
		await load(floorOrigin, bodies(key, units, WARMUP), floorOrigin);
		const bare = await measured(floorOrigin, bodies(key, units, AMOUNT), floorOrigin, floor.pid);
		floor.kill('SIGTERM');

		const rows = [
			summarize('app: POST /survei/{token}/kirim (the form target)', app, 303),
			summarize('app: POST /survei/{token} (page action)', pageAction, 303),
			summarize('floor: node:http + better-sqlite3', bare, 303)
		];
		const ratio = Number(rows[0]['responses/s']) / Number(rows[2]['responses/s']);
		const ratioEndpoint = /* page action */ Number(rows[1]['responses/s']) / Number(rows[2]['responses/s']);
		const cpuRatio =
			typeof rows[0]['server CPU ms/response'] === 'string' && rows[0]['server CPU ms/response'] !== 'n/a'
				? (Number(rows[2]['server CPU ms/response']) / Number(rows[0]['server CPU ms/response'])).toFixed(2)
				: 'n/a';
		const answered = Number(rows[0]['303 answers']) + Number(rows[1]['303 answers']);
		const pass =
			Number(rows[0]['responses/s']) >= TARGET_RPS &&
			Number(rows[0]['p99 ms']) < TARGET_P99_MS &&
			ratio >= TARGET_RATIO &&
			rows[0].other === 0 &&
			stored === answered;
		const notes = [
			`Rate limits were lifted for this run (RATE_LIMITS=off).`,
			`${CONNECTIONS} concurrent clients (autocannon), ${AMOUNT} submissions after ${WARMUP} warm-up, each with its own signed single-use form token issued before the run; 127.0.0.1, ${cpus().length} CPUs, Node ${process.version}.`,
			`Rows counted in the database after the two measured app runs: ${stored} (303 answers: ${answered}).`,
			`Ratio app/floor: ${ratio.toFixed(2)} for the form target, ${ratioEndpoint.toFixed(2)} for the page action. Targets (form target): >= ${TARGET_RPS} responses/s, p99 < ${TARGET_P99_MS} ms and >= ${TARGET_RATIO} of the floor: ${pass ? 'met' : 'NOT met'}.`,
			`Server CPU per response (from /proc) does not depend on other load: the floor's figure over the app's estimates the ratio on a quiet machine (${cpuRatio}).`,
			`Machine load average when the run ended: ${loadavg()
				.map((x) => x.toFixed(1))
				.join(', ')} (other processes share the CPUs).`
		];
		writeResults(rows, notes);
		return { title: 'Survey submission (POST /survei/{token}/kirim)', rows, notes, ok: pass };
	} finally {
		if (child.exitCode === null) child.kill('SIGTERM');
		rmSync(dir, { recursive: true, force: true });
	}
}

/** @param {Record<string, string | number>[]} rows @param {string[]} notes */
function writeResults(rows, notes) {
	const keys = Object.keys(rows[0]);
	const table = [
		`| ${keys.join(' | ')} |`,
		`|${keys.map(() => '---').join('|')}|`,
		...rows.map((r) => `| ${keys.map((k) => r[k]).join(' | ')} |`)
	];
	const text = [
		'# Survey submission benchmark',
		'',
		`Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC with \`npm run bench\` (tests/bench/survey.bench.js).`,
		'',
		...table,
		'',
		...notes.map((n) => `- ${n}`),
		''
	].join('\n');
	writeFileSync(join(root, 'tests/bench/survey-results.md'), text);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
	const r = await run();
	console.log(`\n${r.title}`);
	console.table(r.rows);
	for (const n of r.notes) console.log(n);
	process.exit(r.ok ? 0 : 1);
}
