// JSON answers of the API: errors as {"error": "..."} with a real status, never an HTML page.
export function jsonError(status: number, message: string): Response {
	return new Response(JSON.stringify({ error: message }), {
		status,
		headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }
	});
}

/** An already serialised JSON body (the results cache is served as stored). */
export function jsonText(body: string | Uint8Array, publicCache: boolean): Response {
	return new Response(typeof body === 'string' ? body : (body as Uint8Array<ArrayBuffer>), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'cache-control': publicCache ? 'public, max-age=60' : 'private, no-store'
		}
	});
}
