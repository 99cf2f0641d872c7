// Map.groupBy arrived in Node 21; the app runs on Node 20 (README: Node 20.19+).

/** The items by key, keys in the order first seen, each group in the items' order. */
export function groupBy<T, K>(items: Iterable<T>, key: (item: T) => K): Map<K, T[]> {
	const out = new Map<K, T[]>();
	for (const item of items) {
		const k = key(item);
		const group = out.get(k);
		if (group) group.push(item);
		else out.set(k, [item]);
	}
	return out;
}
