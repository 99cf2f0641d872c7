// Lists that grow with the number of units (about 80,000 in a national deployment, README
// "Benchmark") are bound in slices. `where x in (…)` binds one parameter per value, and one
// statement may carry at most 32,766 parameters on SQLite and 65,535 on PostgreSQL.

/** Values bound in one `in (…)` list. */
export const IN_LIST_SLICE = 500;

/** The values of `list`, `size` at a time, in order. */
export function* slices<T>(list: readonly T[], size = IN_LIST_SLICE): Generator<T[]> {
	for (let i = 0; i < list.length; i += size) yield list.slice(i, i + size);
}

/**
 * `read` run on each slice of `values` (bound as an `in` list), its rows concatenated in slice
 * order: an order the query sets holds within each slice, not across them.
 */
export async function readInSlices<T, R>(
	values: readonly T[],
	read: (slice: T[]) => Promise<R[]>
): Promise<R[]> {
	const rows: R[] = [];
	for (const slice of slices(values)) for (const row of await read(slice)) rows.push(row);
	return rows;
}
