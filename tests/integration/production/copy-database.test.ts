import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresServer } from '../support/pg-server';
import { openDatabase, openSqlite } from '../../../src/lib/server/db/connection';
import { migrateToLatest } from '../../../src/lib/server/db/migrate';
import {
	copyTables,
	countSqliteRows,
	listCopiedTables,
	type CopyProgress
} from '../../../src/lib/server/backup/copy-database.repository';

// README "When one machine is not enough": the demo city moves from SQLite into an empty
// PostgreSQL database, with equal row counts, equal results and a working database afterwards.
let server: { url: string; stop: () => void };
let dir: string;
let target: string;
const dbName = `rapor_copy_${randomBytes(4).toString('hex')}`;

async function adminQuery(text: string): Promise<void> {
	const c = new pg.Client({ connectionString: server.url });
	await c.connect();
	try {
		await c.query(text);
	} finally {
		await c.end();
	}
}

function admin(env: Record<string, string>, ...args: string[]) {
	const clean = { ...process.env };
	delete clean.DATABASE_URL;
	const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/lib/server/cli/main.ts', ...args], {
		env: { ...clean, ...env },
		encoding: 'utf8'
	});
	return { code: run.status, out: run.stdout, err: run.stderr };
}

beforeAll(async () => {
	server = await postgresServer();
	dir = mkdtempSync(join(tmpdir(), 'rapor-copy-'));
	await adminQuery(`create database ${dbName}`);
	const u = new URL(server.url);
	u.pathname = `/${dbName}`;
	target = u.toString();
}, 120_000);

afterAll(async () => {
	await adminQuery(`drop database if exists ${dbName} with (force)`);
	rmSync(dir, { recursive: true, force: true });
	server.stop();
});

describe('copy-database', () => {
	it('moves the demo city into an empty PostgreSQL database and compares row counts per table', () => {
		const sqlite = { DATABASE_PATH: join(dir, 'demo.db') };
		expect(admin(sqlite, 'seed-demo').code).toBe(0);

		const copied = admin(sqlite, 'copy-database', '--to', target);
		expect(copied.err).toBe('');
		expect(copied.code).toBe(0);
		const counts = Object.fromEntries(
			copied.out
				.trim()
				.split('\n')
				.slice(0, -1)
				.map((line) => line.trim().split(/\s+/))
				.map(([table, a, b]) => [table, [Number(a), Number(b)]])
		);
		expect(counts.unit).toEqual([70, 70]);
		expect(counts.period).toEqual([2, 2]);
		expect(counts.score[0]).toBeGreaterThan(1000);
		for (const [table, [a, b]] of Object.entries(counts) as [string, number[]][]) expect(b, table).toBe(a);
		expect(copied.out).toMatch(/jumlah baris sama\.\n$/);

		// The same numbers from both engines, published and running periods alike.
		const postgres = { DATABASE_URL: target };
		for (const [period, format] of [
			['MPP-2025', 'json'],
			['MPP-2026', 'csv']
		]) {
			const a = admin(sqlite, 'results', '--period', period, '--format', format);
			const b = admin(postgres, 'results', '--period', period, '--format', format);
			expect(a.code).toBe(0);
			expect(b.out).toBe(a.out);
		}
		// Identity columns go on after the copied ids: a new account gets a free id.
		const created = admin(
			postgres,
			'create-user',
			'--email',
			'baru@kotacontoh.go.id',
			'--name',
			'Baru',
			'--role',
			'viewer',
			'--password',
			'Panjang#Sekali2026'
		);
		expect(created.err).toBe('');
		expect(created.code).toBe(0);
	}, 300_000);

	it('tells its progress table by table, ending each table at its row count', async () => {
		const second = `${dbName}_progress`;
		await adminQuery(`create database ${second}`);
		const u = new URL(server.url);
		u.pathname = `/${second}`;
		const source = openSqlite(join(dir, 'demo.db'));
		const copy = openDatabase(u.toString());
		try {
			await migrateToLatest(copy.db);
			const tables = listCopiedTables(source.sqlite);
			const seen: CopyProgress[] = [];
			await copy.db
				.transaction()
				.execute((trx) => copyTables(source.sqlite, trx, tables, (p) => seen.push(p)));
			expect([...new Set(seen.map((p) => p.table))]).toEqual(tables);
			for (const [i, table] of tables.entries()) {
				const own = seen.filter((p) => p.table === table);
				expect(own.every((p) => p.position === i + 1 && p.tables === tables.length)).toBe(true);
				expect(own[0].rows, table).toBe(0);
				expect(own.at(-1)!.rows, table).toBe(countSqliteRows(source.sqlite, table));
			}
			const scores = seen.filter((p) => p.table === 'score').map((p) => p.rows);
			expect(scores.length).toBeGreaterThanOrEqual(2);
			expect(scores).toEqual([...scores].sort((a, b) => a - b));
		} finally {
			await source.db.destroy();
			await copy.db.destroy();
			await adminQuery(`drop database if exists ${second} with (force)`);
		}
	}, 300_000);

	it('refuses a database that already holds rows and copies nothing', () => {
		const again = admin({ DATABASE_PATH: join(dir, 'demo.db') }, 'copy-database', '--to', target);
		expect(again.code).toBe(1);
		expect(again.err).toMatch(/tujuan tidak kosong \(tabel berisi: [^)]*\buser\b/);
	}, 120_000);

	it('refuses an address that is not postgres:// with a clear message', () => {
		const bad = admin({ DATABASE_PATH: join(dir, 'demo.db') }, 'copy-database', '--to', 'mysql://x/y');
		expect(bad.code).toBe(1);
		expect(bad.err).toMatch(/--to harus alamat postgres:\/\//);
	}, 120_000);
});
