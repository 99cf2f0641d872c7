// `npm start`: check the configuration, build if needed, migrate (backup first) and seed, then
// serve the built app (README "Production"). Every environment variable is read and validated by
// src/lib/server/config.ts; this script only hands adapter-node the validated values.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);

const { tsImport } = await import('tsx/esm/api');
const serve = await tsImport('../src/lib/server/cli/serve.ts', import.meta.url);

function refuse(e) {
	const lines = serve.startProblems(e);
	if (!lines) throw e;
	for (const line of lines) console.error(line);
	process.exit(1);
}

let config;
try {
	config = serve.readStartupConfig();
} catch (e) {
	refuse(e);
}

// RAPOR_BUILD_DIR: another build of the app inside this folder (a test's newer build); default `build`.
const buildDir = process.env.RAPOR_BUILD_DIR ?? 'build';
if (!existsSync(`${buildDir}/index.js`)) execSync('npm run build', { stdio: 'inherit' });

try {
	Object.assign(process.env, await serve.prepareToServe(config));
} catch (e) {
	refuse(e);
}
await import(pathToFileURL(`${root}/${buildDir}/index.js`).href);
console.log(`Rapor Layanan siap di ${config.origin}`);
