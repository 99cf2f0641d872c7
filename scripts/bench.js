// `npm run bench`: runs every tests/bench/*.bench.js in order and prints their tables.
// A module's default export is `async () => ({ title, rows, notes, ok })`.
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';

const dir = fileURLToPath(new URL('../tests/bench/', import.meta.url));
let failed = false;
for (const file of readdirSync(dir)
	.filter((f) => f.endsWith('.bench.js'))
	.sort()) {
	const { default: run } = await import(pathToFileURL(join(dir, file)).href);
	const result = await run();
	console.log(`\n== ${result.title} (${file})`);
	console.table(result.rows);
	for (const note of result.notes ?? []) console.log(`  ${note}`);
	if (result.ok === false) failed = true;
}
process.exit(failed ? 1 : 0);
