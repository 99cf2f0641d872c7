// JSON answers of the API: errors as {"error": "..."} with a real status, never an HTML page.
export function jsonError(status: number, message: string): Response {
	return new Response(JSON.stringify({ error: message }), {
		status,
		headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }
	});
}

/**
 * The bytes as a one-chunk stream: a Response made from a Uint8Array copies it first, and the
 * results document of a national period is 26 MB per request (README, "Benchmark").
 */
function streamOf(bytes: Uint8Array): ReadableStream<Uint8Array> {
	return new ReadableStream({
		start(controller) {
			controller.enqueue(bytes);
			controller.close();
		}
	});
}

/** A published period's results are public and may be cached briefly; a draft's never. */
export const resultsCache = (published: boolean) => (published ? 'public, max-age=60' : 'private, no-store');

/** An already serialised JSON body (the results cache is served as stored). */
export function jsonText(body: string | Uint8Array, publicCache: boolean): Response {
	return new Response(typeof body === 'string' ? body : streamOf(body), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'cache-control': resultsCache(publicCache)
		}
	});
}
