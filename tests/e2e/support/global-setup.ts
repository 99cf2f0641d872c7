import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, readdirSync, existsSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

// The built app, started the way users start it (npm start's script), on a temporary database.
export function newestMtime(dir: string): number {
	let newest = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) {
			if (entry.name !== 'paraglide') newest = Math.max(newest, newestMtime(path));
		} else newest = Math.max(newest, statSync(path).mtimeMs);
	}
	return newest;
}

export function ensureBuilt(): void {
	const built = existsSync('build/index.js') ? statSync('build/index.js').mtimeMs : 0;
	const sources = Math.max(newestMtime('src'), newestMtime('messages'), newestMtime('db'));
	if (built > sources) return;
	const run = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
	if (run.status !== 0) throw new Error('npm run build failed');
}

export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const srv = createServer();
		srv.listen(0, '127.0.0.1', () => {
			const address = srv.address();
			srv.close(() =>
				typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))
			);
		});
	});
}

export async function waitForServer(url: string, child: ChildProcess, log: () => string): Promise<void> {
	const deadline = Date.now() + 120_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`server exited early:\n${log()}`);
		try {
			const res = await fetch(url + '/login');
			if (res.ok) return;
		} catch {
			/* not listening yet */
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	throw new Error(`server did not start:\n${log()}`);
}

/** `node scripts/start.js` on 127.0.0.1:port with env added to this process's; its output kept. */
export function spawnServer(
	port: number,
	env: Record<string, string>
): { child: ChildProcess; log: () => string } {
	let output = '';
	const child = spawn('node', ['scripts/start.js'], {
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	child.stdout?.on('data', (d) => (output += d));
	child.stderr?.on('data', (d) => (output += d));
	return { child, log: () => output };
}

export interface App {
	baseURL: string;
	databasePath: string;
	stop: () => Promise<void>;
}

/**
 * The built app on a fresh temporary database: the demo city, or empty as a new office starts,
 * with `env` added to its environment.
 * When stopped, the server's own log is kept under `logName` in the temp folder, so a failed
 * browser test can be read against it.
 */
export async function startApp(
	demoSeed: boolean,
	logName = 'rapor-e2e-server.log',
	env: Record<string, string> = {}
): Promise<App> {
	ensureBuilt();
	const dir = mkdtempSync(join(tmpdir(), 'rapor-e2e-'));
	const port = await freePort();
	const baseURL = `http://127.0.0.1:${port}`;
	const { child, log } = spawnServer(port, {
		DATABASE_PATH: join(dir, 'rapor.db'),
		UPLOAD_DIR: join(dir, 'uploads'),
		BACKUP_DIR: join(dir, 'backups'),
		DEMO_SEED: demoSeed ? '1' : '0',
		ORIGIN: baseURL,
		...env
	});
	await waitForServer(baseURL, child, log);
	return {
		baseURL,
		databasePath: join(dir, 'rapor.db'),
		stop: async () => {
			child.kill('SIGTERM');
			await new Promise((r) => child.once('exit', r));
			const logFile = join(tmpdir(), logName);
			writeFileSync(logFile, log());
			console.log(`server log: ${logFile}`);
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

export default async function setup(project: TestProject) {
	const app = await startApp(true);
	project.provide('baseURL', app.baseURL);
	project.provide('databasePath', app.databasePath);
	return app.stop;
}

declare module 'vitest' {
	export interface ProvidedContext {
		baseURL: string;
		databasePath: string;
	}
}
