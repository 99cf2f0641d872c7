import { findPostgresBin, INSTALL_HINT, startCluster } from '../../scripts/pg-cluster.js';
import { resultsOnPostgres } from './support/postgres-results';
import { surveyOnPostgres } from './support/postgres-survey';
import { fmt, load } from './support/figures';
import { cleanUpOnInterrupt } from './support/interrupt';

// The benchmarks of results.bench.ts and survey.bench.js on PostgreSQL, each beside a
// bare `pg` floor measured in the same run, on a throwaway cluster started here (scripts/pg-cluster.js)
// and removed afterwards. README "Benchmark". BENCH_UNITS and BENCH_SURVEY_REQUESTS make a smaller run.
// The issue sets targets for SQLite only: these figures are reported (result –).

export async function run({ log }: { log: (s: string) => void }) {
	const units = Number(process.env.BENCH_UNITS ?? 80_000);
	const bin = findPostgresBin();
	if (!bin) throw new Error(INSTALL_HINT);
	const loadBefore = load();
	const cluster = await startCluster(bin);
	const unregister = cleanUpOnInterrupt(() => cluster.stop());
	try {
		log(`klaster PostgreSQL: port ${cluster.port}`);
		const results = await resultsOnPostgres(cluster.url, units, log);
		const survey = await surveyOnPostgres(cluster.url, log);
		return {
			title: `PostgreSQL: import, results and survey intake beside bare pg floors (${fmt(units)} units)`,
			rows: [...results.rows, ...survey.rows],
			notes: [
				`Load average of the machine (1 / 5 / 15 min) before the run: ${loadBefore}; at the end: ${load()}. The app, the floors and PostgreSQL share the same CPUs.`,
				`PostgreSQL ${bin.split('/').at(-2)} from ${bin}, a throwaway cluster as in \`npm test\` (scripts/pg-cluster.js: fsync, synchronous_commit and full_page_writes off). The app and the floors run on the same cluster, so the ratios compare code, not durability settings.`,
				...results.notes,
				...survey.notes
			]
		};
	} finally {
		unregister();
		// A server that already died makes pg_ctl fail: say so, without hiding the run's own error.
		try {
			cluster.stop();
		} catch (e) {
			console.error(e);
		}
	}
}
