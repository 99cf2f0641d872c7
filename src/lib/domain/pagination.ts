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
