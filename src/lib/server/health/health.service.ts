import { rmSync, statfsSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Db } from '../db/connection';
import { pendingMigrations, shippedMigrations, type Migrations } from '../db/migrate';
import { listBackups } from '../backup/database-backup';
import { pingDatabase } from './health.repository';

// GET /healthz (README "Production": what to monitor). Healthy means the server can do its work:
// the database answers with the schema this build expects, uploads can be stored, the disk is
// not about to fill. The backup age is reported for the monitor to judge, not part of "healthy":
// a fresh install has no backup yet.
export const MIN_FREE_BYTES = 256 * 1024 * 1024;

export interface HealthInput {
	db: Db;
	databasePath: string;
	uploadDir: string;
	backupDir: string;
	backupEveryMs: number;
	migrations?: Migrations;
}

export interface HealthReport {
	status: 'ok' | 'unhealthy';
	checks: {
		database: { ok: boolean };
		migrations: { ok: boolean; pending: number | null };
		uploadDir: { ok: boolean };
		disk: { ok: boolean; freeBytes: number | null; minFreeBytes: number };
	};
	backup: { everySeconds: number; newestAgeSeconds: number | null };
}

async function attempt<T>(fn: () => Promise<T> | T): Promise<T | null> {
	try {
		return await fn();
	} catch {
		return null;
	}
}

function freeBytes(folder: string): number {
	const s = statfsSync(folder);
	return s.bavail * s.bsize;
}

export async function checkHealth(input: HealthInput, now: Date): Promise<HealthReport> {
	const database = (await attempt(() => pingDatabase(input.db))) === true;
	const pending = database
		? await attempt(
				async () => (await pendingMigrations(input.db, input.migrations ?? shippedMigrations)).length
			)
		: null;
	const probe = join(input.uploadDir, `.healthz-${process.pid}`);
	const uploadDir =
		(await attempt(() => {
			writeFileSync(probe, 'ok');
			rmSync(probe);
			return true;
		})) === true;
	const free = await attempt(() =>
		Math.min(freeBytes(input.uploadDir), freeBytes(dirname(input.databasePath)))
	);
	const newest = (await attempt(() => listBackups(input.backupDir).at(-1))) ?? null;
	const checks = {
		database: { ok: database },
		migrations: { ok: pending === 0, pending },
		uploadDir: { ok: uploadDir },
		disk: { ok: free !== null && free >= MIN_FREE_BYTES, freeBytes: free, minFreeBytes: MIN_FREE_BYTES }
	};
	return {
		status: Object.values(checks).every((c) => c.ok) ? 'ok' : 'unhealthy',
		checks,
		backup: {
			everySeconds: input.backupEveryMs / 1000,
			newestAgeSeconds: newest ? Math.round((now.getTime() - newest.modifiedAt.getTime()) / 1000) : null
		}
	};
}
