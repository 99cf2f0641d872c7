import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { readConfig, type AppConfig } from '../../config';
import { getDatabase } from '../../db';
import { registerEdge, type Edge } from '../../http/edge';
import { SECURITY_HEADERS } from '../../http/security-headers';
import { logger } from '../../log/logger';
import { logRequest, type RequestLine } from '../../log/request-log';
import type { OpenDatabase } from '../../db/connection';
import { surveyLimits, type SurveyLimits } from '../survey-config';
import { submissionToken } from './survey-http';
import { submitSurvey, type SubmitInput, type SubmitResult } from './survey.service';

// The survey form's submissions, answered before SvelteKit in the production server (http/edge.ts;
// README "When one machine is not enough"). Only a browser's plain form post that is stored gets
// its 303 here, from the same service as the route /survei/[token]/kirim. Everything else (another
// origin, a client asking for JSON, a body without a length, an address the proxy setting cannot
// read, and every refusal, which re-renders the form with the answers kept) goes on to that route
// with its body replayed, and SvelteKit answers it as it would have without the edge.

const ROUTE = '/survei/[token]/kirim';

export function registerSurveyEdge(): void {
	registerEdge(
		'survey-submission',
		surveySubmissionEdge({
			database: getDatabase,
			config: readConfig,
			limits: surveyLimits,
			now: () => new Date(),
			log: logRequest
		})
	);
}

export interface SurveyEdgeSources {
	database: () => OpenDatabase;
	config: () => Pick<AppConfig, 'origin' | 'bodySizeLimitBytes' | 'addressHeader' | 'xffDepth'>;
	limits: () => SurveyLimits;
	now: () => Date;
	log: (line: RequestLine) => void;
}

export function surveySubmissionEdge(from: SurveyEdgeSources): Edge {
	return (req, res, next) => {
		if (req.method !== 'POST') return false;
		// the token's own form is checked by the service (an unknown link: 404, handed on)
		const unitToken = submissionToken(req.url ?? '');
		if (!unitToken || !isPlainFormPost(req)) return false;
		const config = from.config();
		const length = Number(req.headers['content-length']);
		if (!(length > 0 && length <= config.bodySizeLimitBytes)) return false;
		// SvelteKit refuses a form post from another origin (its CSRF check); it does so itself.
		if (req.headers.origin !== config.origin) return false;
		const ip = clientAddress(req, config);
		if (!ip) return false;

		const started = performance.now();
		void readBody(req)
			.then(async (body) => {
				if (!body) return; // the client went away
				const fields = Object.fromEntries(new URLSearchParams(body.toString('utf8')));
				const input: SubmitInput = { unitToken, fields, ip, limits: from.limits() };
				const result = await submitted(from, input);
				if (!result?.ok) return next(replay(req, body), res);
				const reqId = randomUUID();
				res.writeHead(303, {
					...SECURITY_HEADERS,
					location: `/survei/${unitToken}/terima-kasih`,
					'x-request-id': reqId,
					'content-length': '0'
				});
				res.end();
				from.log({ reqId, method: 'POST', route: ROUTE, status: 303, started, userId: null });
			})
			// A defect of the edge itself must not end the process, as none in SvelteKit's routes does.
			.catch((err: unknown) => {
				logger().error({ err }, 'survey edge failed');
				if (!res.headersSent) res.writeHead(500, SECURITY_HEADERS).end();
			});
		return true;
	};
}

/** null where the service threw: SvelteKit runs it again, and answers and logs a failure that persists. */
async function submitted(from: SurveyEdgeSources, input: SubmitInput): Promise<SubmitResult | null> {
	try {
		return await submitSurvey(from.database(), input, from.now());
	} catch {
		return null;
	}
}

/** A browser's form post: the survey route answers a client asking for JSON with JSON instead. */
function isPlainFormPost(req: IncomingMessage): boolean {
	const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
	return (
		type === 'application/x-www-form-urlencoded' && !(req.headers.accept ?? '').includes('application/json')
	);
}

/**
 * The client's address as adapter-node's getClientAddress reads it (ADDRESS_HEADER, XFF_DEPTH);
 * null where adapter-node would throw, so that SvelteKit answers that case as it does.
 */
export function clientAddress(
	req: IncomingMessage,
	config: Pick<AppConfig, 'addressHeader' | 'xffDepth'>
): string | null {
	const header = config.addressHeader?.toLowerCase();
	if (!header) return req.socket.remoteAddress ?? null;
	const value = req.headers[header];
	if (typeof value !== 'string') return null;
	if (header !== 'x-forwarded-for') return value;
	const addresses = value.split(',');
	if (config.xffDepth < 1 || config.xffDepth > addresses.length) return null;
	return addresses[addresses.length - config.xffDepth].trim();
}

function readBody(req: IncomingMessage): Promise<Buffer | null> {
	return new Promise((resolve) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.once('end', () => resolve(Buffer.concat(chunks)));
		req.once('error', () => resolve(null));
		req.once('aborted', () => resolve(null));
	});
}

/** The request again, its body read from memory: what SvelteKit's node adapter reads of a request. */
function replay(req: IncomingMessage, body: Buffer): IncomingMessage {
	const again = new Readable({
		read() {
			this.push(body);
			this.push(null);
		}
	});
	return Object.assign(again, {
		headers: req.headers,
		rawHeaders: req.rawHeaders,
		method: req.method,
		url: req.url,
		httpVersion: req.httpVersion,
		httpVersionMajor: req.httpVersionMajor,
		httpVersionMinor: req.httpVersionMinor,
		socket: req.socket,
		connection: req.socket,
		complete: true
	}) as unknown as IncomingMessage;
}
