// What a list's address says of a search: the text typed in its search box (`q`) and, for lists
// of units, the category chosen (`kategori`). Every search box
// takes the same bound, so that a pasted page of text is cut, or refused by a JSON endpoint, the
// same way everywhere.

/** The longest search text a list, a unit field or the public results search takes. */
export const SEARCH_TEXT_MAX = 100;

/** A search text as typed: trimmed, and cut at SEARCH_TEXT_MAX characters. */
export function boundedSearchText(raw: string | null | undefined): string {
	return (raw ?? '').trim().slice(0, SEARCH_TEXT_MAX);
}

/** A unit the office picks by typing part of its code or name. */
export interface UnitSuggestion {
	code: string;
	name: string;
	category: string;
}

export interface UnitListFilter {
	/** the search text, bounded; '' when none */
	q: string;
	/** the chosen category's id; undefined for all categories */
	categoryId: number | undefined;
}

/** The `q` and `kategori` of a unit list's address; a `kategori` that is not an id reads as all. */
export function readUnitListFilter(params: URLSearchParams): UnitListFilter {
	const category = Number(params.get('kategori'));
	return {
		q: boundedSearchText(params.get('q')),
		categoryId: Number.isSafeInteger(category) && category > 0 ? category : undefined
	};
}
