// The benchmark's floor: a bare node:http server that inserts the same survey row with a prepared
// better-sqlite3 statement and answers 303. Own process, so it never shares a thread with the load
// generator. Usage: node survey-floor-server.js DB_PATH PORT
import Database from 'better-sqlite3';
import { serveFloor } from './survey-floor-http.js';

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

serveFloor(Number(port), (r) => {
	insert.run(periodId, r.unitId, Date.now(), ...r.answers, r.sex, r.ageBand);
});
