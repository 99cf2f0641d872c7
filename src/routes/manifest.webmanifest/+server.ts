import type { RequestHandler } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import { homePathFor } from '$lib/domain/auth/user';

// The installable app (README "Install on a phone"): named in the user's language and opening on
// the signed-in user's own home (an assessor's visits, a unit head's report cards).
const TEXT = {
	id: {
		name: 'Rapor Layanan',
		description: 'Penilaian kinerja unit pelayanan publik dan survei kepuasan masyarakat'
	},
	en: {
		name: 'Rapor Layanan',
		description: 'Public-service unit assessment and citizen satisfaction survey'
	}
} as const;

export const GET: RequestHandler = ({ locals }) => {
	const locale = getLocale() === 'en' ? 'en' : 'id';
	const manifest = {
		id: '/',
		name: TEXT[locale].name,
		short_name: 'Rapor',
		description: TEXT[locale].description,
		lang: locale,
		start_url: locals.user ? homePathFor(locals.user.role) : '/',
		scope: '/',
		display: 'standalone',
		background_color: '#ffffff',
		theme_color: '#0f4c81',
		icons: [
			{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
			{ src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
			{ src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' }
		]
	};
	return new Response(JSON.stringify(manifest), {
		headers: { 'content-type': 'application/manifest+json', 'cache-control': 'private, no-cache' }
	});
};
