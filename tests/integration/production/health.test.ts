import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { prepareDatabase } from '../../../src/lib/server/cli/prepare';
import { openSqlite, type OpenSqlite } from '../../../src/lib/server/db/connection';
import { checkHealth } from '../../../src/lib/server/health/health.service';
import { runScheduledBackup } from '../../../src/lib/server/backup/backup-schedule';
import { tempSetup } from './support';

// GET /healthz (README "Production"): the checks on a real database and real folders.
let s: ReturnType<typeof tempSetup>;
let opened: OpenSqlite;
const now = new Date();
beforeEach(() => {
	s = tempSetup();
});
afterEach(async () => {
	await opened.db.destroy().catch(() => {});
	s.cleanup();
});

async function serve() {
	mkdirSync(s.config.uploadDir, { recursive: true }); // as npm start's folder check does
	await prepareDatabase({ config: s.config, log: () => {} });
	opened = openSqlite(s.config.databasePath);
}

describe('the health report', () => {
	it('is ok for a migrated database, writable uploads and enough disk, with the backup age', async () => {
		await serve();
		const before = await checkHealth({ ...s.config, db: opened.db }, now);
		expect(before).toMatchObject({
			status: 'ok',
			checks: {
				database: { ok: true },
				migrations: { ok: true, pending: 0 },
				uploadDir: { ok: true },
				disk: { ok: true }
			},
			backup: { everySeconds: 86_400, newestAgeSeconds: null }
		});
		expect(before.checks.disk.freeBytes).toBeGreaterThan(before.checks.disk.minFreeBytes);
		await runScheduledBackup(
			{ ...s.config, everyMs: s.config.backupEveryMs, keep: 2, log: { info: () => {} } as never },
			now
		);
		// 90 s after the backup finished (its file time is the clock's, not the test's fixed `now`,
		// which a busy machine leaves seconds behind).
		const after = await checkHealth({ ...s.config, db: opened.db }, new Date(Date.now() + 90_000));
		expect(after.backup.newestAgeSeconds).toBeGreaterThanOrEqual(89);
	});

	it('is unhealthy while migrations are pending', async () => {
		opened = openSqlite(s.config.databasePath);
		const report = await checkHealth({ ...s.config, db: opened.db }, now);
		expect(report.status).toBe('unhealthy');
		expect(report.checks.database.ok).toBe(true);
		expect(report.checks.migrations.ok).toBe(false);
		expect(report.checks.migrations.pending).toBeGreaterThan(0);
	});

	it('is unhealthy when the upload folder cannot be written', async () => {
		await serve();
		const file = join(s.dir, 'a-file');
		writeFileSync(file, '');
		const report = await checkHealth({ ...s.config, uploadDir: join(file, 'uploads'), db: opened.db }, now);
		expect(report.status).toBe('unhealthy');
		expect(report.checks.uploadDir.ok).toBe(false);
		expect(report.checks.database.ok).toBe(true);
	});

	it('is unhealthy when the database does not answer', async () => {
		await serve();
		opened.sqlite.close();
		const report = await checkHealth({ ...s.config, db: opened.db }, now);
		expect(report.status).toBe('unhealthy');
		expect(report.checks.database.ok).toBe(false);
		expect(report.checks.migrations).toEqual({ ok: false, pending: null });
	});
});
