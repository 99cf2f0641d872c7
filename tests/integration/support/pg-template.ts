import pg from 'pg';
import { createHash } from 'node:crypto';
import { openDatabase } from '../../../src/lib/server/db/connection';
import { migrateToLatest, shippedMigrations } from '../../../src/lib/server/db/migrate';

// Every test file gets its own PostgreSQL database, copied from a template built once by the real
// migrations (CREATE DATABASE ... TEMPLATE is a file copy, far faster than migrating each time).
// The template's name carries a hash of the migration names, so a new migration builds a new one.

const LOCK = 7_150_001;

/** The address of database `name` on the server of `url`. */
export function withDatabase(url: string, name: string): string {
	const u = new URL(url);
	u.pathname = `/${name}`;
	return u.toString();
}

async function ensureTemplate(client: pg.Client, adminUrl: string): Promise<string> {
	const hash = createHash('sha256').update(Object.keys(shippedMigrations).join('\n')).digest('hex');
	const template = `rapor_tpl_${hash.slice(0, 12)}`;
	const found = await client.query('select 1 from pg_database where datname = $1', [template]);
	if (found.rowCount) return template;
	const building = `${template}_building`;
	await client.query(`drop database if exists "${building}"`);
	await client.query(`create database "${building}"`);
	const opened = openDatabase(withDatabase(adminUrl, building));
	try {
		await migrateToLatest(opened.db);
	} finally {
		await opened.db.destroy();
	}
	// Renamed only when complete: a crash never leaves a half-migrated template in use.
	await client.query(`alter database "${building}" rename to "${template}"`);
	return template;
}

export async function freshPostgresDatabase(
	adminUrl: string,
	name: string
): Promise<{ url: string; drop: () => Promise<void> }> {
	const client = new pg.Client({ connectionString: adminUrl });
	await client.connect();
	try {
		// Test files run in parallel workers; one builds the template, the others wait for it.
		await client.query('select pg_advisory_lock($1)', [LOCK]);
		const template = await ensureTemplate(client, adminUrl);
		await client.query(`create database "${name}" template "${template}"`);
	} finally {
		await client.query('select pg_advisory_unlock($1)', [LOCK]).catch(() => {});
		await client.end();
	}
	return {
		url: withDatabase(adminUrl, name),
		drop: async () => {
			const c = new pg.Client({ connectionString: adminUrl });
			await c.connect();
			try {
				await c.query(`drop database if exists "${name}" with (force)`);
			} finally {
				await c.end();
			}
		}
	};
}
