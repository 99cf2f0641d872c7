import { ConfigError, type AppConfig } from '../config';
import { readStartupConfig, serverEnvironment } from '../config-startup';
import { holdDatabase } from '../backup/server-lock';
import { startBackupSchedule } from '../backup/backup-schedule';
import { logger } from '../log/logger';
import { prepareDatabase, StartRefused } from './prepare';

// The steps of scripts/start.js that need the application's modules (README "Production").

/** The lines to print when a start is refused for a reason the operator can fix; null otherwise. */
export function startProblems(e: unknown): string[] | null {
	if (e instanceof ConfigError) return e.problems.map((p) => `Konfigurasi salah: ${p}`);
	if (e instanceof StartRefused) return [e.message];
	return null;
}

export { readStartupConfig };
export { putEdgesInFront } from '../http/edge';

/**
 * Holds the database for this process (admin restore refuses meanwhile), migrates with a backup
 * first, starts the scheduled backups. Returns the validated variables adapter-node reads.
 */
export async function prepareToServe(config: AppConfig): Promise<Record<string, string>> {
	// Several processes may serve one PostgreSQL database; the lock and the scheduled backups are
	// SQLite's (README "When one machine is not enough").
	const onSqlite = !config.databaseUrl;
	try {
		if (onSqlite) holdDatabase(config.databasePath);
	} catch (e) {
		throw new StartRefused((e as Error).message);
	}
	await prepareDatabase({ config });
	if (onSqlite)
		startBackupSchedule({
			databasePath: config.databasePath,
			backupDir: config.backupDir,
			everyMs: config.backupEveryMs,
			keep: config.backupKeep,
			log: logger()
		});
	return serverEnvironment(config);
}
