import { DEFAULT_TIME_ZONE, isoDateIn } from '../domain/format';
import { z } from 'zod';

// Every environment variable of the README's "Environment" table, read and validated here and
// nowhere else: the built server (through scripts/start.js), the command line (tsx) and the tests
// all call readConfig(), so one bad value is reported the same way wherever it is read.
export interface RateLimit {
	max: number;
	windowMs: number;
}

export interface AppConfig {
	port: number;
	host: string;
	origin: string;
	databasePath: string;
	/** README: PostgreSQL instead of SQLite when set (validated, not yet used). */
	databaseUrl: string | null;
	/** Mail server for invitations, password links and reminders (README "Environment"). */
	smtpUrl: string | null;
	mailFrom: string;
	uploadDir: string;
	/** As adapter-node reads it (passed on by the start script) ... */
	bodySizeLimit: string;
	/** ... and in bytes, for the body guard's 413. */
	bodySizeLimitBytes: number;
	rateLimits: boolean;
	demoSeed: boolean;
	timeZone: string;
	surveyRateLimitIp: RateLimit;
	surveyRateLimitUnit: RateLimit;
	logLevel: LogLevel;
	backupDir: string;
	/** 0: scheduled backups off. */
	backupEveryMs: number;
	backupKeep: number;
	/** adapter-node: header holding the client address behind a reverse proxy (README "Production"). */
	addressHeader: string | null;
	xffDepth: number;
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export type Env = Record<string, string | undefined>;

const DAY_MS = 86_400_000;
const EVERY_NAMED: Record<string, number> = { off: 0, hourly: 3_600_000, daily: DAY_MS, weekly: 7 * DAY_MS };
const EVERY_UNIT: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: DAY_MS };

const text = (fallback: string) => z.string().trim().min(1, 'tidak boleh kosong').default(fallback);

const integer = (fallback: number, min: number, max: number, what: string) =>
	z
		.string()
		.trim()
		.default(String(fallback))
		.refine((v) => /^\d+$/.test(v) && Number(v) >= min && Number(v) <= max, `${what} (${min}..${max})`)
		.transform(Number);

const oneOf = <T extends string>(values: readonly [T, ...T[]], fallback: T) =>
	z
		.string()
		.trim()
		.default(fallback)
		.refine(
			(v): v is T => (values as readonly string[]).includes(v),
			`harus salah satu dari ${values.join(', ')}`
		)
		.transform((v) => v as T);

const rateLimit = (fallback: string) =>
	z
		.string()
		.trim()
		.default(fallback)
		.refine((v) => /^[1-9]\d*\/[1-9]\d*$/.test(v), 'harus berbentuk jumlah/detik, misalnya 120/600')
		.transform((v) => {
			const [max, seconds] = v.split('/').map(Number);
			return { max, windowMs: seconds * 1000 };
		});

const url = (protocols: string[]) =>
	z
		.string()
		.trim()
		.refine(
			(v) => URL.canParse(v) && protocols.includes(new URL(v).protocol),
			`harus URL yang diawali ${protocols.map((p) => p + '//').join(' atau ')}`
		)
		.optional();

function isTimeZone(value: string): boolean {
	try {
		new Intl.DateTimeFormat('en', { timeZone: value });
		return true;
	} catch {
		return false;
	}
}

const schema = z.object({
	PORT: integer(3000, 1, 65535, 'harus nomor port'),
	HOST: text('127.0.0.1'),
	ORIGIN: url(['http:', 'https:']).refine(
		(v) => v === undefined || !URL.canParse(v) || new URL(v).pathname === '/',
		'harus alamat publik tanpa jalur, misalnya https://rapor.kota.go.id'
	),
	DATABASE_PATH: text('./data/rapor.db'),
	DATABASE_URL: url(['postgres:', 'postgresql:']),
	SMTP_URL: url(['smtp:', 'smtps:']),
	MAIL_FROM: text('Rapor Layanan <no-reply@localhost>'),
	UPLOAD_DIR: text('./data/uploads'),
	BODY_SIZE_LIMIT: z
		.string()
		.trim()
		.default('12M')
		.refine((v) => /^(\d+[KMG]?|Infinity)$/i.test(v), 'harus angka dengan K, M atau G, misalnya 12M'),
	RATE_LIMITS: oneOf(['on', 'off'], 'on'),
	TZ: text(DEFAULT_TIME_ZONE).refine(isTimeZone, 'bukan zona waktu IANA, misalnya Asia/Jakarta'),
	DEMO_SEED: oneOf(['1', '0'], '1'),
	SURVEY_RATE_LIMIT_IP: rateLimit('120/600'),
	SURVEY_RATE_LIMIT_UNIT: rateLimit('1000/600'),
	LOG_LEVEL: oneOf(LOG_LEVELS, 'info'),
	BACKUP_DIR: text('./data/backups'),
	BACKUP_EVERY: z
		.string()
		.trim()
		.default('daily')
		.refine(
			(v) => v in EVERY_NAMED || /^[1-9]\d*[smhd]$/.test(v),
			'harus off, hourly, daily, weekly atau lama seperti 30m, 6h, 2d'
		)
		.transform((v) => EVERY_NAMED[v] ?? Number(v.slice(0, -1)) * EVERY_UNIT[v.slice(-1)]),
	BACKUP_KEEP: integer(14, 1, 10_000, 'harus jumlah cadangan yang disimpan'),
	ADDRESS_HEADER: z
		.string()
		.trim()
		.refine((v) => /^[A-Za-z0-9-]+$/.test(v), 'harus nama header, misalnya X-Forwarded-For')
		.optional(),
	XFF_DEPTH: integer(1, 1, 100, 'harus jumlah proxy di depan server')
});

