import type Database from 'better-sqlite3';
import type { PeriodWindow } from '../../../domain/survey';

// The citizen-facing survey path: prepared once per connection, then one round of cheap statements
// per request (the benchmark's 1,000 responses/s target leaves no room for query building).

export interface SurveyUnit {
	id: number;
	code: string;
	name: string;
}

export interface OnlineResponse {
	periodId: number;
	unitId: number;
	submittedAt: number;
	answers: readonly number[];
	sex: string | null;
	ageBand: string | null;
	education: string | null;
	occupation: string | null;
	service: string | null;
	suggestion: string | null;
}

function prepare(sqlite: Database.Database) {
	return {
		unitByToken: sqlite.prepare<[string], SurveyUnit>(
			'select id, code, name from unit where survey_token = ? and active = 1'
		),
		// A draft period collects nothing (docs/rules.md §8.6), an archived one no longer.
		windowsOfUnit: sqlite.prepare<[number], PeriodWindow>(
			`select p.id, p.code, p.name, p.survey_from as "from", p.survey_to as "to"
			 from period p join period_unit pu on pu.period_id = p.id
			 where pu.unit_id = ? and p.status not in ('draft', 'archived')`
		),
		useNonce: sqlite.prepare<[string, number]>(
			'insert into survey_token_use (nonce, used_at) values (?, ?) on conflict do nothing'
		),
		insertResponse: sqlite.prepare(
			`insert into survey_response (period_id, unit_id, submitted_at, u1, u2, u3, u4, u5, u6, u7, u8, u9,
			 sex, age_band, education, occupation, service, suggestion, suggestion_status, source)
			 values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'online')`
		),
		hit: sqlite.prepare<[string, number], { count: number }>(
			`insert into rate_limit (key, window_start, count) values (?, ?, 1)
			 on conflict (key, window_start) do update set count = count + 1 returning count`
		),
		purgeLimits: sqlite.prepare<[number]>('delete from rate_limit where window_start < ?'),
		purgeNonces: sqlite.prepare<[number]>('delete from survey_token_use where used_at < ?')
	};
}

const cache = new WeakMap<Database.Database, ReturnType<typeof prepare>>();

function statements(sqlite: Database.Database) {
	let s = cache.get(sqlite);
	if (!s) {
		s = prepare(sqlite);
		cache.set(sqlite, s);
	}
	return s;
}

export function findSurveyUnitByToken(sqlite: Database.Database, token: string): SurveyUnit | null {
	return statements(sqlite).unitByToken.get(token) ?? null;
}

/** Survey windows of the periods that cover the unit (archived periods take no more answers). */
export function listSurveyWindowsOfUnit(sqlite: Database.Database, unitId: number): PeriodWindow[] {
	return statements(sqlite).windowsOfUnit.all(unitId);
}

interface Pending {
	nonce: string;
	response: OnlineResponse;
	resolve: (stored: boolean) => void;
	reject: (e: unknown) => void;
}

// Group commit: submissions arriving in the same event-loop turn share one transaction, so 50
// concurrent citizens cost one WAL commit instead of 50. Each nonce is still checked and used
// inside that transaction, and nobody is answered before the commit that holds their row.
const queues = new WeakMap<Database.Database, Pending[]>();

function flush(sqlite: Database.Database): void {
	const batch = queues.get(sqlite) ?? [];
	queues.delete(sqlite);
	const s = statements(sqlite);
	let results: boolean[];
	try {
		results = sqlite.transaction(() =>
			batch.map(({ nonce, response: r }) => {
				if (s.useNonce.run(nonce, r.submittedAt).changes === 0) return false;
				s.insertResponse.run(
					r.periodId,
					r.unitId,
					r.submittedAt,
					...r.answers,
					r.sex,
					r.ageBand,
					r.education,
					r.occupation,
					r.service,
					r.suggestion,
					r.suggestion ? 'pending' : null
				);
				return true;
			})
		)();
	} catch (e) {
		for (const p of batch) p.reject(e);
		return;
	}
	batch.forEach((p, i) => p.resolve(results[i]));
}

/**
 * Records the nonce and the response together; false when the nonce was already used (the
 * duplicate guard), in which case nothing is stored.
 */
export function recordOnlineResponse(
	sqlite: Database.Database,
	nonce: string,
	response: OnlineResponse
): Promise<boolean> {
	return new Promise((resolve, reject) => {
		let queue = queues.get(sqlite);
		if (!queue) {
			queue = [];
			queues.set(sqlite, queue);
			setImmediate(() => flush(sqlite));
		}
		queue.push({ nonce, response, resolve, reject });
	});
}

/** Counts one hit in a fixed window and returns the window's count so far. */
export function countRateLimitHit(sqlite: Database.Database, key: string, windowStart: number): number {
	return statements(sqlite).hit.get(key, windowStart)!.count;
}

export function purgeSurveyGuards(
	sqlite: Database.Database,
	limitsBefore: number,
	noncesBefore: number
): { limits: number; nonces: number } {
	const s = statements(sqlite);
	return {
		limits: s.purgeLimits.run(limitsBefore).changes,
		nonces: s.purgeNonces.run(noncesBefore).changes
	};
}
