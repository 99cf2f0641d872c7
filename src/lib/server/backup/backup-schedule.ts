import type { Logger } from 'pino';
import { openSqlite } from '../db/connection';
import { backupInto, listBackups, pruneBackups } from './database-backup';

export interface BackupSchedule {
	databasePath: string;
	backupDir: string;
	/** 0 turns scheduled backups off (BACKUP_EVERY=off). */
	everyMs: number;
	keep: number;
	log: Pick<Logger, 'info' | 'error'>;
}

/** One scheduled backup: online copy, then the oldest beyond `keep` removed. */
export async function runScheduledBackup(s: BackupSchedule, now: Date): Promise<string> {
	const { sqlite, db } = openSqlite(s.databasePath);
	try {
		const { path, pages } = await backupInto(sqlite, s.backupDir, 'auto', now);
		const removed = pruneBackups(s.backupDir, s.keep);
		s.log.info({ event: 'backup', file: path, pages, removed: removed.length }, 'backup written');
		return path;
	} finally {
		await db.destroy();
	}
}

/**
 * Backups inside the server process every `everyMs` (BACKUP_EVERY). The first one is due one
 * interval after the newest scheduled backup, so a restart neither skips nor doubles one.
 * Returns a function that stops the schedule.
 */
export function startBackupSchedule(s: BackupSchedule): () => void {
	if (s.everyMs <= 0) return () => {};
	let timer: NodeJS.Timeout | undefined;
	let stopped = false;
	const schedule = (delay: number) => {
		if (stopped) return;
		timer = setTimeout(run, Math.max(0, delay));
		timer.unref();
	};
	const run = async () => {
		try {
			await runScheduledBackup(s, new Date());
		} catch (e) {
			s.log.error({ event: 'backup', err: e }, 'scheduled backup failed');
		}
		schedule(s.everyMs);
	};
	const newest = listBackups(s.backupDir)
		.filter((b) => b.kind === 'auto')
		.at(-1);
	schedule(newest ? newest.modifiedAt.getTime() + s.everyMs - Date.now() : 0);
	return () => {
		stopped = true;
		clearTimeout(timer);
	};
}
