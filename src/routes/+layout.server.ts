import type { LayoutServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { readConfig } from '$lib/server/config';
import { readCitySettings } from '$lib/server/settings/city-setting.repository';

// Only the whitelisted session user reaches the browser; never a row, hash or token. The
// government's kind, name and logo are public (docs/rules.md §8.8): every page that names it reads them here.
export const load: LayoutServerLoad = async ({ locals }) => {
	const s = await readCitySettings(getDb());
	return {
		user: locals.user,
		government: { kind: s.governmentKind, name: s.governmentName, logoVersion: s.logoFileId },
		// Instants are shown in the office's zone, in the browser as on the server (README, TZ).
		timeZone: readConfig().timeZone
	};
};
