import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { prepareDatabase } from '../../../src/lib/server/cli/prepare';
import { startBackupSchedule } from '../../../src/lib/server/backup/backup-schedule';
import { backupFileName, listBackups } from '../../../src/lib/server/backup/database-backup';
import { backupFileProblems } from '../../../src/lib/server/backup/restore';
import { rowCounts, tempSetup } from './support';

// README "Production": backups inside the server every BACKUP_EVERY, the newest BACKUP_KEEP kept.
let s: ReturnType<typeof tempSetup>;
beforeEach(async () => {
	s = tempSetup({ BACKUP_EVERY: '1s', BACKUP_KEEP: '2' });
	await prepareDatabase({ config: s.config, log: () => {} });
});
afterEach(() => s.cleanup());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('scheduled backups', () => {
	it('backs up at once when none is recent, then every interval, keeping the newest BACKUP_KEEP', async () => {
		expect(s.config.backupEveryMs).toBe(1000);
		// a backup before an upgrade is never pruned by the schedule
		const preUpgrade = join(
			s.config.backupDir,
			backupFileName('pre-upgrade', new Date('2026-01-01T00:00:00Z'))
		);
		mkdirSync(s.config.backupDir, { recursive: true });
		writeFileSync(preUpgrade, '');
		const lines: object[] = [];
		const stop = startBackupSchedule({
			databasePath: s.config.databasePath,
			backupDir: s.config.backupDir,
			everyMs: s.config.backupEveryMs,
			keep: s.config.backupKeep,
			log: { info: (o: object) => lines.push(o), error: (o: object) => lines.push(o) } as never
		});
		await sleep(3600);
		stop();
		const written = lines.filter((l) => 'file' in l);
		expect(written.length).toBeGreaterThanOrEqual(3);
		const backups = listBackups(s.config.backupDir);
		const auto = backups.filter((b) => b.kind === 'auto');
		expect(auto).toHaveLength(2);
		expect(backups.map((b) => b.path)).toContain(preUpgrade);
		// the kept ones are the newest, and each is a sound, restorable copy
		expect(auto.at(-1)!.path).toBe((written.at(-1) as { file: string }).file);
		for (const b of auto) {
			expect(backupFileProblems(b.path)).toEqual([]);
			expect(rowCounts(b.path)).toEqual(rowCounts(s.config.databasePath));
		}
		const countAfterStop = listBackups(s.config.backupDir).length;
		await sleep(1500);
		expect(listBackups(s.config.backupDir)).toHaveLength(countAfterStop);
	}, 30_000);

	it('waits one interval after the newest backup when the server restarts', async () => {
		const runFor = async (ms: number) => {
			const stop = startBackupSchedule({
				databasePath: s.config.databasePath,
				backupDir: s.config.backupDir,
				everyMs: 60_000,
				keep: 2,
				log: { info: () => {}, error: () => {} } as never
			});
			await sleep(ms);
			stop();
		};
		await runFor(500);
		expect(listBackups(s.config.backupDir)).toHaveLength(1);
		await runFor(500);
		expect(listBackups(s.config.backupDir)).toHaveLength(1);
	}, 30_000);
});
