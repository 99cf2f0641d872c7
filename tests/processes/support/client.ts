import { ORIGIN, type AppProcess } from './app-processes';

// Plain HTTP to one app process, as the reverse proxy forwards it: the client's address in
// X-Forwarded-For and, on posts, the public ORIGIN that SvelteKit's CSRF check compares against.
export const DEMO_PASSWORD = 'Demo#Rapor2026';
export const CLIENT_IP = '203.0.113.10';

export interface SendOptions {
	cookie?: string;
	body?: BodyInit;
	headers?: Record<string, string>;
	ip?: string;
}

export function send(to: AppProcess, path: string, options: SendOptions = {}): Promise<Response> {
	const post = options.body !== undefined;
	return fetch(`${to.base}${path}`, {
		method: post ? 'POST' : 'GET',
		body: options.body,
		redirect: 'manual',
		headers: {
			'x-forwarded-for': options.ip ?? CLIENT_IP,
			...(post ? { origin: ORIGIN, accept: 'text/html' } : {}),
			...(options.cookie ? { cookie: options.cookie } : {}),
			...options.headers
		}
	});
}

/** The sign-in form's answer. */
export function postSignIn(to: AppProcess, email: string, password: string, ip?: string): Promise<Response> {
	return send(to, '/login', { body: new URLSearchParams({ email, password }), ip });
}

/** Signs in through one process; returns the Cookie header value of the new session. */
export async function signIn(to: AppProcess, email: string, ip?: string): Promise<string> {
	const res = await postSignIn(to, email, DEMO_PASSWORD, ip);
	const cookie = res.headers.getSetCookie().find((c) => c.startsWith('rl_session='));
	if (res.status !== 303 || !cookie) throw new Error(`sign-in of ${email} at ${to.name}: ${res.status}`);
	return cookie.split(';')[0];
}

/** POST of a JSON body (the score sheet's autosave). */
export function postJson(to: AppProcess, path: string, cookie: string, value: unknown): Promise<Response> {
	return send(to, path, {
		cookie,
		body: JSON.stringify(value),
		headers: { 'content-type': 'application/json', accept: 'application/json' }
	});
}
