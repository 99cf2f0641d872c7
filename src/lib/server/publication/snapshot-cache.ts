import type { ResultsDocument } from '../../domain/scoring/results-shape';

// A publication row is written once and never changed: a correction publishes a new revision
// beside it (docs/rules.md §8.3). So the document parsed from one row can serve every later
// reader of that row. At national scale a snapshot is about 27 MB of JSON and takes 0.6 s to
// parse (README, "Benchmark"); a report card reads its period's snapshot and those of every
// published period for its trend, and a unit head's home reads them all.
//
// Documents are kept per database handle, newest use last, while the JSON they came from adds
// up to at most a budget; the one just read always stays. They are frozen, so a
// reader that tried to change a shared document would fail at once instead of changing what
// the next reader sees.

interface Entry {
	chars: number;
	document: Promise<ResultsDocument>;
}

/** The identity of a stored snapshot: its row and the moment it was written. */
export interface SnapshotKey {
	publicationId: number;
	publishedAt: number;
}

export interface SnapshotCache {
	/** The parsed, frozen snapshot of a publication row; `read` fetches its JSON on a miss. */
	parsed(db: object, key: SnapshotKey, read: () => Promise<string>): Promise<ResultsDocument>;
}

export function createSnapshotCache(budgetChars: number): SnapshotCache {
	const cachesByDb = new WeakMap<object, Map<string, Entry>>();
	return {
		parsed(db, key, read) {
			let cache = cachesByDb.get(db);
			if (!cache) cachesByDb.set(db, (cache = new Map()));
			const id = `${key.publicationId}@${key.publishedAt}`;
			const hit = cache.get(id);
			if (hit) {
				cache.delete(id);
				cache.set(id, hit);
				return hit.document;
			}
			const entries = cache;
			const entry: Entry = { chars: 0, document: read().then(parse) };
			function parse(json: string): ResultsDocument {
				entry.chars = json.length;
				evictBeyondBudget(entries, id, budgetChars);
				return deepFreeze(JSON.parse(json) as ResultsDocument);
			}
			entry.document = entry.document.catch((error: unknown) => {
				entries.delete(id);
				throw error;
			});
			cache.set(id, entry);
			return entry.document;
		}
	};
}

/** The server's cache: about three national snapshots (27 MB of JSON each). */
export const publishedSnapshots = createSnapshotCache(96 * 1024 * 1024);

function evictBeyondBudget(cache: Map<string, Entry>, keep: string, budgetChars: number): void {
	let total = 0;
	for (const entry of cache.values()) total += entry.chars;
	for (const [id, entry] of cache) {
		if (total <= budgetChars) return;
		if (id === keep || entry.chars === 0) continue;
		cache.delete(id);
		total -= entry.chars;
	}
}

function deepFreeze<T>(value: T): T {
	if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
		Object.freeze(value);
		for (const inner of Object.values(value)) deepFreeze(inner);
	}
	return value;
}
