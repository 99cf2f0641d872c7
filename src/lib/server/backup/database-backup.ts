import type Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

// One backup function for `admin backup`, the scheduled backups and the backup before an upgrade:
// SQLite's online backup API, a consistent copy even while the server writes (README "Production").
export type BackupKind = 'auto' | 'pre-upgrade';

const NAME = /^rapor-(auto|pre-upgrade)-(\d{8}T\d{6}(?:\d{3})?Z)\.db$/;

/** `rapor-auto-20261129T181000123Z.db`: sorts by time, names the kind. */
export function backupFileName(kind: BackupKind, now: Date): string {
	return `rapor-${kind}-${now.toISOString().replace(/[-:.]/g, '')}.db`;
}

/**
 * Copies the open database to target (a new file). The copy goes to `target.part` first and is
 * renamed when complete, so a crash never leaves a half-written file that looks like a backup.
 */
export async function backupDatabase(
	sqlite: Database.Database,
	target: string
): Promise<{ path: string; pages: number }> {
	const path = resolve(target);
	if (existsSync(path)) throw new Error(`berkas ${path} sudah ada; pilih nama lain`);
	const part = `${path}.part`;
	rmSync(part, { force: true });
	const { totalPages } = await sqlite.backup(part);
	renameSync(part, path);
	return { path, pages: totalPages };
}

/** Backs up into dir under a generated name (folder created). */
export async function backupInto(sqlite: Database.Database, dir: string, kind: BackupKind, now: Date) {
	mkdirSync(dir, { recursive: true });
	return backupDatabase(sqlite, join(dir, backupFileName(kind, now)));
}

export interface BackupFile {
	path: string;
	kind: BackupKind;
	bytes: number;
	modifiedAt: Date;
}

/** The backups this application wrote into dir, oldest first. */
export function listBackups(dir: string): BackupFile[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir)
		.filter((name) => NAME.test(name))
		.sort()
		.map((name) => {
			const path = join(dir, name);
			const stat = statSync(path);
			return { path, kind: NAME.exec(name)![1] as BackupKind, bytes: stat.size, modifiedAt: stat.mtime };
		});
}

/** Deletes the oldest scheduled backups beyond keep; backups before an upgrade are kept. */
export function pruneBackups(dir: string, keep: number): string[] {
	const auto = listBackups(dir).filter((b) => b.kind === 'auto');
	const removed = auto.slice(0, Math.max(0, auto.length - keep)).map((b) => b.path);
	for (const path of removed) rmSync(path, { force: true });
	return removed;
}