export class ConfigError extends Error {
	constructor(public readonly problems: string[]) {
		super(problems.join('\n'));
	}
}

/** Every problem of env as one line `NAME="value": reason`; the config when there is none. */
export function parseConfig(env: Env): { ok: true; config: AppConfig } | { ok: false; problems: string[] } {
	// An empty variable counts as unset (systemd environment files often carry `NAME=`).
	const given = Object.fromEntries(
		Object.keys(schema.shape).map((k) => [k, env[k] === '' ? undefined : env[k]])
	);
	const parsed = schema.safeParse(given);
	if (!parsed.success) {
		const problems = parsed.error.issues.map((issue) => {
			const name = String(issue.path[0]);
			return `${name}=${JSON.stringify(given[name] ?? '')}: ${issue.message}`;
		});
		return { ok: false, problems };
	}
	const e = parsed.data;
	return {
		ok: true,
		config: {
			port: e.PORT,
			host: e.HOST,
			origin: (e.ORIGIN ?? `http://${e.HOST}:${e.PORT}`).replace(/\/$/, ''),
			databasePath: e.DATABASE_PATH,
			databaseUrl: e.DATABASE_URL ?? null,
			smtpUrl: e.SMTP_URL ?? null,
			mailFrom: e.MAIL_FROM,
			uploadDir: e.UPLOAD_DIR,
			bodySizeLimit: e.BODY_SIZE_LIMIT,
			bodySizeLimitBytes: parseBytes(e.BODY_SIZE_LIMIT),
			rateLimits: e.RATE_LIMITS === 'on',
			demoSeed: e.DEMO_SEED === '1',
			timeZone: e.TZ,
			surveyRateLimitIp: e.SURVEY_RATE_LIMIT_IP,
			surveyRateLimitUnit: e.SURVEY_RATE_LIMIT_UNIT,
			logLevel: e.LOG_LEVEL,
			backupDir: e.BACKUP_DIR,
			backupEveryMs: e.BACKUP_EVERY,
			backupKeep: e.BACKUP_KEEP,
			addressHeader: e.ADDRESS_HEADER ?? null,
			xffDepth: e.XFF_DEPTH
		}
	};
}

// Requests read the configuration (the body size guard reads it on every form post), and a full
// check costs far more than the request's own work: validating TZ makes an Intl.DateTimeFormat.
// The last answer is kept for as long as the variables it read are the same (README
// "Benchmark": survey intake at half the bare server's rate or better).
const CONFIG_VARIABLES = Object.keys(schema.shape);
let last: { key: string; config: AppConfig } | null = null;

/** The validated configuration; throws ConfigError listing every bad variable. */
export function readConfig(env: Env = process.env): AppConfig {
	const key = CONFIG_VARIABLES.map((name) => env[name] ?? '').join('\u0000');
	if (last?.key === key) return last.config;
	const result = parseConfig(env);
	if (!result.ok) throw new ConfigError(result.problems);
	const config = deepFreeze(result.config);
	last = { key, config };
	return config;
}

/**
 * The calendar date (YYYY-MM-DD) of an instant, now by default, in the office's time zone (TZ):
 * the day every "today" rule reads.
 */
export function officeDate(at: Date = new Date()): string {
	return isoDateIn(at, readConfig().timeZone);
}

/** Shared between callers: nobody may change it for the others. */
function deepFreeze<T extends object>(value: T): Readonly<T> {
	for (const inner of Object.values(value)) if (inner && typeof inner === 'object') deepFreeze(inner);
	return Object.freeze(value);
}

// The notation adapter-node reads: a number with an optional K, M or G suffix, or Infinity.
function parseBytes(value: string): number {
	const m = /^(\d+)([kmg]?)$/i.exec(value);
	if (!m) return Infinity;
	const unit = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2].toLowerCase() as '' | 'k' | 'm' | 'g'];
	return Number(m[1]) * unit;
}
