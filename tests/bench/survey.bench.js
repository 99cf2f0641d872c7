// Survey submission throughput (issue 7): the BUILT server on 127.0.0.1 with RATE_LIMITS=off, 50
// concurrent clients driven by autocannon, every request a fresh signed single-use form token
// (issued before the run). Floor: a bare node:http server inserting the same row with
// better-sqlite3 into a copy of the same database. Run alone: node tests/bench/survey.bench.js
import { spawn, spawnSync } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
// @ts-expect-error autocannon ships no type declarations
import autocannon from 'autocannon';
import Database from 'better-sqlite3';

const root = fileURLToPath(new URL('../..', import.meta.url));
const CONNECTIONS = 50;
const AMOUNT = Number(process.env.BENCH_SURVEY_REQUESTS ?? 20000);
const WARMUP = 2000;
const TARGET_RPS = 1000;
const TARGET_P99_MS = 100;

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

/** Same format as src/lib/domain/survey/form-token.ts: v1.unit.nonce.issuedAt36.hmac */
/** @param {Buffer} key @param {number} unitId @param {number} now */
function signToken(key, unitId, now) {
	const nonce = randomBytes(16).toString('base64url');
	const mac = createHmac('sha256', key).update(`${unitId}|${nonce}|${now}`).digest('base64url');
	return `v1.${unitId}.${nonce}.${now.toString(36)}.${mac}`;
}

/** @typedef {{ id: number, survey_token: string }} Unit */
/** @param {Buffer} key @param {Unit[]} units @param {number} count @param {string} suffix */
function bodies(key, units, count, suffix = '') {
	const now = Date.now();
	const out = [];
	for (let i = 0; i < count; i++) {
		const u = units[i % units.length];
		const answers = Array.from({ length: 9 }, (_, k) => `u${k + 1}=${1 + ((i + k) % 4)}`).join('&');
		out.push({
			path: `/survei/${u.survey_token}${suffix}`,
			body: `form_token=${encodeURIComponent(signToken(key, u.id, now))}&${answers}&sex=P&age_band=30-39&website=`
		});
	}
	return out;
}

/** @param {string} url @param {{ path: string, body: string }[]} items @param {string} origin @returns {Promise<any>} */
function load(url, items, origin) {
	let next = 0;
	return autocannon({
		url,
		connections: CONNECTIONS,
		amount: items.length,
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
		requests: [
			{
				setupRequest: (/** @type {object} */ req) => {
					const item = items[next++ % items.length];
					return { ...req, path: item.path, body: item.body };
				}
			}
		]
	});
}

/** @param {string} name @param {any} r @param {number} expected */
function summarize(name, r, expected) {
	const ok = r.statusCodeStats?.[String(expected)]?.count ?? 0;
	const seconds = r.duration;
	return {
		server: name,
		requests: r.requests.total,
		[`${expected} answers`]: ok,
		other: r.requests.total - ok,
		'responses/s': Math.round(ok / seconds),
		'p50 ms': r.latency.p50,
		'p99 ms': r.latency.p99
	};
}

/** @param {string} dbPath */
function floorServer(dbPath) {
	const db = new Database(dbPath);
	db.pragma('journal_mode = WAL');
	db.pragma('synchronous = NORMAL');
	const insert = db.prepare(
		`insert into survey_response (period_id, unit_id, submitted_at, u1, u2, u3, u4, u5, u6, u7, u8, u9, sex, age_band, source)
		 values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'online')`
	);
	const periodId = /** @type {{ id: number }} */ (
		db.prepare("select id from period where code = 'MPP-2026'").get()
	).id;
	const server = createServer((req, res) => {
		let body = '';
		req.on('data', (c) => (body += c));
		req.on('end', () => {
			const f = new URLSearchParams(body);
			/** @param {number} k */
			const answer = (k) => Number(f.get(`u${k}`));
			const unitId = Number((f.get('form_token') ?? '').split('.')[1]);
			insert.run(
				periodId,
				unitId,
				Date.now(),
				...[1, 2, 3, 4, 5, 6, 7, 8, 9].map(answer),
				f.get('sex'),
				f.get('age_band')
			);
			res.writeHead(303, { location: '/terima-kasih' }).end();
		});
	});
	return { server, db };
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
		const units = /** @type {Unit[]} */ (
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
		await load(origin, bodies(key, units, WARMUP), origin);
		let before = count();
		const app = await load(origin, bodies(key, units, AMOUNT), origin);
		let stored = count() - before;
		await load(origin, bodies(key, units, WARMUP, '/kirim'), origin);
		before = count();
		const endpoint = await load(origin, bodies(key, units, AMOUNT, '/kirim'), origin);
		stored += count() - before;
		db.close();
		child.kill('SIGTERM');
		await new Promise((r) => child.once('exit', r));

		const floorDb = join(dir, 'floor.db');
		copyFileSync(dbPath, floorDb);
		const floor = floorServer(floorDb);
		const floorPort = await freePort();
		await new Promise((r) => floor.server.listen(floorPort, '127.0.0.1', () => r(null)));
		const floorOrigin = `http://127.0.0.1:${floorPort}`;
		await load(floorOrigin, bodies(key, units, WARMUP), floorOrigin);
		const bare = await load(floorOrigin, bodies(key, units, AMOUNT), floorOrigin);
		await new Promise((r) => floor.server.close(r));
		floor.db.close();

		const rows = [
			summarize('app: POST /survei/{token} (the phone form)', app, 303),
			summarize('app: POST /survei/{token}/kirim (scripted endpoint)', endpoint, 303),
			summarize('floor: node:http + better-sqlite3', bare, 303)
		];
		const ratio = Number(rows[0]['responses/s']) / Number(rows[2]['responses/s']);
		const ratioEndpoint = Number(rows[1]['responses/s']) / Number(rows[2]['responses/s']);
		const answered = Number(rows[0]['303 answers']) + Number(rows[1]['303 answers']);
		const pass =
			Number(rows[0]['responses/s']) >= TARGET_RPS &&
			Number(rows[0]['p99 ms']) < TARGET_P99_MS &&
			rows[0].other === 0 &&
			stored === answered;
		const notes = [
			`Rate limits were lifted for this run (RATE_LIMITS=off).`,
			`${CONNECTIONS} concurrent clients (autocannon), ${AMOUNT} submissions after ${WARMUP} warm-up, each with its own signed single-use form token issued before the run; 127.0.0.1, ${cpus().length} CPUs, Node ${process.version}.`,
			`Rows counted in the database after the two measured app runs: ${stored} (303 answers: ${answered}).`,
			`Ratio app/floor: ${ratio.toFixed(2)} for the form path, ${ratioEndpoint.toFixed(2)} for the scripted endpoint. Targets (form path): >= ${TARGET_RPS} responses/s and p99 < ${TARGET_P99_MS} ms: ${pass ? 'met' : 'NOT met'}.`,
			`Machine load average when the run ended: ${loadavg()
				.map((x) => x.toFixed(1))
				.join(', ')} (other processes share the CPUs).`
		];
		writeResults(rows, notes);
		return { title: 'Survey submission (POST /survei/{token})', rows, notes, ok: pass };
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
