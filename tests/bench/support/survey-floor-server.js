// The benchmark's floor: a bare node:http server that inserts the same survey row with a prepared
// better-sqlite3 statement and answers 303. Own process, so it never shares a thread with the load
// generator. Usage: node survey-floor-server.js DB_PATH PORT
import { createServer } from 'node:http';
import Database from 'better-sqlite3';

const [dbPath, port] = process.argv.slice(2);
const db = new Database(dbPath);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.pragma('foreign_keys = ON');
const insert = db.prepare(
	`insert into survey_response (period_id, unit_id, submitted_at, u1, u2, u3, u4, u5, u6, u7, u8, u9, sex, age_band, source)
	 values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'online')`
);
const periodId = /** @type {{ id: number }} */ (
	db.prepare("select id from period where code = 'MPP-2026'").get()
).id;

createServer((req, res) => {
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
}).listen(Number(port), '127.0.0.1', () => console.log('ready'));
