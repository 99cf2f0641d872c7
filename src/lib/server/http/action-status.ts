import type { Handle } from '@sveltejs/kit';

/**
 * SvelteKit answers a form action called with `Accept: application/json` (or `*\/*`, what most
 * scripted clients send) with HTTP 200 and `{"type":"failure","status":400,...}` in the body. The
 * README promises a real 4xx for bad input from every client, so the failure's status becomes the
 * response status. SvelteKit's own `enhance`/`deserialize` read the body whatever the status.
 */
export const handleActionFailureStatus: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	if (
		event.request.method !== 'POST' ||
		response.status !== 200 ||
		!response.headers.get('content-type')?.startsWith('application/json')
	)
		return response;
	const text = await response.text();
	let status = 200;
	if (text.startsWith('{"type":"failure"')) {
		try {
			const parsed = JSON.parse(text) as { status?: unknown };
			if (typeof parsed.status === 'number' && parsed.status >= 400 && parsed.status < 600)
				status = parsed.status;
		} catch {
			/* not an action result */
		}
	}
	return new Response(text, { status, headers: response.headers });
};
