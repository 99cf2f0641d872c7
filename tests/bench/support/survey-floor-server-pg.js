// The PostgreSQL benchmark's survey floor: a bare node:http server that inserts the same survey row
// with one prepared `pg` statement per response (a pool of 10, as the app's) and answers 303.
// Own process, so it never shares a thread with the load generator.
// Usage: node survey-floor-server-pg.js DATABASE_URL PORT
import pg from 'pg';
import { serveFloor } from './survey-floor-http.js';

const [url, port] = process.argv.slice(2);
const pool = new pg.Pool({ connectionString: url, max: 10 });
pool.on('error', () => {}); // as the app's pool: a lost idle client is replaced on the next query
const text = `insert into survey_response (period_id, unit_id, submitted_at, u1, u2, u3, u4, u5, u6, u7, u8, u9, sex, age_band, source)
	values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 'online')`;
const periodId = (await pool.query("select id from period where code = 'MPP-2026'")).rows[0].id;

serveFloor(Number(port), async (r) => {
	const values = [periodId, r.unitId, Date.now(), ...r.answers, r.sex, r.ageBand];
	await pool.query({ name: 'insert-response', text, values });
});
