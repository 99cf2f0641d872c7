import { matchesUnit, searchWords } from '../../domain/text/unit-search';
import { pageOf } from '../../domain/pagination';
import { boundedSearchText } from '../../domain/list-filter';
import { hasRespondents } from '../../domain/survey/view';
import type { PublicResults } from './public-results.service';

// What the public results page (/hasil/{code}) sends of a period's results: one chosen category
// or all, narrowed by "Cari unit", and only the categories on show carry rows, a page at a time
// (CATEGORY_ROWS_PER_PAGE). All categories show their first page; a chosen category pages through
// its ranking and, apart, its IKM list.

export interface PublicPageRequest {
	/** A category of the period, or null for all. */
	selected: string | null;
	query: string;
	page: number;
	ikmPage: number;
}

export function publicResultsPage(results: PublicResults, request: PublicPageRequest) {
	const { selected } = request;
	// "Cari unit": the ranks stay those of the whole category; only the rows shown are narrowed.
	const query = boundedSearchText(request.query);
	const words = searchWords(query);
	const { categories: allCategories, ikm: allIkm, ...header } = results;
	const searched = words.length > 0 ? narrowToSearch(allCategories, allIkm, words) : null;
	const categories = searched?.categories ?? allCategories;
	const ikm = searched?.ikm ?? allIkm;
	const onShow = (name: string) => selected === null || name === selected;
	const page = selected === null ? 1 : request.page;
	const ikmPage = selected === null ? 1 : request.ikmPage;
	return {
		...header,
		selected,
		query: searched ? query : '',
		matches: searched?.matches ?? null,
		categories: categories.map((c) => {
			const ranking = pageOf(onShow(c.name) ? c.ranked : [], page);
			return {
				...c,
				ranked: ranking.rows,
				ranking: { from: ranking.from, page: ranking.page, pages: ranking.pages, total: ranking.total },
				ikm: pageOf(onShow(c.name) ? surveyed(ikm.filter((u) => u.category === c.name)) : [], ikmPage)
			};
		})
	};
}

function narrowToSearch(all: PublicResults['categories'], allIkm: PublicResults['ikm'], words: string[]) {
	const categories = all
		.map((c) => ({
			...c,
			ranked: c.ranked.filter((u) => matchesUnit(u, words)),
			incompleteUnits: c.incompleteUnits.filter((name) => matchesUnit({ name, code: '' }, words))
		}))
		.filter((c) => c.ranked.length + c.incompleteUnits.length > 0);
	const ikm = allIkm.filter((u) => matchesUnit(u, words));
	const matches = categories.reduce((n, c) => n + c.ranked.length + c.incompleteUnits.length, 0);
	return { categories, ikm, matches };
}

/** A category's IKM rows, or none when no unit of it has a respondent: the page then says so once. */
function surveyed(rows: PublicResults['ikm']): PublicResults['ikm'] {
	return rows.some(hasRespondents) ? rows : [];
}
