import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { openReportCard } from '$lib/server/report-cards/report-card-request.service';
import { renderReportCardPdf } from '$lib/server/report-cards/report-card-pdf';
import { readCityLogo } from '$lib/server/settings/city-settings.service';
import { pdfResponse } from '$lib/server/http/download';

export const GET: RequestHandler = async (event) => {
	const user = requireUser(event);
	const found = await openReportCard(
		getDb(),
		user,
		event.params.unitCode,
		event.params.periodCode,
		new Date()
	);
	if (!found.ok) error(found.status, found.message);
	const { card, unitCode, periodCode } = found.value;
	const pdf = await renderReportCardPdf(card, (await readCityLogo(getDb()))?.bytes ?? null);
	const name = `rapor-${unitCode}-${periodCode}.pdf`.replace(/[^A-Za-z0-9._-]/g, '_');
	return pdfResponse(pdf, name, { disposition: 'attachment', cache: 'private, no-store' });
};
