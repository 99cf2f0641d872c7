// The headers every answer of the app carries (hooks.server.ts sets them on SvelteKit's answers,
// the survey edge on its own), so that both write them from one list.
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
	'X-Content-Type-Options': 'nosniff',
	'Referrer-Policy': 'strict-origin-when-cross-origin',
	'X-Frame-Options': 'DENY',
	'Permissions-Policy': 'camera=(self), geolocation=(), microphone=()'
};
