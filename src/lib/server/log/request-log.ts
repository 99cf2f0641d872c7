import { randomUUID } from 'node:crypto';
import type { Handle } from '@sveltejs/kit';
import { logger } from './logger';

// One JSON line per request (README "Production"). The route id (`/survei/[token]`) stands for
// the URL: the raw path carries survey tokens, and no header, cookie or body is ever logged.
export const handleRequestLog: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	const reqId = randomUUID();
	let status = 500;
	try {
		const response = await resolve(event);
		status = response.status;
		try {
			response.headers.set('X-Request-Id', reqId);
		} catch {
			// a response passed through from fetch() has immutable headers; the log line still has the id
		}
		return response;
	} finally {
		logRequest({
			reqId,
			method: event.request.method,
			route: event.route.id,
			status,
			started,
			userId: event.locals.user?.id ?? null
		});
	}
};

export interface RequestLine {
	reqId: string;
	method: string;
	route: string | null;
	status: number;
	/** performance.now() when the request arrived. */
	started: number;
	userId: number | null;
}

/** The request's log line; SvelteKit's hook above and the survey edge (survey-edge.ts) both write it. */
export function logRequest({ started, ...line }: RequestLine): void {
	logger().info({ ...line, ms: Math.round((performance.now() - started) * 10) / 10 }, 'request');
}
