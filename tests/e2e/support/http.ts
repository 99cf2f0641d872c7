import Database from 'better-sqlite3';
import { inject } from 'vitest';
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
export async function http(path: string, options: HttpOptions = {}): Promise<Response> {
	const method = options.method ?? (options.body === undefined ? 'GET' : 'POST');
	try {
		return await send(path, method, options);
	} catch (e) {
		// `runAdmin` (spawnSync) blocks this process's event loop for seconds, so a pooled keep-alive
		// connection can be closed by the server unnoticed and the next request meets a closed socket.
		// A GET changes nothing: it is sent once more on a new connection. A server that is down
		// fails again.
		const socketClosed = (e as { cause?: { code?: string } }).cause?.code === 'UND_ERR_SOCKET';
		if (method !== 'GET' || !socketClosed) throw e;
		return send(path, method, options);
	}
}

function send(path: string, method: string, options: HttpOptions): Promise<Response> {
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

/** One read of the e2e server's database (read-only; the server keeps writing). */
export function dbRead<T>(sql: string, ...params: unknown[]): T[] {
	const conn = new Database(inject('databasePath'), { readonly: true, fileMustExist: true });
	try {
		return conn.prepare(sql).all(...params) as T[];
	} finally {
		conn.close();
	}
}

/** A visit of a running period that the given assessor is on. */
export function visitOf(email: string): number {
	const [row] = dbRead<{ id: number }>(
		`select v.id from visit v join visit_assessor va on va.visit_id = v.id join user u on u.id = va.user_id
		 join period p on p.id = v.period_id where u.email = ? and p.status = 'running' order by v.id limit 1`,
		email
	);
	if (!row) throw new Error(`no running visit for ${email}`);
	return row.id;
}
