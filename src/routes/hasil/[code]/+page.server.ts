import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { loadPublicResults } from '$lib/server/results/public-results.service';
import { readCitySettings } from '$lib/server/settings/city-setting.repository';
import { matchesUnit, searchWords } from '$lib/domain/text/unit-search';
import { m } from '$lib/paraglide/messages';

// Public page (README: /hasil/{periodCode}, everyone once published). No sign-in needed;
// administrators and viewers may preview a period that is not yet published.
export const load: PageServerLoad = async ({ params, url, locals, setHeaders }) => {
	const results = await loadPublicResults(getDb(), params.code, locals.user?.role ?? null, new Date());
	if (!results) error(404, m.fm_results_not_found({ period: params.code }));
	if (results.preview) setHeaders({ 'cache-control': 'private, no-store' });
	const wanted = url.searchParams.get('kategori');
	const selected = results.categories.some((c) => c.name === wanted) ? wanted : null;
	// The office is warned before printing certificates with an empty signature block.
	const signatoryBlank =
		locals.user?.role === 'admin' && !(await readCitySettings(getDb())).signatoryName?.trim();
	// "Cari unit": the ranks stay those of the whole category; only the rows shown are narrowed.
	const query = (url.searchParams.get('cari') ?? '').trim().slice(0, 100);
	const words = searchWords(query);
	if (words.length === 0) return { ...results, selected, signatoryBlank, query: '', matches: null };
	const categories = results.categories
		.map((c) => ({
			...c,
			ranked: c.ranked.filter((u) => matchesUnit(u, words)),
			incompleteUnits: c.incompleteUnits.filter((name) => matchesUnit({ name, code: '' }, words))
		}))
		.filter((c) => c.ranked.length + c.incompleteUnits.length > 0);
	const ikm = results.ikm.filter((u) => matchesUnit(u, words));
	const matches = categories.reduce((n, c) => n + c.ranked.length + c.incompleteUnits.length, 0);
	return { ...results, categories, ikm, selected, signatoryBlank, query, matches };
};
