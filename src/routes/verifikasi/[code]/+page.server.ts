import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { verifyCertificate } from '$lib/server/publication/certificate-verification.service';

// Public: anyone holding a certificate may check it (README "Certificates"). An unknown code is a
// 404 page that says so, never an error.
export const load: PageServerLoad = async ({ params, setHeaders }) => {
	const found = await verifyCertificate(getDb(), params.code.slice(0, 40));
	setHeaders({ 'cache-control': 'no-store' });
	return {
		code: params.code.slice(0, 40),
		certificate: found
			? {
					code: found.code,
					unitName: found.unitName,
					unitCode: found.unitCode,
					category: found.category,
					award: found.award,
					periodCode: found.periodCode,
					periodName: found.periodName,
					revision: found.revision,
					latestRevision: found.latestRevision,
					current: found.current,
					publishedAt: found.publishedAt
				}
			: null
	};
};
