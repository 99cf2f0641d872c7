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

export function pageWindow(requested: number, total: number, limit: number): PageWindow {
	const pages = Math.max(1, Math.ceil(total / limit));
	const page = Math.min(Math.max(1, requested), pages);
	return { page, pages, limit, offset: (page - 1) * limit };
}
