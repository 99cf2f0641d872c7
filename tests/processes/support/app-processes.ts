import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { ensureBuilt, freePort, spawnServer, waitForServer } from '../../e2e/support/global-setup';
import { postgresServer } from '../../integration/support/pg-server';

// Two built app servers (`node scripts/start.js`, as `npm start` runs) on one empty PostgreSQL
// database, configured as README "When one machine is not enough" says: the same DATABASE_URL,
// UPLOAD_DIR and ORIGIN, each its own PORT, the client address from X-Forwarded-For.

/** The public address both processes are reached at (the reverse proxy's). */
export const ORIGIN = 'http://rapor.contoh.test';

export interface AppProcess {
	name: string;
	base: string;
	log: () => string;
}

export interface TwoProcesses {
	a: AppProcess;
	b: AppProcess;
	uploadDir: string;
	/** One query on the shared database. */
	query: <T>(text: string, params?: unknown[]) => Promise<T[]>;
	stop: () => Promise<void>;
}

function withDatabase(url: string, name: string): string {
	const u = new URL(url);
	u.pathname = `/${name}`;
	return u.toString();
}

export async function startTwoProcesses(): Promise<TwoProcesses> {
	ensureBuilt();
	const server = await postgresServer();
	const name = `rapor_two_${process.pid}_${Date.now()}`;
	const admin = new pg.Client({ connectionString: server.url });
	await admin.connect();
	await admin.query(`create database "${name}"`);
	const databaseUrl = withDatabase(server.url, name);
	const dir = mkdtempSync(join(tmpdir(), 'rapor-two-'));
	const uploadDir = join(dir, 'uploads');
	const children = await Promise.all(
		['a', 'b'].map(async (label) => {
			const port = await freePort();
			const { child, log } = spawnServer(port, {
				DATABASE_URL: databaseUrl,
				UPLOAD_DIR: uploadDir,
				BACKUP_DIR: join(dir, `backups-${label}`),
				ORIGIN,
				ADDRESS_HEADER: 'X-Forwarded-For',
				XFF_DEPTH: '1',
				DEMO_SEED: '1',
				// Four survey answers a day from one address, so that the fifth shows the shared count.
				SURVEY_RATE_LIMIT_IP: '4/86400',
				LOG_LEVEL: 'warn'
			});
			return { label, child, base: `http://127.0.0.1:${port}`, log };
		})
	);
	const client = new pg.Client({ connectionString: databaseUrl });
	const stop = async () => {
		for (const c of children)
			if (c.child.exitCode === null) {
				c.child.kill('SIGTERM');
				await new Promise((r) => c.child.once('exit', r));
			}
		await client.end().catch(() => {});
		await admin.query(`drop database if exists "${name}" with (force)`).catch(() => {});
		await admin.end();
		server.stop();
		rmSync(dir, { recursive: true, force: true });
	};
	try {
		// Started together on the empty database: both migrate and seed at the same moment.
		await Promise.all(children.map((c) => waitForServer(c.base, c.child, c.log)));
		await client.connect();
	} catch (e) {
		await stop();
		throw e;
	}
	const [a, b] = children.map((c) => ({ name: c.label, base: c.base, log: c.log }));
	return {
		a,
		b,
		uploadDir,
		query: async <T>(text: string, params: unknown[] = []) => (await client.query(text, params)).rows as T[],
		stop
	};
}
