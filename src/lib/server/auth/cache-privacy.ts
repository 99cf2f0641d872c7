/**
 * A response that carries a session cookie or was made for a signed-in user must never be stored
 * by a shared cache: a proxy would hand the cookie (or the user's view) to the next visitor. Such
 * responses become `private`; anonymous answers keep their public cache header.
 */
export function keepPersonalResponsesPrivate(response: Response, signedIn: boolean): Response {
	const personal = signedIn || response.headers.has('set-cookie');
	const cacheControl = response.headers.get('cache-control');
	if (!personal) return response;
	const privateValue =
		cacheControl && /\bpublic\b/i.test(cacheControl)
			? cacheControl.replace(/\bpublic\b/gi, 'private')
			: (cacheControl ?? 'private');
	if (privateValue === cacheControl) return response;
	try {
		response.headers.set('cache-control', privateValue);
		return response;
	} catch {
		// Immutable headers (a fetched response): copy once.
		const copy = new Response(response.body, response);
		copy.headers.set('cache-control', privateValue);
		return copy;
	}
}
