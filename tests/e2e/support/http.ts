import { baseURL } from './browser';

// Plain HTTP against the built app, as a scripted client would send it (README: Origin header).
export const DEMO_PASSWORD = 'Demo#Rapor2026';

export const DEMO = {
	admin: 'admin@kotacontoh.go.id',
	viewer: 'walikota@kotacontoh.go.id',
	assessor: 'dr.ratna@unc.ac.id',
	otherAssessor: 'agus.prasetyo@unc.ac.id',
	head: 'lurah.mrican@kotacontoh.go.id',
	otherHead: 'kapus.selatan@kotacontoh.go.id'
} as const;

/** Signs in through the login form; returns the Cookie header value of the new session. */
export async function httpSignIn(email: string, password = DEMO_PASSWORD, ip?: string): Promise<string> {
	const res = await fetch(`${baseURL()}/login`, {
		method: 'POST',
		body: new URLSearchParams({ email, password }),
		headers: {
			origin: baseURL(),
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded',
			...(ip ? { 'x-forwarded-for': ip } : {})
		},
		redirect: 'manual'
	});
	const cookie = res.headers.getSetCookie().find((c) => c.startsWith('rl_session='));
	if (res.status !== 303 || !cookie) throw new Error(`sign-in of ${email} failed: ${res.status}`);
	return cookie.split(';')[0];
}

export interface HttpOptions {
	cookie?: string;
	method?: string;
	body?: BodyInit;
	headers?: Record<string, string>;
}

/** One request without following redirects; POSTs carry the Origin SvelteKit's CSRF check wants. */
export function http(path: string, options: HttpOptions = {}): Promise<Response> {
	const method = options.method ?? (options.body === undefined ? 'GET' : 'POST');
	return fetch(`${baseURL()}${path}`, {
		method,
		body: options.body,
		redirect: 'manual',
		headers: {
			// A browser's form post: SvelteKit answers `Accept: */*` action posts with JSON instead.
			...(method !== 'GET' ? { origin: baseURL(), accept: 'text/html' } : {}),
			...(options.cookie ? { cookie: options.cookie } : {}),
			...options.headers
		}
	});
}
