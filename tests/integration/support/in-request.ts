import { paraglideMiddleware } from '../../../src/lib/paraglide/server';

/** Runs `run` inside a request whose language cookie is `locale`, as src/hooks.server.ts does. */
export function inRequest<T>(locale: 'id' | 'en', run: () => Promise<T>): Promise<T> {
	let out!: T;
	const request = new Request('http://127.0.0.1/admin', {
		headers: { cookie: `PARAGLIDE_LOCALE=${locale}` }
	});
	return paraglideMiddleware(request, async () => {
		out = await run();
		return new Response('');
	}).then(() => out);
}
