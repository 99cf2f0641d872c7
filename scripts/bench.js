// `npm run bench`: runs every benchmark module in tests/bench (*.bench.ts), prints each figure
// beside its floor and target, and writes the figures to tests/bench/results.md (one section
// per module; sections of modules not run this time are kept). Not part of `npm test`.
//   npm run bench                 all modules
//   npm run bench -- results      only modules whose file name contains "results"
// Each module runs in a process of its own when several are chosen.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);
const { tsImport } = await import('tsx/esm/api');

const only = process.argv.slice(2);
const files = readdirSync('tests/bench')
	.filter((f) => /\.bench\.(ts|js)$/.test(f))
	.filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
	.sort();
if (files.length === 0) {
	console.error(`Tidak ada modul bench yang cocok: ${only.join(' ')}`);
	process.exit(1);
}

// Several modules: each in a process of its own. Peak memory (maxRSS) is a figure of the whole
// process, and the heap a module leaves behind slows the garbage collection of the next: run in
// one process, a module's figures would depend on the modules run before it.
if (files.length > 1) {
	let crashed = false;
	for (const file of files) {
		const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), file], { stdio: 'inherit' });
		if (child.status !== 0) {
			crashed = true;
			console.error(
				`${file}: berhenti dengan kode ${child.status ?? child.signal} / exited with ${child.status ?? child.signal}`
			);
		}
	}
	process.exit(crashed ? 1 : 0);
}

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GB RAM, Node ${process.version}`;
const pad = (s, n) => String(s).padEnd(n);
const verdict = (p) => (p === true ? 'PASS' : p === false ? 'FAIL' : '–');

function table(rows) {
	const w = [6, 5, 5, 6].map((_, i) =>
		Math.max(
			...rows.map((r) => String([r.figure, r.value, r.floor, r.target][i]).length),
			['figure', 'value', 'floor', 'target'][i].length
		)
	);
	const line = (c) =>
		`${pad(c[0], w[0])}  ${pad(c[1], w[1])}  ${pad(c[2], w[2])}  ${pad(c[3], w[3])}  ${c[4]}`;
	return [
		line(['figure', 'value', 'floor', 'target', 'result']),
		...rows.map((r) => line([r.figure, r.value, r.floor, r.target, verdict(r.pass)]))
	].join('\n');
}

function markdown(mod, result, seconds) {
	const lines = [
		`<!-- bench:${mod} -->`,
		`## ${result.title}`,
		'',
		`Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine}; ${seconds.toFixed(0)} s in all.`,
		'',
		'| Figure | Value | Floor | Target | Result |',
		'|---|---|---|---|---|',
		...result.rows.map((r) => `| ${r.figure} | ${r.value} | ${r.floor} | ${r.target} | ${verdict(r.pass)} |`),
		'',
		...result.notes.map((n) => `- ${n}`),
		`<!-- /bench:${mod} -->`
	];
	return lines.join('\n');
}

const out = 'tests/bench/results.md';
let doc = existsSync(out)
	? readFileSync(out, 'utf8')
	: '# Benchmark figures\n\nWritten by `npm run bench` (tests/bench). Floors are what the hardware does without the application; targets come from the issues.\n';
let failed = false;
for (const file of files) {
	const mod = file.replace(/\.bench\.(ts|js)$/, '');
	console.log(`\n=== ${file} ===`);
	const started = performance.now();
	const bench = await tsImport(`../tests/bench/${file}`, import.meta.url);
	if (typeof bench.run !== 'function') {
		// A self-reporting module (default export): it prints and writes its own figures.
		const own = await bench.default();
		console.log(`\n${own.title}`);
		console.table(own.rows);
		for (const n of own.notes ?? []) console.log(`  - ${n}`);
		if (own.ok === false) failed = true;
		continue;
	}
	const result = await bench.run({ log: (s) => console.log(`  ${s}`) });
	const seconds = (performance.now() - started) / 1000;
	console.log(`\n${result.title}\n${table(result.rows)}`);
	for (const n of result.notes) console.log(`  - ${n}`);
	if (result.rows.some((r) => r.pass === false)) failed = true;
	const section = markdown(mod, result, seconds);
	const re = new RegExp(`<!-- bench:${mod} -->[\\s\\S]*?<!-- /bench:${mod} -->`);
	doc = re.test(doc) ? doc.replace(re, section) : `${doc.trimEnd()}\n\n${section}\n`;
}
writeFileSync(out, doc.endsWith('\n') ? doc : doc + '\n');
// Keep the committed file in the repository's format (npm run lint checks it).
execFileSync('npx', ['prettier', '--write', out], { stdio: 'ignore' });
console.log(`\nAngka ditulis ke ${out}.`);
if (failed) console.log('Satu target atau lebih tidak tercapai (lihat tabel).');
process.exit(0);
