import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { openReportCard } from '$lib/server/report-cards/report-card-request.service';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const found = await openReportCard(
		getDb(),
		user,
		event.params.unitCode,
		event.params.periodCode,
		new Date()
	);
	if (!found.ok) error(found.status, found.message);
	return {
		card: found.value.card,
		ikm: found.value.ikm,
		signals: found.value.signals,
		objections: found.value.objections,
		canManage: user.role === 'admin'
	};
};
