// `npm start`: build if needed, migrate and seed, then serve the built app (README: Running).
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);
const env = process.env;
env.HOST ??= '127.0.0.1';
env.PORT ??= '3000';
env.ORIGIN ??= `http://${env.HOST}:${env.PORT}`;
env.BODY_SIZE_LIMIT ??= '12M';
env.TZ ??= 'Asia/Jakarta';

if (!existsSync('build/index.js')) execSync('npm run build', { stdio: 'inherit' });

const { tsImport } = await import('tsx/esm/api');
const { prepareDatabase } = await tsImport('../src/lib/server/cli/prepare.ts', import.meta.url);
await prepareDatabase();
await import('../build/index.js');
console.log(`Rapor Layanan siap di ${env.ORIGIN}`);
