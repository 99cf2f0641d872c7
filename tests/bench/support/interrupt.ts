// A benchmark stopped with Ctrl-C or `kill` skips its finally blocks, yet pg_ctl's server and the
// app processes run on their own and a national score file is gigabytes: each step registers its
// cleanup here while it runs, and an interruption runs them (newest first) before exiting.

const cleanups = new Set<() => void>();

function interrupted(signal: NodeJS.Signals): void {
	for (const cleanup of [...cleanups].reverse())
		try {
			cleanup();
		} catch (e) {
			console.error(e);
		}
	process.exit(signal === 'SIGINT' ? 130 : 143);
}

/** Runs cleanup (synchronous) if the process is interrupted; the returned function unregisters it. */
export function cleanUpOnInterrupt(cleanup: () => void): () => void {
	if (cleanups.size === 0) {
		process.on('SIGINT', interrupted);
		process.on('SIGTERM', interrupted);
	}
	cleanups.add(cleanup);
	return () => {
		cleanups.delete(cleanup);
		if (cleanups.size === 0) {
			process.off('SIGINT', interrupted);
			process.off('SIGTERM', interrupted);
		}
	};
}
