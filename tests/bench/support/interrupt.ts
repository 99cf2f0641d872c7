// A benchmark stopped with Ctrl-C or `kill`, or by an uncaught error event (a `pg` connection
// dropped by its server), skips its finally blocks, yet pg_ctl's server and the app processes run
// on their own and a national score file is gigabytes: each step registers its cleanup here while
// it runs, and such an ending runs them (newest first) before exiting.

const cleanups = new Set<() => void>();

function cleanUp(): void {
	for (const cleanup of [...cleanups].reverse())
		try {
			cleanup();
		} catch (e) {
			console.error(e);
		}
}

function interrupted(signal: NodeJS.Signals): void {
	cleanUp();
	process.exit(signal === 'SIGINT' ? 130 : 143);
}

function crashed(error: unknown): void {
	console.error(error);
	cleanUp();
	process.exit(1);
}

/** Runs cleanup (synchronous) if the process is interrupted or crashes; the returned function unregisters it. */
export function cleanUpOnInterrupt(cleanup: () => void): () => void {
	if (cleanups.size === 0) {
		process.on('SIGINT', interrupted);
		process.on('SIGTERM', interrupted);
		process.on('uncaughtException', crashed);
	}
	cleanups.add(cleanup);
	return () => {
		cleanups.delete(cleanup);
		if (cleanups.size === 0) {
			process.off('SIGINT', interrupted);
			process.off('SIGTERM', interrupted);
			process.off('uncaughtException', crashed);
		}
	};
}
