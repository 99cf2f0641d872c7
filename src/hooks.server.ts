import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { m } from '$lib/paraglide/messages';
import { getDb } from '$lib/server/db';
import { migrateToLatest } from '$lib/server/db/migrate';
import { handleSurveyPosts, isSurveySubmission } from '$lib/server/survey/intake/survey-http';
import { handleActionFailureStatus } from '$lib/server/http/action-status';
import { handleUnreadableBodies } from '$lib/server/http/body-guard';
import { handleRequestLog } from '$lib/server/log/request-log';
import { handleCompression } from '$lib/server/http/compression';
import {
	SESSION_COOKIE,
	clearSessionCookie,
	setSessionCookie,
	validateSessionToken
} from '$lib/server/auth/session';
import { keepPersonalResponsesPrivate } from '$lib/server/auth/cache-privacy';
import { SECURITY_HEADERS } from '$lib/server/http/security-headers';
import { registerSurveyEdge } from '$lib/server/survey/intake/survey-edge';
import { readConfig } from '$lib/server/config';
import { setDisplayTimeZone } from '$lib/i18n/display';

export const init: ServerInit = async () => {
	// npm start migrates before serving; this keeps `vite dev` and ad-hoc runs consistent too.
	await migrateToLatest(getDb());
	registerSurveyEdge();
	setDisplayTimeZone(readConfig().timeZone);
};

const handleAuth: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.sessionId = null;
	event.locals.sessionExpired = false;
	const token = event.cookies.get(SESSION_COOKIE);
	if (token) {
		const secure = event.url.protocol === 'https:';
		const session = await validateSessionToken(getDb(), token, new Date());
		if (session) {
			event.locals.user = session.user;
			event.locals.sessionId = session.id;
			if (session.renewed) setSessionCookie(event.cookies, token, session.expiresAt, secure);
		} else {
			event.locals.sessionExpired = true;
			clearSessionCookie(event.cookies, secure);
		}
	}
	return keepPersonalResponsesPrivate(await resolve(event), event.locals.user !== null);
};

/**
 * The page's language; and the app's name as the title of a page that renders in the browser only
 * (`ssr = false`: the offline shell), which otherwise reaches the tab and screen readers without
 * one until its script has run. A server-rendered page brings its own title.
 */
function finishPageChunk(html: string, locale: string): string {
	const page = html.replace('%lang%', locale);
	if (!page.includes('</head>') || page.includes('<title>')) return page;
	return page.replace('</head>', `<title>${m.app_name()}</title></head>`);
}

const handleLocale: Handle = ({ event, resolve }) =>
	isSurveySubmission(event)
		? resolve(event)
		: paraglideMiddleware(event.request, ({ request, locale }) => {
				event.request = request;
				return resolve(event, { transformPageChunk: ({ html }) => finishPageChunk(html, locale) });
			});

const handleSecurityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
	return response;
};

export const handle = sequence(
	handleRequestLog,
	handleCompression,
	handleSecurityHeaders,
	handleActionFailureStatus,
	handleSurveyPosts,
	handleLocale,
	handleUnreadableBodies,
	handleAuth
);

export const handleError: HandleServerError = ({ error, status }) => {
	if (status >= 500) console.error(error);
	// Runs inside the request's paraglide middleware, so the message speaks the reader's language.
	return { message: status === 404 ? m.error_404() : m.error_500() };
};
