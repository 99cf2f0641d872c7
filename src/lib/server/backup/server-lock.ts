import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

// The server marks the database it serves with `<DATABASE_PATH>.server.pid` for as long as it
// runs, so that `admin restore` can refuse to swap the file under it. SQLite's own locks cannot
// tell: an idle WAL connection holds no lock on the database file. A pid file left by a crash is
// recognised by its process being gone.
export function serverLockPath(databasePath: string): string {
	return `${resolve(databasePath)}.server.pid`;
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		return (e as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/** The pid of a running server holding databasePath, or null. */
export function serverHolding(databasePath: string): number | null {
	let pid: number;
	try {
		pid = Number(readFileSync(serverLockPath(databasePath), 'utf8').trim());
	} catch {
		return null;
	}
	return Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid) ? pid : null;
}

/** Marks databasePath as served by this process; throws when another live server holds it. */
export function holdDatabase(databasePath: string): () => void {
	const other = serverHolding(databasePath);
	if (other !== null) throw new Error(`server lain (pid ${other}) sudah memakai ${resolve(databasePath)}`);
	const path = serverLockPath(databasePath);
	writeFileSync(path, String(process.pid));
	const release = () => {
		if (serverHolding(databasePath) === null) rmSync(path, { force: true });
	};
	process.once('exit', release);
	return release;
}
