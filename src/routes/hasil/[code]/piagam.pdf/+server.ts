import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { readConfig } from '$lib/server/config';
import { buildCertificatePdf } from '$lib/server/publication/certificate.service';
import { pdfResponse } from '$lib/server/http/download';
import { m } from '$lib/paraglide/messages';

// GET /hasil/{period}/piagam.pdf: every award certificate of the period in one PDF.
export const GET: RequestHandler = async ({ params, locals }) => {
	const config = readConfig();
	const role = locals.user?.role ?? null;
	const r = await buildCertificatePdf(
		getDb(),
		{ periodCode: params.code, unitCode: null, role, timeZone: config.timeZone, origin: config.origin },
		new Date()
	);
	if (!r) error(404, m.fm_certificates_not_found({ period: params.code }));
	return pdfResponse(r.pdf, r.fileName, {
		cache: role === null ? 'public, max-age=300' : 'private, no-store'
	});
};
