import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { runForm } from '$lib/server/http/form-action';
import { refuseFields } from '$lib/server/service-result';
import { loadReviewPage, type FlagFilter, type FlagGrouping } from '$lib/server/review/review-page.service';
import { resolveDisagreements } from '$lib/server/review/flag-resolution.service';
import { readFlagKeys, resolutionForm } from '$lib/server/review/review-form';
import { readPage } from '$lib/domain/pagination';
import { m } from '$lib/paraglide/messages';

const FILTERS: FlagFilter[] = ['open', 'resolved', 'all'];
const GROUPINGS: FlagGrouping[] = ['unit', 'indicator'];

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const q = event.url.searchParams;
	const filter = FILTERS.find((f) => f === q.get('tampil')) ?? 'open';
	const group = GROUPINGS.find((g) => g === q.get('kelompok')) ?? 'unit';
	const review = await loadReviewPage(getDb(), event.params.code, filter, readPage(q), {
		group,
		unit: q.get('unit')?.trim() || null,
		indicator: q.get('indikator') || null
	});
	if (!review) error(404, m.srv_review_period_missing({ period: event.params.code }));
	return { ...review, done: q.get('selesai') };
};

/**
 * One flag (`?/resolve`) or the ticked flags (`?/resolveMany`), all or none. Back to the same view,
 * at the group that was worked on, so the page stays in place without JavaScript too.
 */
async function resolve(event: RequestEvent, form: 'one' | 'many') {
	const user = requireRole(event, 'admin');
	const data = await event.request.formData();
	// The single form also answers to separate `unit` and `indicator` fields, as it always has.
	const named = data.getAll('flag');
	const single = form === 'one' && named.length === 0 && data.has('unit');
	const chosen = readFlagKeys(single ? [`${data.get('unit')}|${data.get('indicator') ?? ''}`] : named);
	const key =
		form === 'one'
			? String(single ? `${data.get('unit')}|${data.get('indicator')}` : (named[0] ?? ''))
			: null;
	const keys = chosen.ok ? chosen.keys : [];
	const r = await runForm(
		data,
		resolutionForm(),
		async (input) =>
			chosen.ok
				? resolveDisagreements(
						getDb(),
						{ periodCode: event.params.code, userId: user.id, flags: keys, ...input },
						new Date()
					)
				: refuseFields(400, { _form: chosen.error }),
		{ tag: { form, key } }
	);
	if (!r.ok) return r.failure;
	const { resolved, extraVisits } = r.value;
	const [first] = keys;
	const done = [
		resolved === 1
			? m.review_done_one({ unit: first.unitCode, indicator: first.indicatorCode })
			: m.review_done_many({ count: resolved }),
		extraVisits.length
			? m.review_done_visits({ units: extraVisits.map((v) => `${v.unitCode} (${v.visitNo})`).join(', ') })
			: ''
	].join(' ');
	const back = new URLSearchParams(event.url.searchParams);
	for (const key of [...back.keys()]) if (key.startsWith('/')) back.delete(key);
	back.set('selesai', done.trim());
	const group = back.get('kelompok') === 'indicator' ? first.indicatorCode : first.unitCode;
	redirect(303, `${event.url.pathname}?${back.toString()}#grup-${encodeURIComponent(group)}`);
}

export const actions: Actions = {
	resolve: (event) => resolve(event, 'one'),
	resolveMany: (event) => resolve(event, 'many')
};
