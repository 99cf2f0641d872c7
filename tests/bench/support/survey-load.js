// The survey-intake load of the benchmarks (survey.bench.js on SQLite, postgres.bench.ts on
// PostgreSQL): fresh signed single-use form tokens issued before the run, autocannon POSTs, and
// the figures of one run. README "Benchmark".
import { createHmac, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
// @ts-expect-error autocannon ships no type declarations
import autocannon from 'autocannon';

/** Same format as src/lib/domain/survey/form-token.ts: v1.unit.nonce.issuedAt36.hmac */
/** @param {Buffer} key @param {number} unitId @param {number} now */
function signToken(key, unitId, now) {
	const nonce = randomBytes(16).toString('base64url');
	const mac = createHmac('sha256', key).update(`${unitId}|${nonce}|${now}`).digest('base64url');
	return `v1.${unitId}.${nonce}.${now.toString(36)}.${mac}`;
}

/** @typedef {{ id: number, survey_token: string }} Unit */
/** @typedef {{ path: string, body: string }} Item */
/** @param {Buffer} key @param {Unit[]} units @param {number} count @param {string} suffix @returns {Item[]} */
export function bodies(key, units, count, suffix = '') {
	const now = Date.now();
	const out = [];
	for (let i = 0; i < count; i++) {
		const u = units[i % units.length];
		const answers = Array.from({ length: 9 }, (_, k) => `u${k + 1}=${1 + ((i + k) % 4)}`).join('&');
		out.push({
			path: `/survei/${u.survey_token}${suffix}`,
			body: `form_token=${encodeURIComponent(signToken(key, u.id, now))}&${answers}&sex=P&age_band=30-39&website=`
		});
	}
	return out;
}

/** @param {string} url @param {Item[]} items @param {string} origin @param {number} connections @returns {Promise<any>} */
export function load(url, items, origin, connections = 50) {
	let next = 0;
	return autocannon({
		url,
		connections,
		amount: items.length,
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
		requests: [
			{
				setupRequest: (/** @type {object} */ req) => {
					const item = items[next++ % items.length];
					return { ...req, path: item.path, body: item.body };
				}
			}
		]
	});
}

/** @param {string} name @param {any} r @param {number} expected */
export function summarize(name, r, expected) {
	const ok = r.statusCodeStats?.[String(expected)]?.count ?? 0;
	const seconds = r.duration;
	return {
		server: name,
		requests: r.requests.total,
		[`${expected} answers`]: ok,
		other: r.requests.total - ok,
		'responses/s': Math.round(ok / seconds),
		'p50 ms': r.latency.p50,
		'p99 ms': r.latency.p99,
		'server CPU ms/response': r.cpuPerRequest === null ? 'n/a' : r.cpuPerRequest.toFixed(3)
	};
}

/** CPU time (ms) a process has used so far, from /proc (Linux); null elsewhere. */
export function cpuMs(/** @type {number | undefined} */ pid) {
	try {
		const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
		return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
	} catch {
		return null;
	}
}

/** @param {string} url @param {Item[]} items @param {string} origin @param {number | undefined} pid @param {number} connections */
export async function measured(url, items, origin, pid, connections = 50) {
	const before = cpuMs(pid);
	const result = await load(url, items, origin, connections);
	const after = cpuMs(pid);
	result.cpuPerRequest = before === null || after === null ? null : (after - before) / items.length;
	return result;
}
