import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { readConfig } from '$lib/server/config';
import { getDb } from '$lib/server/db';
import { checkHealth } from '$lib/server/health/health.service';

// Public on purpose: monitors call it without a session; it names no path, row or secret.
export const GET: RequestHandler = async () => {
	const config = readConfig();
	const report = await checkHealth({ ...config, db: getDb() }, new Date());
	return json(report, {
		status: report.status === 'ok' ? 200 : 503,
		headers: { 'Cache-Control': 'no-store' }
	});
};
