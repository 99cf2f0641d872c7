export interface PageWindow {
	page: number;
	pages: number;
	limit: number;
	offset: number;
}

/** Reads a 1-based page number from user input; anything odd falls back to the first page. */
export function readPageNumber(raw: string | null): number {
	const n = Number(raw);
	return Number.isInteger(n) && n >= 1 && n <= 1_000_000 ? n : 1;
}

/**
 * The one page parameter of every paged list (`?hal=`, for "halaman"). `page` was the name of some
 * lists before and is still read, so bookmarked links keep working.
 */
export const PAGE_PARAM = 'hal';
const OLD_PAGE_PARAM = 'page';

/** The requested page of a list, bounded (a huge, negative or fractional value reads as page 1). */
export function readPage(params: URLSearchParams, name: string = PAGE_PARAM): number {
	const raw = params.get(name) ?? (name === PAGE_PARAM ? params.get(OLD_PAGE_PARAM) : null);
	return readPageNumber(raw);
}

export function pageWindow(requested: number, total: number, limit: number): PageWindow {
	const pages = Math.max(1, Math.ceil(total / limit));
	const page = Math.min(Math.max(1, requested), pages);
	return { page, pages, limit, offset: (page - 1) * limit };
}

/**
 * The requested page of a list the database pages, read through `fetch(limit, offset)`. A page past
 * the end (an old link after rows were removed, a typed `?hal=999`) answers the last page, as
 * `pageWindow` does for lists held in memory; only then is a second query made.
 */
export async function fetchPage<T extends { total: number }>(
	requested: number,
	limit: number,
	fetch: (limit: number, offset: number) => Promise<T>
): Promise<{ result: T; window: PageWindow }> {
	const first = await fetch(limit, (requested - 1) * limit);
	const window = pageWindow(requested, first.total, limit);
	return { result: window.page === requested ? first : await fetch(window.limit, window.offset), window };
}

/**
 * Rows of one category a results page lists at a time. A city's category rarely reaches it; a
 * national deployment has tens of thousands of units a category (README, "Benchmark"), and a page
 * that listed them all weighed tens of megabytes.
 */
export const CATEGORY_ROWS_PER_PAGE = 100;

/** One page of a list: its rows, which page it is, how many pages and rows there are in all. */
export interface ListPage<T> {
	rows: T[];
	/** Position of the first row in the whole list, from 1. */
	from: number;
	page: number;
	pages: number;
	total: number;
}

export function pageOf<T>(
	rows: readonly T[],
	requested: number,
	limit = CATEGORY_ROWS_PER_PAGE
): ListPage<T> {
	const win = pageWindow(requested, rows.length, limit);
	return {
		rows: rows.slice(win.offset, win.offset + limit),
		from: win.offset + 1,
		page: win.page,
		pages: win.pages,
		total: rows.length
	};
}

/** The page of a results page's IKM list, which pages apart from the ranking above it. */
export const IKM_PAGE_PARAM = 'hal_ikm';
