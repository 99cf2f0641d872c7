import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { loadPeriodProgress } from '$lib/server/periods/progress.service';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const progress = await loadPeriodProgress(getDb(), event.params.code, new Date());
	if (!progress) error(404, 'Periode tidak ditemukan.');
	return progress;
};
