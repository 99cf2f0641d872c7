import { describe, expect, it } from 'vitest';
import { parseConfig, readConfig, ConfigError } from '../../src/lib/server/config';

describe('the configuration module', () => {
	it('gives the README defaults for an empty environment', () => {
		const c = readConfig({});
		expect(c).toMatchObject({
			port: 3000,
			host: '127.0.0.1',
			origin: 'http://127.0.0.1:3000',
			databasePath: './data/rapor.db',
			databaseUrl: null,
			smtpUrl: null,
			uploadDir: './data/uploads',
			bodySizeLimit: '12M',
			rateLimits: true,
			demoSeed: true,
			timeZone: 'Asia/Jakarta',
			surveyRateLimitIp: { max: 120, windowMs: 600_000 },
			surveyRateLimitUnit: { max: 1000, windowMs: 600_000 },
			logLevel: 'info',
			backupDir: './data/backups',
			backupEveryMs: 86_400_000,
			backupKeep: 14,
			addressHeader: null,
			xffDepth: 1
		});
	});

	it('reads given values and treats an empty variable as unset', () => {
		const c = readConfig({
			PORT: '8080',
			HOST: '0.0.0.0',
			ORIGIN: 'https://rapor.kota.go.id/',
			RATE_LIMITS: 'off',
			DEMO_SEED: '0',
			BACKUP_EVERY: '6h',
			BACKUP_KEEP: '30',
			ADDRESS_HEADER: 'X-Forwarded-For',
			XFF_DEPTH: '2',
			LOG_LEVEL: '',
			DATABASE_URL: 'postgres://rapor:secret@db:5432/rapor'
		});
		expect(c).toMatchObject({
			port: 8080,
			origin: 'https://rapor.kota.go.id',
			rateLimits: false,
			demoSeed: false,
			backupEveryMs: 6 * 3_600_000,
			backupKeep: 30,
			addressHeader: 'X-Forwarded-For',
			xffDepth: 2,
			logLevel: 'info',
			databaseUrl: 'postgres://rapor:secret@db:5432/rapor'
		});
		expect(readConfig({ BACKUP_EVERY: 'off' }).backupEveryMs).toBe(0);
	});

	it('reports every bad value as one line naming the variable, the value and the rule', () => {
		const r = parseConfig({
			PORT: '70000',
			ORIGIN: 'rapor.kota.go.id',
			RATE_LIMITS: 'maybe',
			TZ: 'Asia/Atlantis',
			SURVEY_RATE_LIMIT_IP: '120 per 10 minutes',
			LOG_LEVEL: 'loud',
			BACKUP_KEEP: '0',
			XFF_DEPTH: '-1',
			BODY_SIZE_LIMIT: 'big',
			SMTP_URL: 'mail.kota.go.id'
		});
		expect(r.ok).toBe(false);
		const problems = r.ok ? [] : r.problems;
		expect(problems).toHaveLength(10);
		expect(problems).toContain('PORT="70000": harus nomor port (1..65535)');
		expect(problems).toContain('ORIGIN="rapor.kota.go.id": harus URL yang diawali http:// atau https://');
		for (const name of [
			'RATE_LIMITS',
			'TZ',
			'SURVEY_RATE_LIMIT_IP',
			'LOG_LEVEL',
			'BACKUP_KEEP',
			'XFF_DEPTH',
			'BODY_SIZE_LIMIT',
			'SMTP_URL'
		])
			expect(problems.filter((p) => p.startsWith(`${name}=`))).toHaveLength(1);
		expect(() => readConfig({ PORT: 'abc' })).toThrow(ConfigError);
	});

	it('refuses an ORIGIN with a path, which the CSRF check would never match', () => {
		const r = parseConfig({ ORIGIN: 'https://kota.go.id/rapor' });
		expect(r.ok ? [] : r.problems).toEqual([
			'ORIGIN="https://kota.go.id/rapor": harus alamat publik tanpa jalur, misalnya https://rapor.kota.go.id'
		]);
	});

	it('answers a repeated read from the same variables at once, and reads again when one changes', () => {
		const env = { PORT: '4100', TZ: 'Asia/Makassar' };
		const first = readConfig(env);
		expect(readConfig({ ...env })).toBe(first);
		expect(Object.isFrozen(first) && Object.isFrozen(first.surveyRateLimitIp)).toBe(true);
		expect(readConfig({ ...env, PORT: '4101' }).port).toBe(4101);
		// A bad value is refused even right after a good read of the other variables.
		expect(() => readConfig({ ...env, TZ: 'Mars/Olympus' })).toThrow(ConfigError);
		expect(readConfig(env)).toEqual(first);
	});
});
