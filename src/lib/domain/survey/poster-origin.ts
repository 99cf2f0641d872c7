// Posters carry the absolute survey address built from ORIGIN (README, "Survey posters"). An
// address on the loopback interface only works on the server itself, so a poster printed with it
// sends every citizen's phone nowhere.

/** True when the origin's host is this machine only (localhost, 127.0.0.0/8, ::1, 0.0.0.0). */
export function isLoopbackOrigin(origin: string): boolean {
	let host: string;
	try {
		host = new URL(origin).hostname.toLowerCase();
	} catch {
		return true;
	}
	return (
		host === 'localhost' ||
		host.endsWith('.localhost') ||
		/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host) ||
		host === '[::1]' ||
		host === '0.0.0.0'
	);
}
