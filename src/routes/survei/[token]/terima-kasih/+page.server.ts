import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDatabase } from '$lib/server/db';
import { openSurvey } from '$lib/server/survey/intake/survey.service';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async ({ params }) => {
	const survey = await openSurvey(getDatabase(), params.token, new Date());
	if (!survey) error(404, m.error_404());
	return { unitName: survey.unit.name, token: params.token };
};
