import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { readConfig } from '$lib/server/config';
import { isoDateIn } from '$lib/domain/format';
import { authorizeReportCard, loadReportCard } from '$lib/server/services/report-card.service';
import { presentReportCard } from '$lib/server/services/report-card-view';
import { loadLiveResults } from '$lib/server/services/live-results.service';
import { unitIkm } from '$lib/server/services/survey-results.service';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const db = getDb();
	const auth = await authorizeReportCard(db, user, event.params.unitCode, event.params.periodCode);
	if (!auth.ok) error(auth.status, auth.message);
	const today = isoDateIn(new Date(), readConfig().timeZone);
	const card = await loadReportCard(
		db,
		auth.value.unit,
		auth.value.period,
		(p) => loadLiveResults(db, p),
		today
	);
	const ikm = await unitIkm(db, auth.value.period.id, auth.value.unit.id);
	return { card: presentReportCard(card), ikm, canManage: user.role === 'admin' };
};
