import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NOW, NO_LIMITS, answers, countResponses, createSurveyFixture, type SurveyFixture } from './fixture';
import { issueFormToken } from '../../../src/lib/server/survey/intake/survey.service';
import { clientAddress, surveySubmissionEdge } from '../../../src/lib/server/survey/intake/survey-edge';
import { SECURITY_HEADERS } from '../../../src/lib/server/http/security-headers';
import type { SurveyLimits } from '../../../src/lib/server/survey/survey-config';
import type { RequestLine } from '../../../src/lib/server/log/request-log';

// The survey edge (src/lib/server/http/edge.ts) answers a stored submission itself and hands
// every other request on to SvelteKit with its body intact. Here "SvelteKit" is a stand-in that
// records what it was handed; the built server's own answers are tested in tests/e2e/survey.test.ts.
let t: SurveyFixture;
let server: Server;
let origin: string;
let handedOn: { method?: string; url?: string; accept?: string; body: string }[];
let limits: SurveyLimits;
let logged: RequestLine[];
let database: () => SurveyFixture;

beforeEach(async () => {
	t = await createSurveyFixture();
	handedOn = [];
	logged = [];
	database = () => t;
	limits = NO_LIMITS;
	const next = (req: IncomingMessage, res: ServerResponse) => {
		let body = '';
		req.setEncoding('utf8');
		req.on('data', (c: string) => (body += c));
		req.on('end', () => {
			handedOn.push({ method: req.method, url: req.url, accept: req.headers.accept, body });
			res.writeHead(299).end();
		});
	};
	const edge = surveySubmissionEdge({
		database: () => database(),
		config: () => ({ origin, bodySizeLimitBytes: 4096, addressHeader: null, xffDepth: 1 }),
		limits: () => limits,
		now: () => NOW,
		log: (line) => logged.push(line)
	});
	server = createServer((req, res) => edge(req, res, next) || next(req, res));
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(async () => {
	await new Promise((r) => server.close(r));
	await t.cleanup();
});

const post = (path: string, body: string, headers: Record<string, string> = {}) =>
	fetch(`${origin}${path}`, {
		method: 'POST',
		redirect: 'manual',
		body,
		headers: { 'content-type': 'application/x-www-form-urlencoded', origin, accept: 'text/html', ...headers }
	});
const form = async (fields: Record<string, string> = answers()) =>
	new URLSearchParams({ ...fields, form_token: await issueFormToken(t, t.units.a.id, NOW) }).toString();
const target = `/survei/tokenunitsatu01/kirim`;

describe('the survey edge in front of SvelteKit', () => {
	it('answers a stored submission with 303 to the thank-you page and the security headers', async () => {
		const res = await post(target, await form());
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe('/survei/tokenunitsatu01/terima-kasih');
		for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(res.headers.get(name)).toBe(value);
		expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
		expect(logged).toMatchObject([
			{ reqId: res.headers.get('x-request-id'), method: 'POST', route: '/survei/[token]/kirim', status: 303 }
		]);
		expect(await countResponses(t)).toBe(1);
		expect(handedOn).toEqual([]);
	});

	it('hands a refused submission on with the same body, and stores nothing more', async () => {
		const used = await form();
		expect((await post(target, used)).status).toBe(303);
		const incomplete = await form({ u1: '3', u2: 'ä 9' });
		for (const body of [used, incomplete]) expect((await post(target, body)).status).toBe(299);
		expect(handedOn).toEqual([
			{ method: 'POST', url: target, accept: 'text/html', body: used },
			{ method: 'POST', url: target, accept: 'text/html', body: incomplete }
		]);
		// SvelteKit logs what it answers; the edge logged only its own answer
		expect(logged.map((l) => l.status)).toEqual([303]);
		expect(await countResponses(t)).toBe(1);
	});

	it('hands a refusal over the rate limit on, so that SvelteKit words it', async () => {
		limits = { enabled: true, perIp: { max: 1, windowMs: 60_000 }, perUnit: { max: 100, windowMs: 60_000 } };
		const statuses = [];
		for (let i = 0; i < 3; i++) statuses.push((await post(target, await form())).status);
		expect(statuses).toEqual([303, 299, 299]);
		expect(await countResponses(t)).toBe(1);
	});

	it('leaves other requests to SvelteKit untouched: another origin, JSON, other paths, an unknown link', async () => {
		const body = await form();
		expect((await post(target, body, { origin: 'https://elsewhere.example' })).status).toBe(299);
		expect((await post(target, body, { accept: 'application/json' })).status).toBe(299);
		expect((await post(target, body, { 'content-type': 'multipart/form-data; boundary=x' })).status).toBe(
			299
		);
		expect((await post('/survei/tokenunitsatu01', body)).status).toBe(299);
		expect((await post(`${target}?x=1`, body)).status).toBe(299);
		expect((await post('/survei/tidakadatoken99/kirim', body)).status).toBe(299);
		expect((await post(target, `${body}&suggestion=${'x'.repeat(5000)}`)).status).toBe(299);
		expect(handedOn.map((h) => h.body)).toEqual([
			body,
			body,
			body,
			body,
			body,
			body,
			`${body}&suggestion=${'x'.repeat(5000)}`
		]);
		expect(await countResponses(t)).toBe(0);
		// the untouched form is still good: nothing above used its token
		expect((await post(target, body)).status).toBe(303);
	});
});

describe('a failure inside the edge', () => {
	it('hands the request on when the service throws, and the server keeps answering', async () => {
		database = () => {
			throw new Error('database gone');
		};
		const body = await form();
		expect((await post(target, body)).status).toBe(299);
		expect(handedOn.map((h) => h.body)).toEqual([body]);
		database = () => t;
		expect((await post(target, body)).status).toBe(303);
	});
});

describe('the client address the edge rate-limits by', () => {
	const req = (headers: Record<string, string>) =>
		({ headers, socket: { remoteAddress: '10.0.0.9' } }) as unknown as IncomingMessage;
	const proxied = { addressHeader: 'X-Forwarded-For', xffDepth: 1 };

	it('reads it as adapter-node does: the socket, or the proxy header at the configured depth', () => {
		expect(clientAddress(req({}), { addressHeader: null, xffDepth: 1 })).toBe('10.0.0.9');
		expect(clientAddress(req({ 'x-forwarded-for': '1.1.1.1, 2.2.2.2' }), proxied)).toBe('2.2.2.2');
		expect(clientAddress(req({ 'x-forwarded-for': '1.1.1.1, 2.2.2.2' }), { ...proxied, xffDepth: 2 })).toBe(
			'1.1.1.1'
		);
		expect(clientAddress(req({ 'x-real-ip': '3.3.3.3' }), { addressHeader: 'x-real-ip', xffDepth: 1 })).toBe(
			'3.3.3.3'
		);
	});

	it('gives none where adapter-node would fail the request, so SvelteKit answers it', () => {
		expect(clientAddress(req({}), proxied)).toBeNull();
		expect(clientAddress(req({ 'x-forwarded-for': '1.1.1.1' }), { ...proxied, xffDepth: 2 })).toBeNull();
	});
});
