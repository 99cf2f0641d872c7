import type { Db } from '../../db/connection';
import type { PeriodWindow } from '../../../domain/survey';
import type { OnlineResponse, SurveyUnit } from './survey-submission.repository';

// The survey path of survey-submission.repository.ts on PostgreSQL, where better-sqlite3's
// synchronous prepared statements do not exist. Same statements, same guards: the nonce and the
// response commit together, the rate-limit counter is one atomic upsert, all state in the database
// so that several app processes share it (README "When one machine is not enough").

export async function findSurveyUnitByTokenAsync(db: Db, token: string): Promise<SurveyUnit | null> {
	return (
		(await db
			.selectFrom('unit')
			.select(['id', 'code', 'name'])
			.where('survey_token', '=', token)
			.where('active', '=', 1)
			.executeTakeFirst()) ?? null
	);
}

export async function listSurveyWindowsOfUnitAsync(db: Db, unitId: number): Promise<PeriodWindow[]> {
	return db
		.selectFrom('period as p')
		.innerJoin('period_unit as pu', 'pu.period_id', 'p.id')
		.select(['p.id', 'p.code', 'p.name', 'p.survey_from as from', 'p.survey_to as to'])
		.where('pu.unit_id', '=', unitId)
		.where('p.status', 'not in', ['draft', 'archived'])
		.execute() as Promise<PeriodWindow[]>;
}

export async function recordOnlineResponseAsync(db: Db, nonce: string, r: OnlineResponse): Promise<boolean> {
	return db.transaction().execute(async (trx) => {
		const used = await trx
			.insertInto('survey_token_use')
			.values({ nonce, used_at: r.submittedAt })
			.onConflict((oc) => oc.doNothing())
			.returning('nonce')
			.executeTakeFirst();
		if (!used) return false;
		const a = r.answers;
		await trx
			.insertInto('survey_response')
			.values({
				period_id: r.periodId,
				unit_id: r.unitId,
				submitted_at: r.submittedAt,
				u1: a[0],
				u2: a[1],
				u3: a[2],
				u4: a[3],
				u5: a[4],
				u6: a[5],
				u7: a[6],
				u8: a[7],
				u9: a[8],
				sex: r.sex,
				age_band: r.ageBand,
				education: r.education,
				occupation: r.occupation,
				service: r.service,
				suggestion: r.suggestion,
				suggestion_status: r.suggestion ? 'pending' : null,
				source: 'online',
				entered_by: null
			})
			.execute();
		return true;
	});
}

export async function countRateLimitHitAsync(db: Db, key: string, windowStart: number): Promise<number> {
	const row = await db
		.insertInto('rate_limit')
		.values({ key, window_start: windowStart, count: 1 })
		.onConflict((oc) =>
			oc.columns(['key', 'window_start']).doUpdateSet((eb) => ({ count: eb('rate_limit.count', '+', 1) }))
		)
		.returning('count')
		.executeTakeFirstOrThrow();
	return row.count;
}

export async function purgeSurveyGuardsAsync(
	db: Db,
	limitsBefore: number,
	noncesBefore: number
): Promise<{ limits: number; nonces: number }> {
	const limits = await db
		.deleteFrom('rate_limit')
		.where('window_start', '<', limitsBefore)
		.executeTakeFirst();
	const nonces = await db
		.deleteFrom('survey_token_use')
		.where('used_at', '<', noncesBefore)
		.executeTakeFirst();
	return { limits: Number(limits.numDeletedRows), nonces: Number(nonces.numDeletedRows) };
}
