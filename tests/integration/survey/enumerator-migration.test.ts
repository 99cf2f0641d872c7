import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openSqlite, type OpenSqlite } from '../../../src/lib/server/db/connection';
import { migrateToLatest, shippedMigrations } from '../../../src/lib/server/db/migrate';

// db/migrations/20261129_2140_add_survey_enumerator.ts rebuilds `user` and `survey_response`:
// on a database in use, every row and every reference to them must come through.
const NAME = '20261129_2140_add_survey_enumerator';
const before = Object.fromEntries(Object.entries(shippedMigrations).filter(([k]) => k < NAME));

let dir: string;
let o: OpenSqlite;
beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'rapor-enum-mig-'));
	o = openSqlite(join(dir, 'test.db'));
});
afterEach(async () => {
	await o.db.destroy();
	rmSync(dir, { recursive: true, force: true });
});

it('keeps users and their sessions, and foreign keys stay on and enforced', async () => {
	await migrateToLatest(o.db, before);
	o.sqlite.exec(`
		insert into user (id, email, name, role, created_at, updated_at) values (7, 'a@x.id', 'A', 'admin', 1, 1);
		insert into session (id, user_id, secret_hash, created_at, expires_at) values ('s1', 7, x'00', 1, 2);
		insert into category (id, name, position) values (1, 'Kelurahan', 1);`);
	o.sqlite.exec(`insert into unit (id, code, name, category_id, survey_token, created_at, updated_at)
		values (1, 'KEL-01', 'Satu', 1, 'tok-kel-01', 1, 1)`);
	await migrateToLatest(o.db);
	expect(o.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
	expect(o.sqlite.prepare('select count(*) n from session where user_id = 7').get()).toEqual({ n: 1 });
	const sessionSql = (
		o.sqlite.prepare(`select sql from sqlite_master where name = 'session'`).get() as {
			sql: string;
		}
	).sql;
	expect(sessionSql).toMatch(/references "?user"?\s*\(/i);
	o.sqlite.exec(
		`insert into user (email, name, role, created_at, updated_at) values ('e@x.id', 'E', 'enumerator', 1, 1)`
	);
	expect(() => o.sqlite.exec(`insert into session values ('s2', 999, x'00', 1, 2)`)).toThrow(/FOREIGN KEY/);
	// deleting a user still cascades to their sessions through the rebuilt table
	o.sqlite.exec('delete from user where id = 7');
	expect(o.sqlite.prepare('select count(*) n from session').get()).toEqual({ n: 0 });
	expect((await sql`pragma foreign_key_check`.execute(o.db)).rows).toEqual([]);
});
