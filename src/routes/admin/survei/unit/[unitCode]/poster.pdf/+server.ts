import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { readConfig } from '$lib/server/config';
import { findSurveyUnitByCode } from '$lib/server/repositories/survey-unit.repository';
import { renderSurveyPoster } from '$lib/server/services/survey-poster.service';

export const GET: RequestHandler = async (event) => {
	requireRole(event, 'admin', 'viewer');
	const unit = await findSurveyUnitByCode(getDb(), event.params.unitCode);
	if (!unit) error(404, 'Unit tidak ditemukan.');
	const url = `${readConfig().origin.replace(/\/$/, '')}/survei/${unit.surveyToken}`;
	const pdf = await renderSurveyPoster({ unitName: unit.name, url });
	return new Response(new Uint8Array(pdf), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `inline; filename="poster-survei-${unit.code}.pdf"`,
			'cache-control': 'no-store'
		}
	});
};
