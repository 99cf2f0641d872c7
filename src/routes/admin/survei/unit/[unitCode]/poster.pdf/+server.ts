import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { readConfig } from '$lib/server/config';
import { findSurveyUnitByCode } from '$lib/server/survey/survey-unit.repository';
import { renderSurveyPoster } from '$lib/server/survey/survey-poster.service';
import { readCitySettings } from '$lib/server/settings/city-setting.repository';
import { readCityLogo } from '$lib/server/settings/city-settings.service';
import { pdfResponse } from '$lib/server/http/download';
import { m } from '$lib/paraglide/messages';

export const GET: RequestHandler = async (event) => {
	requireRole(event, 'admin', 'viewer');
	const unit = await findSurveyUnitByCode(getDb(), event.params.unitCode);
	if (!unit) error(404, m.poster_unit_missing());
	const url = `${readConfig().origin.replace(/\/$/, '')}/survei/${unit.surveyToken}`;
	const db = getDb();
	const city = await readCitySettings(db);
	const logo = await readCityLogo(db);
	const pdf = await renderSurveyPoster({
		unitName: unit.name,
		url,
		governmentName: city.governmentName,
		logo: logo?.bytes ?? null
	});
	return pdfResponse(pdf, `poster-survei-${unit.code}.pdf`, { cache: 'no-store' });
};
