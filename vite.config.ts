import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { defineConfig } from 'vitest/config';

export default defineConfig(({ command }) => ({
	plugins: [
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			strategy: ['cookie', 'baseLocale'],
			// A built page carries only the messages it uses (one module per message): with one
			// module per language every page carried all 1,600 messages of both languages, 176 KB
			// of script to parse on a slow phone (README "On a slow link"). The dev
			// server and the tests keep one module per language: thousands of files would slow them.
			outputStructure: command === 'build' ? 'message-modules' : 'locale-modules'
		}),
		sveltekit()
	],
	build: {
		rollupOptions: {
			// Fewer files on a first visit: over HTTP/1.1 a browser opens six connections to a host,
			// so on a 300 ms link each further round of files costs a round trip (README "On a slow
			// link"). The Svelte and SvelteKit runtime, which every page needs, is one chunk; shared
			// chunks under 25 KB are merged into larger ones.
			output: {
				experimentalMinChunkSize: 80_000,
				manualChunks: (id) =>
					/\/node_modules\/(svelte|@sveltejs\/kit|esm-env|devalue|clsx)\//.test(id) ? 'runtime' : undefined
			}
		}
	},
	test: {
		projects: [
			{
				extends: true,
				// Property tests and the 80,000-unit scale check take seconds on a busy 2-core machine.
				test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', testTimeout: 20_000 }
			},
			{
				extends: true,
				test: {
					name: 'integration',
					include: ['tests/integration/**/*.test.ts'],
					environment: 'node',
					pool: 'forks',
					// On PostgreSQL every query is a network round trip instead of a call into the
					// process (README "Tests"): the same tests, more time on a shared 2-core machine.
					// On SQLite too, a first PDF render (fonts) or argon2 hash can pass 5 s when both
					// cores are busy; a test is a check of behaviour, not of speed (`npm run bench`).
					...(process.env.TEST_DATABASE_URL
						? { testTimeout: 30_000, hookTimeout: 60_000 }
						: { testTimeout: 20_000, hookTimeout: 30_000 })
				}
			},
			{
				// Two built servers on one PostgreSQL database (README "When one machine is not
				// enough"); scripts/test.js runs it on its throwaway cluster, alone it starts one.
				extends: true,
				test: {
					name: 'processes',
					include: ['tests/processes/**/*.test.ts'],
					environment: 'node',
					testTimeout: 60_000,
					hookTimeout: 600_000,
					fileParallelism: false
				}
			},
			{
				extends: true,
				test: {
					name: 'e2e',
					include: ['tests/e2e/**/*.test.ts'],
					environment: 'node',
					globalSetup: ['tests/e2e/support/global-setup.ts'],
					testTimeout: 60_000,
					hookTimeout: 120_000,
					fileParallelism: false
				}
			}
		]
	}
}));
