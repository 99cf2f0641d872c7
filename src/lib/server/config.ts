// Environment settings of the README, with their defaults. Read through process.env so that
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
		timeZone: env.TZ ?? 'Asia/Jakarta'
	};
}
