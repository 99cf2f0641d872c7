// `npm test`: every layer (unit, integration, browser end to end) and one closing line.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findChromium } from '../tests/e2e/support/chromium-path.js';
import { findPostgresBin, INSTALL_HINT, startCluster } from './pg-cluster.js';

const out = mkdtempSync(join(tmpdir(), 'rapor-test-'));
let passed = 0;
let failed = 0;
let ok = true;
// Named again after the last line, so that a log cut to its tail still says what failed.
const failures = [];

function vitest(label, args, env = process.env) {
	const json = join(out, `${label}.json`);
	const run = spawnSync(
		'npx',
		['vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${json}`],
		{
			stdio: 'inherit',
			env
		}
	);
	if (existsSync(json)) {
		const r = JSON.parse(readFileSync(json, 'utf8'));
		passed += r.numPassedTests;
		for (const file of r.testResults ?? []) {
			const names = (file.assertionResults ?? []).filter((t) => t.status === 'failed').map((t) => t.fullName);
			if (names.length === 0 && file.status === 'failed')
				names.push(file.message?.split('\n')[0] ?? 'suite failed');
			for (const name of names) failures.push(`[${label}] ${file.name}: ${name}`);
		}
		failed +=
			r.numFailedTests + (r.numTotalTestSuites > 0 && r.success === false && r.numFailedTests === 0 ? 1 : 0);
	} else failed += 1;
	if (run.status !== 0) ok = false;
}

// PostgreSQL, a throwaway cluster started here (README "When one machine is not enough"): the
// integration suite runs on SQLite and then again on PostgreSQL, each test file in its own database
// (tests/integration/support); tests that move data between the engines use it on both runs.
const pgBin = findPostgresBin();
const cluster = pgBin ? await startCluster(pgBin) : null;
try {
	vitest('unit-integration', ['--project', 'unit', '--project', 'integration'], {
		...process.env,
		...(cluster ? { TEST_POSTGRES_URL: cluster.url } : {})
	});
	if (!cluster) {
		console.error(`\n${INSTALL_HINT}\n`);
		ok = false;
		failed += 1;
	} else {
		console.log('\nIntegration tests on PostgreSQL');
		vitest('integration-postgres', ['--project', 'integration'], {
			...process.env,
			TEST_DATABASE_URL: cluster.url
		});
		console.log('\nTwo app processes on one PostgreSQL database');
		vitest('processes', ['--project', 'processes'], { ...process.env, TEST_POSTGRES_URL: cluster.url });
	}
} finally {
	cluster?.stop();
}

// Found once here (unpacking @sparticuz/chromium when there is no system Chromium) and handed on.
const chromium = await findChromium();
if (!chromium) {
	console.error(
		'\nChromium tidak ditemukan: jalankan `npm ci` (memasang @sparticuz/chromium), pasang `chromium`, atau tetapkan CHROMIUM_PATH.\n' +
			'Chromium not found: run `npm ci` (installs @sparticuz/chromium), install `chromium`, or set CHROMIUM_PATH.'
	);
	ok = false;
	failed += 1;
} else {
	process.env.CHROMIUM_PATH ??= chromium;
	vitest('e2e', ['--project', 'e2e']);
}

for (const failure of failures) console.log(`failed: ${failure}`);
console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(ok && failed === 0 ? 0 : 1);
