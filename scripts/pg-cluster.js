// A throwaway PostgreSQL cluster for `npm test` (and the two-process tests): initdb in a temp
// folder, pg_ctl on a free port, removed by stop(). Debian's `postgresql` package provides the
// binaries under /usr/lib/postgresql/<version>/bin; PATH is tried too.
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const INSTALL_HINT =
	'PostgreSQL tidak ditemukan: pasang dengan `apt-get install -y postgresql` (initdb dan pg_ctl).\n' +
	'PostgreSQL not found: install it with `apt-get install -y postgresql` (initdb and pg_ctl).';

/** The folder holding initdb and pg_ctl, or null. */
export function findPostgresBin() {
	const root = '/usr/lib/postgresql';
	if (existsSync(root)) {
		const versions = readdirSync(root)
			.filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
			.sort((a, b) => Number(b) - Number(a));
		if (versions.length) return join(root, versions[0], 'bin');
	}
	const which = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
	const found = which.status === 0 ? which.stdout.trim() : '';
	return found && existsSync(join(found, '..', 'pg_ctl')) ? join(found, '..') : null;
}

/** @returns {Promise<number>} */
function freePort() {
	return new Promise((resolve, reject) => {
		const s = createServer();
		s.once('error', reject);
		s.listen(0, '127.0.0.1', () => {
			const { port } = /** @type {import('node:net').AddressInfo} */ (s.address());
			s.close(() => resolve(port));
		});
	});
}

/**
 * Starts a cluster; returns { url, stop }. PostgreSQL refuses to run as root, so as root the
 * cluster belongs to the `postgres` user the Debian package creates and runs through runuser.
 */
export async function startCluster(bin = findPostgresBin()) {
	if (!bin) throw new Error(INSTALL_HINT);
	const dir = mkdtempSync(join(tmpdir(), 'rapor-pg-'));
	const data = join(dir, 'data');
	const asRoot = process.getuid?.() === 0;
	const pwd = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
	if (asRoot) {
		if (pwd.status !== 0)
			throw new Error(
				'berjalan sebagai root tanpa pengguna `postgres` / running as root without a `postgres` user'
			);
		const uid = Number(pwd.stdout.trim());
		const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
		chownSync(dir, uid, gid);
		chmodSync(dir, 0o700);
	}
	/** @param {string} cmd @param {string[]} args */
	const run = (cmd, args) => {
		const r = asRoot
			? spawnSync('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args], { encoding: 'utf8' })
			: spawnSync(join(bin, cmd), args, { encoding: 'utf8' });
		if (r.status !== 0) throw new Error(`${cmd} gagal / failed: ${r.stderr || r.stdout}`);
	};
	const port = await freePort();
	run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '-N']);
	// A test cluster: durability off, sockets only in its own folder, TCP on 127.0.0.1.
	const options = [
		`-p ${port}`,
		`-k ${dir}`,
		"-c listen_addresses='127.0.0.1'",
		'-c fsync=off',
		'-c synchronous_commit=off',
		'-c full_page_writes=off',
		'-c max_connections=300'
	].join(' ');
	run('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'server.log'), '-w', 'start']);
	let stopped = false;
	return {
		url: `postgres://postgres@127.0.0.1:${port}/postgres`,
		port,
		stop() {
			if (stopped) return;
			stopped = true;
			try {
				run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
			} finally {
				rmSync(dir, { recursive: true, force: true });
			}
		}
	};
}
