import { createReadStream, createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
// @ts-expect-error pg-copy-streams ships no type declarations
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { SQL_PASS } from './floors';

// The floors of the PostgreSQL benchmark: what the server does through a bare `pg` client with no
// application code around it (README "Benchmark").

/** The SQLite floor's hand-written pass (floors.ts), one query over the raw scores. */
export async function pgSqlPassSeconds(url: string, periodId: number): Promise<number> {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		const t0 = performance.now();
		const { rowCount } = await client.query(SQL_PASS.replace('?', '$1'), [periodId]);
		if (!rowCount) throw new Error('SQL floor found no units');
		return (performance.now() - t0) / 1000;
	} finally {
		await client.end();
	}
}

/**
 * COPY of the rows the import wrote into `score_floor`, a table of the same schema as `score`
 * (columns, checks, primary key and foreign keys), in one transaction. The rows are first copied
 * out to `file` (not timed). Returns the rows copied per second.
 */
export async function copyFloorRate(url: string, file: string): Promise<{ rows: number; rate: number }> {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		await client.query('create table score_floor (like score including all)');
		const fks = await client.query<{ def: string }>(
			`select pg_get_constraintdef(oid) as def from pg_constraint
			 where conrelid = 'score'::regclass and contype = 'f'`
		);
		for (const { def } of fks.rows) await client.query(`alter table score_floor add ${def}`);
		const columns = '(sheet_id, indicator_id, score, note)';
		await pipeline(client.query(copyTo(`copy score ${columns} to stdout`)), createWriteStream(file));
		const t0 = performance.now();
		await client.query('begin');
		const copy = client.query(copyFrom(`copy score_floor ${columns} from stdin`));
		await pipeline(createReadStream(file, { highWaterMark: 1 << 20 }), copy);
		await client.query('commit');
		const s = (performance.now() - t0) / 1000;
		const rows = Number(copy.rowCount);
		if (!rows) throw new Error('COPY floor copied no rows');
		return { rows, rate: rows / s };
	} finally {
		await client.query('drop table if exists score_floor').catch(() => {});
		await client.end();
	}
}
