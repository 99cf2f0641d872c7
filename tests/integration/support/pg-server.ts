// A PostgreSQL server for tests that need one on either engine run (copy-database, two processes):
// the cluster of scripts/test.js (TEST_DATABASE_URL or TEST_POSTGRES_URL), else a throwaway one
// started here, so the file also runs on its own.
import { startCluster } from '../../../scripts/pg-cluster.js';

export async function postgresServer(): Promise<{ url: string; stop: () => void }> {
	const given = process.env.TEST_DATABASE_URL ?? process.env.TEST_POSTGRES_URL;
	if (given) return { url: given, stop: () => {} };
	return startCluster();
}
