import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { readCityLogo } from '$lib/server/settings/city-settings.service';
import { m } from '$lib/paraglide/messages';

// Public: the city's logo appears on public results and certificates.
export const GET: RequestHandler = async () => {
	const logo = await readCityLogo(getDb());
	if (!logo) error(404, m.srv_logo_missing());
	return new Response(logo.bytes as BodyInit, {
		headers: { 'content-type': logo.mime, etag: logo.etag, 'cache-control': 'public, max-age=300' }
	});
};
