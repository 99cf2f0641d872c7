import type { Db } from '../db/connection';
import type { PeriodStatus } from '../db/schema';

export interface SurveyPeriod {
	id: number;
	code: string;
	name: string;
	status: PeriodStatus;
	startsOn: string;
	endsOn: string;
	surveyFrom: string;
	surveyTo: string;
}

const columns = ['id', 'code', 'name', 'status', 'starts_on', 'ends_on', 'survey_from', 'survey_to'] as const;

const toPeriod = (r: {
	id: number;
	code: string;
	name: string;
	status: PeriodStatus;
	starts_on: string;
	ends_on: string;
	survey_from: string;
	survey_to: string;
}): SurveyPeriod => ({
	id: r.id,
	code: r.code,
	name: r.name,
	status: r.status,
	startsOn: r.starts_on,
	endsOn: r.ends_on,
	surveyFrom: r.survey_from,
	surveyTo: r.survey_to
});

export async function findSurveyPeriodByCode(db: Db, code: string): Promise<SurveyPeriod | null> {
	const row = await db.selectFrom('period').select(columns).where('code', '=', code).executeTakeFirst();
	return row ? toPeriod(row) : null;
}

export async function findSurveyPeriodById(db: Db, id: number): Promise<SurveyPeriod | null> {
	const row = await db.selectFrom('period').select(columns).where('id', '=', id).executeTakeFirst();
	return row ? toPeriod(row) : null;
}

export async function listSurveyPeriods(db: Db): Promise<SurveyPeriod[]> {
	const rows = await db.selectFrom('period').select(columns).orderBy('survey_from', 'desc').execute();
	return rows.map(toPeriod);
}

export async function setSurveyWindow(
	db: Db,
	periodId: number,
	window: { from: string; to: string },
	now: Date
): Promise<void> {
	await db
		.updateTable('period')
		.set({ survey_from: window.from, survey_to: window.to, updated_at: now.getTime() })
		.where('id', '=', periodId)
		.execute();
}

/** Units the period covers, with the unit's yearly number of service users. */
export async function listPeriodSurveyUnits(
	db: Db,
	periodId: number
): Promise<
	{ id: number; code: string; name: string; category: string; yearlyServiceUsers: number | null }[]
> {
	const rows = await db
		.selectFrom('period_unit')
		.innerJoin('unit', 'unit.id', 'period_unit.unit_id')
		.innerJoin('category', 'category.id', 'period_unit.category_id')
		.select(['unit.id', 'unit.code', 'unit.name', 'category.name as category', 'unit.yearly_service_users'])
		.where('period_unit.period_id', '=', periodId)
		.orderBy('category.position')
		.orderBy('unit.code')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		code: r.code,
		name: r.name,
		category: r.category,
		yearlyServiceUsers: r.yearly_service_users
	}));
}
