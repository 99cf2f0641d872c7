import { error } from '@sveltejs/kit';
import { isPublished } from '$lib/domain/period-status';
import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { loadAdminResults } from '$lib/server/results/results-page.service';
import { aspectMeansChart, categoryView } from '$lib/domain/scoring/results-view';
import { readPage } from '$lib/domain/pagination';
import { leniencyView } from '$lib/server/review/score-review.service';
import { m } from '$lib/paraglide/messages';

const FLAGS_PER_PAGE = 25;

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'admin', 'viewer');
	const found = await loadAdminResults(getDb(), event.params.code, new Date());
	if (!found) error(404, m.srv_period_code_not_found({ period: event.params.code }));
	const { period, doc, review, aspects } = found;
	const codes = aspects.map((a) => a.code);
	const categoryNames = doc.categories.map((c) => c.name);
	const wanted = event.url.searchParams.get('kategori');
	const current = wanted && categoryNames.includes(wanted) ? wanted : (categoryNames[0] ?? null);
	const flagPages = Math.max(1, Math.ceil(review.flags.length / FLAGS_PER_PAGE));
	const flagPage = Math.min(readPage(event.url.searchParams, 'selisih'), flagPages);
	return {
		canEdit: user.role === 'admin',
		period: {
			code: period.code,
			name: period.name,
			status: period.status,
			instrument: period.instrumentCode
		},
		aspects,
		categories: doc.categories.map((c) => ({ name: c.name, count: c.count, incomplete: c.incomplete })),
		category: current
			? categoryView(
					doc,
					current,
					codes,
					readPage(event.url.searchParams),
					undefined,
					!isPublished(period.status)
				)
			: null,
		chart: aspectMeansChart(doc, codes),
		flags: review.flags.slice((flagPage - 1) * FLAGS_PER_PAGE, flagPage * FLAGS_PER_PAGE).map((f) => ({
			unitCode: f.unitCode,
			indicatorCode: f.indicatorCode,
			spread: f.spread,
			scores: f.scores,
			resolved: f.resolution !== null,
			resolutionNote: f.resolution?.note ?? null
		})),
		flagCount: review.flags.length,
		openFlagCount: review.openFlags.length,
		flagPage,
		flagPages,
		leniency: leniencyView(review.leniency)
	};
};
