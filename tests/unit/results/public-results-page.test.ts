import { describe, expect, it } from 'vitest';
import { publicResultsPage } from '../../../src/lib/server/results/public-results-page';
import type { PublicResults, PublicUnitIkm } from '../../../src/lib/server/results/public-results.service';
import type { PublicCategory, PublicRankRow } from '../../../src/lib/domain/scoring/public-view';
import { CATEGORY_ROWS_PER_PAGE } from '../../../src/lib/domain/pagination';

// The public results page lists a long category a page at a time (README, "Public results"): the
// ranking and the IKM list below it page apart, and the ranks stay those of the whole category.

const row = (n: number): PublicRankRow => ({
	rank: n,
	code: `K-${n}`,
	name: `Kelurahan ${n}`,
	ipp: '3,50',
	grade: 'B',
	predikat: 'Baik',
	award: null,
	tie: null
});
const ikm = (n: number, respondents: number): PublicUnitIkm => ({
	code: `K-${n}`,
	name: `Kelurahan ${n}`,
	category: 'Kelurahan',
	respondents,
	target: null,
	konversi: respondents ? 80 : null,
	mutu: respondents ? 'B' : null,
	kinerja: respondents ? 'Baik' : null
});
const category = (name: string, units: number): PublicCategory => ({
	name,
	count: units,
	incomplete: 0,
	awardsWithheld: null,
	stats: null,
	grades: [],
	ranked: Array.from({ length: units }, (_, i) => row(i + 1)),
	incompleteUnits: []
});

function results(kelurahan: number, ikmRows: PublicUnitIkm[]): PublicResults {
	return {
		period: { code: 'P1', name: 'Periode', status: 'published' },
		preview: false,
		firstPublishedAt: null,
		revised: null,
		categories: [category('Kelurahan', kelurahan), category('OPD', 3)],
		winners: [],
		ikm: ikmRows
	};
}
const request = { selected: null, query: '', page: 1, ikmPage: 1 };
const surveyed = (units: number) => Array.from({ length: units }, (_, i) => ikm(i + 1, 10));

describe('public results page', () => {
	it('shows every category’s first page when no category is chosen, whatever page is asked', () => {
		const page = publicResultsPage(results(250, surveyed(250)), { ...request, page: 3, ikmPage: 2 });
		const kel = page.categories[0];
		expect(kel.ranked.map((u) => u.rank)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
		expect(kel.ranking).toEqual({ from: 1, page: 1, pages: 3, total: 250 });
		expect(kel.ikm).toMatchObject({ page: 1, pages: 3, total: 250 });
		expect(page.categories[1].ranked).toHaveLength(3);
		expect(page).not.toHaveProperty('ikm');
	});

	it('pages a chosen category’s ranking and its IKM list apart, and leaves the others empty', () => {
		const page = publicResultsPage(results(250, surveyed(250)), {
			...request,
			selected: 'Kelurahan',
			page: 3,
			ikmPage: 2
		});
		const kel = page.categories[0];
		expect(kel.ranked.map((u) => u.rank)).toEqual(Array.from({ length: 50 }, (_, i) => 201 + i));
		expect(kel.ranking).toEqual({ from: 201, page: 3, pages: 3, total: 250 });
		expect(kel.ikm.rows.map((u) => u.code)[0]).toBe(`K-${CATEGORY_ROWS_PER_PAGE + 1}`);
		expect(kel.ikm).toMatchObject({ from: 101, page: 2, pages: 3, total: 250 });
		expect(page.categories[1].ranked).toEqual([]);
		expect(page.categories[1].ranking.total).toBe(0);
	});

	it('keeps a page past the end on the last page', () => {
		const page = publicResultsPage(results(250, []), { ...request, selected: 'Kelurahan', page: 99 });
		expect(page.categories[0].ranking.page).toBe(3);
	});

	it('sends no IKM rows for a category where no citizen answered', () => {
		const none = Array.from({ length: 250 }, (_, i) => ikm(i + 1, 0));
		const page = publicResultsPage(results(250, none), { ...request, selected: 'Kelurahan' });
		expect(page.categories[0].ikm).toEqual({ rows: [], from: 1, page: 1, pages: 1, total: 0 });
	});

	it('narrows to the search before paging, keeping each unit’s rank in the whole category', () => {
		const page = publicResultsPage(results(250, surveyed(250)), {
			...request,
			selected: 'Kelurahan',
			query: 'kelurahan 24'
		});
		const ranks = page.categories[0].ranked.map((u) => u.rank);
		expect(ranks).toEqual([24, 124, 224, ...Array.from({ length: 10 }, (_, i) => 240 + i)]);
		expect(page.matches).toBe(13);
		expect(page.query).toBe('kelurahan 24');
	});
});
