import type { Handle } from '@sveltejs/kit';

// Pages and JSON go out gzipped when the client accepts it (README "Install on a phone and offline
// work": a public results page of 67 KB is 7 KB gzipped, which is what a slow link feels). Built
// with the platform's CompressionStream: no dependency, and streamed, so nothing is buffered.
// Files the app sends (PDF, XLSX, photos) are compressed already or not worth it; small answers
// cost more in headers than they save.

const COMPRESSIBLE =
	/^(text\/(html|css|plain|csv|javascript)|application\/(json|javascript|manifest\+json|xml))\b/;
const MIN_BYTES = 1024;

/** Whether `Accept-Encoding` takes gzip (a `q=0` refuses it). */
export function acceptsGzip(acceptEncoding: string | null): boolean {
	for (const part of (acceptEncoding ?? '').toLowerCase().split(',')) {
		const [name, ...params] = part.trim().split(';');
		if (name !== 'gzip' && name !== '*') continue;
		const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
		return !q || Number(q.slice(2)) > 0;
	}
	return false;
}

/** Whether this answer is worth compressing for this request. */
export function shouldCompress(request: Request, response: Response): boolean {
	if (request.method === 'HEAD' || !response.body) return false;
	if (response.status < 200 || response.status === 204 || response.status === 206 || response.status === 304)
		return false;
	if (response.headers.has('content-encoding')) return false;
	if (!COMPRESSIBLE.test(response.headers.get('content-type') ?? '')) return false;
	const length = response.headers.get('content-length');
	if (length !== null && Number(length) < MIN_BYTES) return false;
	return acceptsGzip(request.headers.get('accept-encoding'));
}

/** Whether the answer could differ by `Accept-Encoding`, so shared caches must key on it. */
function variesByEncoding(response: Response): boolean {
	const length = response.headers.get('content-length');
	return (
		COMPRESSIBLE.test(response.headers.get('content-type') ?? '') &&
		(length === null || Number(length) >= MIN_BYTES)
	);
}

function addVary(headers: Headers): void {
	const current = headers.get('vary');
	if (!current?.toLowerCase().includes('accept-encoding'))
		headers.set('vary', current ? `${current}, Accept-Encoding` : 'Accept-Encoding');
}

export const handleCompression: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	if (!shouldCompress(event.request, response)) {
		if (variesByEncoding(response)) {
			try {
				addVary(response.headers);
			} catch {
				// an immutable Response (a fetch passed through): left as it is
			}
		}
		return response;
	}
	const headers = new Headers(response.headers);
	headers.set('content-encoding', 'gzip');
	headers.delete('content-length');
	addVary(headers);
	return new Response(response.body!.pipeThrough(new CompressionStream('gzip')), {
		status: response.status,
		statusText: response.statusText,
		headers
	});
};
