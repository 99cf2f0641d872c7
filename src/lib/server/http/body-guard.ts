import { error, type Handle } from '@sveltejs/kit';
import { readConfig } from '../config';
import { m } from '$lib/paraglide/messages';

// One guard for every form action and endpoint (README: "bad client input gets a clear 4xx"):
// a body that cannot be read is the client's fault, never a 500 from deep inside a route.

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function statusOf(e: unknown): number | undefined {
	for (let cause = e; cause && typeof cause === 'object'; cause = (cause as { cause?: unknown }).cause) {
		const status = (cause as { status?: unknown }).status;
		if (typeof status === 'number') return status;
	}
	return undefined;
}

function limitLabel(bytes: number): string {
	return `${Math.floor(bytes / 1024 ** 2)} MB`;
}

/**
 * Reading the body fails as 413 (over BODY_SIZE_LIMIT), 415 (not a form) or 400 (unparseable, or
 * cut off on the way). Failing here, before a route looks at the body, is also what keeps an outbox
 * item whose upload was cut off from being answered under its Idempotency-Key: the device's resend
 * of the whole item is then stored (README "When the signal returns").
 */
function guardBodyReaders(request: Request, limit: number): void {
	const formData = request.formData.bind(request);
	const json = request.json.bind(request);
	const tooLarge = (e: unknown) => {
		if (statusOf(e) === 413) error(413, m.http_body_too_large({ limit: limitLabel(limit) }));
	};
	Object.defineProperty(request, 'formData', {
		value: async () => {
			const type = (request.headers.get('content-type') ?? '').split(';', 1)[0].trim().toLowerCase();
			if (!FORM_TYPES.includes(type)) error(415, m.http_body_type({ type: type || '-' }));
			try {
				return await formData();
			} catch (e) {
				tooLarge(e);
				error(400, m.http_body_unreadable());
			}
		}
	});
	Object.defineProperty(request, 'json', {
		value: async () => {
			try {
				return await json();
			} catch (e) {
				tooLarge(e);
				error(400, m.http_json_unreadable());
			}
		}
	});
}

export const handleUnreadableBodies: Handle = ({ event, resolve }) => {
	if (!WRITES.has(event.request.method)) return resolve(event);
	// SvelteKit throws a plain Error (a 500) for the reserved action name `?/default`.
	if (event.url.searchParams.has('/default')) error(404, m.http_no_such_action());
	const limit = readConfig().bodySizeLimitBytes;
	const length = Number(event.request.headers.get('content-length'));
	if (Number.isFinite(length) && length > limit)
		error(413, m.http_body_too_large({ limit: limitLabel(limit) }));
	guardBodyReaders(event.request, limit);
	return resolve(event);
};
