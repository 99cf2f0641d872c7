import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** CHROMIUM_PATH, or the system's Chromium (Debian's package, or `chromium` on the PATH); null when neither. */
export function chromiumPath() {
	const onPath = (process.env.PATH ?? '')
		.split(delimiter)
		.filter(Boolean)
		.flatMap((dir) => [join(dir, 'chromium'), join(dir, 'chromium-browser')]);
	const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', ...onPath];
	return candidates.find((p) => p && existsSync(p)) ?? null;
}

/**
 * The Chromium the browser tests drive, in the README's order: CHROMIUM_PATH, the system's
 * Chromium, then the headless Chromium inside the pinned `@sparticuz/chromium` dev dependency
 * (unpacked under the temp folder on first use), so `npm ci && npm test` needs only Node.
 */
export async function findChromium() {
	const system = chromiumPath();
	if (system) return system;
	try {
		const { default: packaged } = await import('@sparticuz/chromium');
		return await packaged.executablePath();
	} catch {
		return null;
	}
}

/** Launch flags that work for both: `@sparticuz/chromium`'s own `args` crash outside AWS Lambda. */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-zygote'];
