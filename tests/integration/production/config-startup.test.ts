import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../../src/lib/server/config';
import { folderProblems, serverEnvironment } from '../../../src/lib/server/config-startup';

const dir = mkdtempSync(join(tmpdir(), 'rapor-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const aFile = join(dir, 'a-file');
writeFileSync(aFile, 'not a folder');

describe('checking the configuration before serving', () => {
	it('names a folder that cannot be written (UPLOAD_DIR under a file)', () => {
		const config = readConfig({ UPLOAD_DIR: join(aFile, 'uploads'), DATABASE_PATH: join(dir, 'db', 'r.db') });
		const problems = folderProblems({ ...config, backupDir: join(dir, 'backups') });
		expect(problems).toEqual([
			`UPLOAD_DIR=${JSON.stringify(join(aFile, 'uploads'))}: folder ${join(aFile, 'uploads')} tidak dapat ditulis (ENOTDIR)`
		]);
	});

	it('hands adapter-node the validated values, the forwarded-address ones only when set', () => {
		expect(serverEnvironment(readConfig({ PORT: '8080' }))).toEqual({
			PORT: '8080',
			HOST: '127.0.0.1',
			ORIGIN: 'http://127.0.0.1:8080',
			BODY_SIZE_LIMIT: '12M',
			TZ: 'Asia/Jakarta'
		});
		expect(
			serverEnvironment(readConfig({ ADDRESS_HEADER: 'X-Forwarded-For', XFF_DEPTH: '1' }))
		).toMatchObject({
			ADDRESS_HEADER: 'X-Forwarded-For',
			XFF_DEPTH: '1'
		});
	});

	it('stops npm start with one line per problem and exit 1, before building or touching a database', () => {
		const run = spawnSync(process.execPath, ['scripts/start.js'], {
			env: {
				PATH: process.env.PATH,
				PORT: 'abc',
				ORIGIN: 'not a url',
				UPLOAD_DIR: join(aFile, 'uploads'),
				DATABASE_PATH: join(dir, 'never', 'r.db')
			},
			encoding: 'utf8',
			timeout: 60_000
		});
		expect(run.status).toBe(1);
		expect(run.stderr.trim().split('\n')).toEqual([
			'Konfigurasi salah: PORT="abc": harus nomor port (1..65535)',
			'Konfigurasi salah: ORIGIN="not a url": harus URL yang diawali http:// atau https://'
		]);
		const folders = spawnSync(process.execPath, ['scripts/start.js'], {
			env: {
				PATH: process.env.PATH,
				UPLOAD_DIR: join(aFile, 'uploads'),
				DATABASE_PATH: join(dir, 'x', 'r.db'),
				BACKUP_DIR: join(dir, 'backups')
			},
			encoding: 'utf8',
			timeout: 60_000
		});
		expect(folders.status).toBe(1);
		expect(folders.stderr).toContain(`Konfigurasi salah: UPLOAD_DIR=`);
		expect(folders.stderr).toContain('ENOTDIR');
	}, 120_000);

	it('stops the admin command line the same way', () => {
		const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/lib/server/cli/main.ts', 'migrate'], {
			env: { PATH: process.env.PATH, DATABASE_PATH: join(dir, 'cli.db'), LOG_LEVEL: 'loud' },
			encoding: 'utf8'
		});
		expect(run.status).toBe(1);
		expect(run.stderr).toContain(
			'LOG_LEVEL="loud": harus salah satu dari fatal, error, warn, info, debug, trace, silent'
		);
	}, 60_000);
});
