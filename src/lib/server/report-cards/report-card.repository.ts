import type { Db } from '../db/connection';
import type { PeriodStatus } from '../db/schema';
import { readCoachingRule, type CoachingRule } from '../../domain/coaching/rule';

// Lookups behind the report card and coaching pages (README, Report cards and coaching).

export interface ReportPeriod {
	id: number;
	code: string;
	name: string;
	status: PeriodStatus;
	instrumentId: number;
	instrumentCode: string;
	startsOn: string;
	endsOn: string;
	coachingRule: CoachingRule;
	coachingItems: number;
}

function periods(db: Db) {
	return db
		.selectFrom('period')
		.innerJoin('instrument', 'instrument.id', 'period.instrument_id')
		.select([
			'period.id',
			'period.code',
			'period.name',
			'period.status',
			'period.instrument_id',
			'instrument.code as instrumentCode',
			'period.starts_on',
			'period.ends_on',
			'period.coaching_rule',
			'period.coaching_items'
		]);
}

export async function findReportPeriodByCode(db: Db, code: string): Promise<ReportPeriod | null> {
	const r = await periods(db).where('period.code', '=', code).executeTakeFirst();
	return r ? toPeriod(r) : null;
}

export async function findReportPeriodById(db: Db, id: number): Promise<ReportPeriod | null> {
	const r = await periods(db).where('period.id', '=', id).executeTakeFirst();
	return r ? toPeriod(r) : null;
}

function toPeriod(r: {
	id: number;
	code: string;
	name: string;
	status: PeriodStatus;
	instrument_id: number;
	instrumentCode: string;
	starts_on: string;
	ends_on: string;
	coaching_rule: string;
	coaching_items: number;
}): ReportPeriod {
	return {
		id: r.id,
		code: r.code,
		name: r.name,
		status: r.status,
		instrumentId: r.instrument_id,
		instrumentCode: r.instrumentCode,
		startsOn: r.starts_on,
		endsOn: r.ends_on,
		coachingRule: readCoachingRule(r.coaching_rule),
		coachingItems: r.coaching_items
	};
}

export interface ReportUnit {
	id: number;
	code: string;
	name: string;
	category: string;
}

export async function findReportUnitByCode(db: Db, code: string): Promise<ReportUnit | null> {
	const r = await db
		.selectFrom('unit')
		.innerJoin('category', 'category.id', 'unit.category_id')
		.select(['unit.id', 'unit.code', 'unit.name', 'category.name as category'])
		.where('unit.code', '=', code)
		.executeTakeFirst();
	return r ?? null;
}

export async function isHeadOfUnit(db: Db, userId: number, unitId: number): Promise<boolean> {
	const r = await db
		.selectFrom('unit_head')
		.select('unit_id')
		.where('user_id', '=', userId)
		.where('unit_id', '=', unitId)
		.executeTakeFirst();
	return Boolean(r);
}

export async function readCitySettings(db: Db): Promise<Record<string, string>> {
	const rows = await db.selectFrom('city_setting').select(['key', 'value']).execute();
	return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}
