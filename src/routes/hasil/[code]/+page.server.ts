import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { loadPublicResults } from '$lib/server/results/public-results.service';
import { publicResultsPage } from '$lib/server/results/public-results-page';
import { readCitySettings } from '$lib/server/settings/city-setting.repository';
import { IKM_PAGE_PARAM, readPage } from '$lib/domain/pagination';
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
	return {
		...publicResultsPage(results, {
			selected,
			query: url.searchParams.get('cari') ?? '',
			page: readPage(url.searchParams),
			ikmPage: readPage(url.searchParams, IKM_PAGE_PARAM)
		}),
		signatoryBlank
	};
};
