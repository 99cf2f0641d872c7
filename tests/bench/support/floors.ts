import Database from 'better-sqlite3';
import { openSqlite } from '../../../src/lib/server/db/connection';
import { migrateToLatest } from '../../../src/lib/server/db/migrate';

// The floors of the benchmark: what SQLite does with no application code around it.

/**
 * IPP and six aspects of every unit of one period (the first parameter) straight from the raw
 * scores, visit-equal means: the SQL floor on both engines (postgres.bench.ts binds it as $1), so
 * standard SQL (every selected column grouped, as PostgreSQL requires).
 */
export const SQL_PASS = `with sheet_aspect as (
		select v.unit_id, v.visit_no, s.id as sheet_id, i.aspect_id, sum(i.weight * sc.score) as ws
		from visit v
		join score_sheet s on s.visit_id = v.id and s.status = 'submitted'
		join score sc on sc.sheet_id = s.id
		join indicator i on i.id = sc.indicator_id
		where v.period_id = ? and v.kind = 'regular'
		group by v.unit_id, v.visit_no, s.id, i.aspect_id),
	visit_aspect as (
		select unit_id, visit_no, aspect_id, avg(ws) as va from sheet_aspect group by unit_id, visit_no, aspect_id),
	unit_aspect as (
		select unit_id, aspect_id, avg(va) as ua from visit_aspect group by unit_id, aspect_id)
	select ua.unit_id, sum(a.weight * ua.ua) as ipp,
		max(case when a.position = 0 then ua.ua end) as a1, max(case when a.position = 1 then ua.ua end) as a2,
		max(case when a.position = 2 then ua.ua end) as a3, max(case when a.position = 3 then ua.ua end) as a4,
		max(case when a.position = 4 then ua.ua end) as a5, max(case when a.position = 5 then ua.ua end) as a6
	from unit_aspect ua join aspect a on a.id = ua.aspect_id
	group by ua.unit_id`;

/** One hand-written SQL pass over the raw scores: IPP and six aspects of every unit. */
export function sqlPassSeconds(sqlite: Database.Database, periodId: number): number {
	const t0 = performance.now();
	const rows = sqlite.prepare(SQL_PASS).raw().all(periodId);
	if (rows.length === 0) throw new Error('SQL floor found no units');
	return (performance.now() - t0) / 1000;
}

/** Raw bulk insert rate into `score` (same schema) in one transaction: scores per second. */
export async function rawInsertRate(path: string, count: number): Promise<number> {
	const { sqlite, db } = openSqlite(path);
	try {
		await migrateToLatest(db);
		const k = 37;
		const sheets = Math.ceil(count / k);
		const indicators: number[] = [];
		const sheetIds: number[] = [];
		sqlite.transaction(() => {
			const inst = sqlite
				.prepare(`insert into instrument (code, name, created_at) values ('raw', 'raw', 0)`)
				.run().lastInsertRowid;
			const aspect = sqlite
				.prepare(
					`insert into aspect (instrument_id, code, name, weight, position) values (?, 'I', 'I', 1, 0)`
				)
				.run(inst).lastInsertRowid;
			const ind = sqlite.prepare(
				`insert into indicator (instrument_id, aspect_id, code, title, weight, position) values (?, ?, ?, ?, ?, ?)`
			);
			for (let i = 0; i < k; i++)
				indicators.push(Number(ind.run(inst, aspect, `i${i}`, `i${i}`, 1 / k, i).lastInsertRowid));
			const user = sqlite
				.prepare(
					`insert into user (email, name, role, created_at, updated_at) values ('r@x.id', 'r', 'assessor', 0, 0)`
				)
				.run().lastInsertRowid;
			const cat = sqlite.prepare(`insert into category (name) values ('c')`).run().lastInsertRowid;
			const period = sqlite
				.prepare(
					`insert into period (code, name, instrument_id, starts_on, ends_on, survey_from, survey_to, created_at, updated_at)
					values ('R', 'R', ?, '2026-01-01', '2026-02-01', '2026-01-01', '2026-02-01', 0, 0)`
				)
				.run(inst).lastInsertRowid;
			const unit = sqlite.prepare(
				`insert into unit (code, name, category_id, survey_token, created_at, updated_at) values (?, ?, ?, ?, 0, 0)`
			);
			const visit = sqlite.prepare(
				`insert into visit (period_id, unit_id, visit_no, created_at) values (?, ?, 1, 0)`
			);
			const sheet = sqlite.prepare(
				`insert into score_sheet (visit_id, assessor_id, status, created_at, updated_at) values (?, ?, 'submitted', 0, 0)`
			);
			for (let s = 0; s < sheets; s++) {
				const u = unit.run(`u${s}`, `u${s}`, cat, `t${s}`).lastInsertRowid;
				const v = visit.run(period, u).lastInsertRowid;
				sheetIds.push(Number(sheet.run(v, user).lastInsertRowid));
			}
		})();
		const insert = sqlite.prepare(
			'insert into score (sheet_id, indicator_id, score, note) values (?, ?, ?, ?)'
		);
		const t0 = performance.now();
		sqlite.transaction(() => {
			let n = 0;
			for (let s = 0; s < sheets && n < count; s++)
				for (let i = 0; i < k && n < count; i++, n++) {
					const score = (s + i) % 6;
					insert.run(
						sheetIds[s],
						indicators[i],
						score,
						score === 0 || score === 5 ? 'diamati langsung' : null
					);
				}
		})();
		return count / ((performance.now() - t0) / 1000);
	} finally {
		await db.destroy();
	}
}
