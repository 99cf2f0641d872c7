import type { Handle } from '@sveltejs/kit';

/**
 * Plain form posts to the survey (browsers without JavaScript, scripted clients sending Accept
 * star/star) must get real statuses (303, 400, 403, 410, 429) and an HTML page, not SvelteKit's
 * JSON envelope that answers 200. Only `use:enhance`, which asks for application/json, keeps JSON.
 */
export const handleSurveyPosts: Handle = ({ event, resolve }) => {
	if (
		event.request.method === 'POST' &&
		event.url.pathname.startsWith('/survei/') &&
		!(event.request.headers.get('accept') ?? '').includes('application/json')
	) {
		// in place: a request's headers are mutable, and cloning the request costs every POST
		event.request.headers.set('accept', 'text/html');
	}
	return resolve(event);
};

const SUBMISSION = /^\/survei\/([^/]+)\/kirim$/;

/** The unit's link token of a path the survey form posts to (`/survei/{token}/kirim`); null for any other path. */
export function submissionToken(pathname: string): string | null {
	return SUBMISSION.exec(pathname)?.[1] ?? null;
}

/**
 * The lean survey endpoint renders nothing itself (a 303, JSON, or the page re-rendered through an
 * internal request that does pass through the locale middleware), so it can skip Paraglide's
 * per-request clone of the request body: the largest single cost of a submission.
 */
export function isSurveySubmission(event: { request: Request; url: URL }): boolean {
	return event.request.method === 'POST' && submissionToken(event.url.pathname) !== null;
}
