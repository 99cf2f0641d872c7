import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { readConfig } from '$lib/server/config';
import { buildCertificatePdf } from '$lib/server/publication/certificate.service';
import { pdfResponse } from '$lib/server/http/download';
import { m } from '$lib/paraglide/messages';

// GET /hasil/{period}/piagam/{unitCode}.pdf: the certificate of one award winner.
export const GET: RequestHandler = async ({ params, locals }) => {
	const config = readConfig();
	const role = locals.user?.role ?? null;
	const r = await buildCertificatePdf(
		getDb(),
		{
			periodCode: params.code,
			unitCode: params.unit,
			role,
			timeZone: config.timeZone,
			origin: config.origin
		},
		new Date()
	);
	if (!r) error(404, m.fm_unit_no_award({ unit: params.unit, period: params.code }));
	return pdfResponse(r.pdf, r.fileName, {
		cache: role === null ? 'public, max-age=300' : 'private, no-store'
	});
};
