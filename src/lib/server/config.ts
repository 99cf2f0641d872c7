// Environment settings of the contracts, with their defaults. Read through process.env so that
// the same module serves the built server, the command line (tsx) and the tests.
export interface AppConfig {
	port: number;
	host: string;
	origin: string;
	databasePath: string;
	uploadDir: string;
	rateLimits: boolean;
	demoSeed: boolean;
	timeZone: string;
	/** adapter-node's BODY_SIZE_LIMIT in bytes (scripts/start.js defaults it to 12M). */
	bodySizeLimit: number;
}

export function readConfig(env: Record<string, string | undefined> = process.env): AppConfig {
	const port = Number(env.PORT ?? 3000);
	const host = env.HOST ?? '127.0.0.1';
	return {
		port,
		host,
		origin: env.ORIGIN ?? `http://${host}:${port}`,
		databasePath: env.DATABASE_PATH ?? './data/rapor.db',
		uploadDir: env.UPLOAD_DIR ?? './data/uploads',
		rateLimits: (env.RATE_LIMITS ?? 'on') !== 'off',
		demoSeed: (env.DEMO_SEED ?? '1') !== '0',
		timeZone: env.TZ ?? 'Asia/Jakarta',
		bodySizeLimit: parseBytes(env.BODY_SIZE_LIMIT ?? '12M')
	};
}

// The same notation adapter-node reads: a number with an optional K, M or G suffix.
function parseBytes(value: string): number {
	const m = /^(\d+)\s*([kmg]?)b?$/i.exec(value.trim());
	if (!m) return Infinity;
	const unit = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2].toLowerCase() as '' | 'k' | 'm' | 'g'];
	return Number(m[1]) * unit;
}
