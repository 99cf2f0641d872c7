// `npm start`: check the configuration, build if needed, migrate (backup first) and seed, then
// serve the built app (README "Production"). Every environment variable is read and validated by
// src/lib/server/config.ts; this script only hands adapter-node the validated values.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, stop } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);

// The startup steps are TypeScript. They are bundled here in memory with esbuild and imported from
// a data: URL rather than through tsx: tsx's loader hooks stay registered for the life of the
// process, and every dynamic import() the server makes per request (SvelteKit loads a route's
// module that way) became a round trip to the hooks' thread, about a fifth of the CPU of a survey
// submission (tests/bench/survey-results.md). Nothing is written to disk (the service may write
// only its data folder, README "Production"); packages stay outside the bundle, named by the
// absolute address Node resolves them to from here, so the server shares their instances.
const startup = await build({
	entryPoints: ['src/lib/server/cli/serve.ts'],
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	write: false,
	logLevel: 'error',
	plugins: [
		{
			name: 'packages-by-address',
			setup(b) {
				b.onResolve({ filter: /^[^./$]/ }, (args) => ({
					path: import.meta.resolve(args.path),
					external: true
				}));
			}
		}
	]
});
await stop();
// Named for stack traces, which would otherwise print the whole data: URL in every frame.
const code = `${startup.outputFiles[0].text}\n//# sourceURL=rapor-startup-bundle.js`;
const serve = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);

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
const { server } = await import(pathToFileURL(`${root}/${buildDir}/index.js`).href);
// The survey submission's fast path, registered by the app's init hook (src/lib/server/http/edge.ts).
if (!serve.putEdgesInFront(server))
	console.warn('Jalur cepat survei tidak terpasang: server adapter-node tidak dikenali.');
console.log(`Rapor Layanan siap di ${config.origin}`);
