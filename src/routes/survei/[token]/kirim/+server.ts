import { json, redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { surveyLimits } from '$lib/server/survey/survey-config';
import { submitSurvey, type SubmitResult } from '$lib/server/survey/intake/survey.service';
import { submissionProblemText } from '$lib/server/survey/submission-problem-text';
import { m } from '$lib/paraglide/messages';
import { paraglideMiddleware } from '$lib/paraglide/server';

// Where the survey form posts: the lean path (one service call, then 303 to the thank-you page).
// Failures are rare; a browser gets the survey page re-rendered by its form action (same rules,
// same status, the answers kept), a client asking for JSON gets a small JSON body.
export const POST: RequestHandler = async ({ params, request, getClientAddress, fetch, url }) => {
	const body = await request.text();
	const fields = Object.fromEntries(new URLSearchParams(body));
	const result = await submitSurvey(
		getDatabase(),
		{ unitToken: params.token, fields, ip: getClientAddress(), limits: surveyLimits() },
		new Date()
	);
	if (result.ok) redirect(303, `/survei/${params.token}/terima-kasih`);
	const accept = request.headers.get('accept') ?? '';
	if (result.status !== 404 && accept.includes('application/json') && !accept.includes('text/html'))
		return inReaderLanguage(request, () => failureJson(result));
	const page = await fetch(`/survei/${params.token}`, {
		method: 'POST',
		body,
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			accept: 'text/html',
			origin: url.origin,
			cookie: request.headers.get('cookie') ?? ''
		}
	});
	return new Response(page.body, {
		status: result.status,
		headers: { 'content-type': 'text/html; charset=utf-8' }
	});
};

/** Reloading the address of a failed post leads back to the form, never to a 405. */
export const GET: RequestHandler = ({ params }) => redirect(303, `/survei/${params.token}`);

/**
 * This endpoint skips the locale middleware (hooks.server.ts, survey-http.ts: Paraglide clones the
 * body of every request it sees). A refusal is rare, so only then is the reader's language read,
 * from a body-less copy of the request, and the JSON worded in it (README "Where translation happens").
 */
function inReaderLanguage(request: Request, answer: () => Response): Promise<Response> {
	const headersOnly = new Request(request.url, { headers: request.headers });
	return paraglideMiddleware(headersOnly, async () => answer());
}

function failureJson(result: Exclude<SubmitResult, { ok: true }>): Response {
	switch (result.status) {
		case 400:
			return json(
				{
					message: m.srv_survey_incomplete(),
					errors: Object.fromEntries(
						Object.entries(result.problems).map(([f, p]) => [f, submissionProblemText(f, p)])
					)
				},
				{ status: 400 }
			);
		case 403:
			return json(
				{
					message: result.reason === 'reused' ? m.srv_survey_form_reused() : m.srv_survey_form_token_invalid()
				},
				{ status: 403 }
			);
		case 410:
			return json({ message: m.srv_survey_closed() }, { status: 410 });
		case 429:
			return json(
				{ message: m.srv_survey_too_many() },
				{ status: 429, headers: { 'retry-after': String(result.retryAfterSeconds) } }
			);
		default:
			return json({ message: m.error_404() }, { status: 404 });
	}
}
