// docs/rules.md §8.8: the administrator's category order is the order of every list of categories. Names
// missing from the order (a category since removed) follow, alphabetically.

/** Sorts by position in `order`, then by Indonesian alphabetical order. */
export function sortByCategoryOrder<T>(
	items: readonly T[],
	order: readonly string[] | undefined,
	nameOf: (item: T) => string
): T[] {
	const index = new Map((order ?? []).map((name, i) => [name, i]));
	const pos = (item: T) => index.get(nameOf(item)) ?? Number.MAX_SAFE_INTEGER;
	return [...items].sort((a, b) => pos(a) - pos(b) || nameOf(a).localeCompare(nameOf(b), 'id'));
}
