import { existsSync } from 'node:fs';

/** Debian's Chromium, or CHROMIUM_PATH; null when neither is there. */
export function chromiumPath() {
	const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
	return candidates.find((p) => p && existsSync(p)) ?? null;
}
