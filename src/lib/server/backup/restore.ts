import Database from 'better-sqlite3';
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { shippedMigrations, type Migrations } from '../db/migrate';
import { serverHolding } from './server-lock';

/** Why file cannot be restored by this build (empty: it can). */
export function backupFileProblems(file: string, migrations: Migrations = shippedMigrations): string[] {
	if (!existsSync(file)) return [`berkas ${file} tidak ada`];
	let sqlite: Database.Database | undefined;
	try {
		sqlite = new Database(file, { readonly: true, fileMustExist: true });
		const integrity = sqlite.pragma('integrity_check') as { integrity_check: string }[];
		const bad = integrity.map((r) => r.integrity_check).filter((r) => r !== 'ok');
		if (bad.length) return [`${file}: PRAGMA integrity_check gagal: ${bad.slice(0, 3).join('; ')}`];
		const hasTable = sqlite
			.prepare(`select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'`)
			.get();
		if (!hasTable) return [`${file}: bukan basis data Rapor Layanan (tidak ada tabel kysely_migration)`];
		const applied = (sqlite.prepare('select name from kysely_migration').all() as { name: string }[]).map(
			(r) => r.name
		);
		const unknown = applied.filter((name) => !(name in migrations));
		if (unknown.length)
			return [
				`${file}: versi skema lebih baru dari aplikasi ini (migrasi tidak dikenal: ${unknown.join(', ')})`
			];
		return [];
	} catch (e) {
		return [`${file}: bukan basis data SQLite yang terbaca (${(e as Error).message})`];
	} finally {
		sqlite?.close();
	}
}

export type RestoreOutcome = { ok: true; asidePath: string | null } | { ok: false; problems: string[] };

/**
 * Replaces databasePath by a checked backup. The replaced database (with its -wal and -shm
 * files, which may hold committed pages) is renamed aside, never deleted.
 */
export function restoreDatabase(file: string, databasePath: string, now: Date): RestoreOutcome {
	const pid = serverHolding(databasePath);
	if (pid !== null)
		return {
			ok: false,
			problems: [`server (pid ${pid}) sedang memakai ${resolve(databasePath)}; hentikan dulu`]
		};
	const problems = backupFileProblems(file);
	if (problems.length) return { ok: false, problems };
	const target = resolve(databasePath);
	// Copy first, swap second: a failed copy leaves the current database in place.
	const incoming = `${target}.restore-part`;
	copyFileSync(file, incoming);
	let asidePath: string | null = null;
	if (existsSync(target)) {
		asidePath = `${target}.before-restore-${now.toISOString().replace(/[-:.]/g, '')}`;
		renameSync(target, asidePath);
		for (const suffix of ['-wal', '-shm'])
			if (existsSync(target + suffix)) renameSync(target + suffix, asidePath + suffix);
	}
	rmSync(`${target}-journal`, { force: true });
	renameSync(incoming, target);
	return { ok: true, asidePath };
}
