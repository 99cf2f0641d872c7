import { sql } from 'kysely';
import { rawHandleOf, type Db } from '../db/connection';
import type { VisitTotal } from '../../domain/scoring/visit-totals';
import { countedSheetsOf } from '../sheets/unit-sheet.repository';

// Reads for period results (README, Benchmark): set-based, one row per unit and one per submitted sheet.
// Only regular visits count: follow-up visits never enter the IPP (docs/rules.md §5).

export interface ResultUnit {
	id: number;
	code: string;
	name: string;
	category: string;
}

export async function listResultUnits(db: Db, periodId: number): Promise<ResultUnit[]> {
	const raw = rawHandleOf(db);
	if (raw)
		return raw
			.prepare(
				`select u.id, u.code, u.name, c.name as category from period_unit pu
				 join unit u on u.id = pu.unit_id join category c on c.id = pu.category_id where pu.period_id = ?`
			)
			.all(periodId) as ResultUnit[];
	return db
		.selectFrom('period_unit')
		.innerJoin('unit', 'unit.id', 'period_unit.unit_id')
		.innerJoin('category', 'category.id', 'period_unit.category_id')
		.select(['unit.id', 'unit.code', 'unit.name', 'category.name as category'])
		.where('period_unit.period_id', '=', periodId)
		.execute();
}

/** One unit of the period as the results read it: its category and its regular visits' totals. */
export interface ResultUnitVisits {
	code: string;
	name: string;
	category: string;
	/** Regular visits with submitted sheets, in visit order (table visit_total). */
	visits: VisitTotal[];
}

// One row per unit-visit (a visit without submitted sheets or a unit without visits: nulls for
// the totals), in unit order and visit order: the primary key of period_unit and the unique index
// of visit give that order without a sort.
const unitVisits = (periodId: number) => sql<Record<string, unknown>>`select pu.unit_id, u.code,
		u.name as unit_name, c.name as category, v.visit_no, t.sheet_count, t.assessor_ids, t.aspect_sums
	from period_unit pu
	join unit u on u.id = pu.unit_id
	join category c on c.id = pu.category_id
	left join visit v on v.period_id = pu.period_id and v.unit_id = pu.unit_id and v.kind = 'regular'
	left join visit_total t on t.visit_id = v.id
	where pu.period_id = ${periodId}
	order by pu.unit_id, v.visit_no`;
type UnitVisitRow = [
	number,
	string,
	string,
	string,
	number | null,
	number | null,
	string | null,
	string | null
];

/**
 * The period's units with their visit totals (kept by the sheets feature,
 * sheets/visit-total.repository.ts), for computePeriodResults. On SQLite the rows are streamed
 * and each unit is made only when the rules ask for it: at 80,000 units the 160,000 visit totals
 * then die young instead of all living until the rules have run (README, "Benchmark"). The
 * iterable must be read at once, without other queries on the connection in between.
 */
export async function listResultUnitVisits(db: Db, periodId: number): Promise<Iterable<ResultUnitVisits>> {
	const raw = rawHandleOf(db);
	const query = unitVisits(periodId);
	if (raw) {
		// Kysely writes the text and its parameters; better-sqlite3 streams the rows as tuples.
		const { sql: text, parameters } = query.compile(db);
		const statement = raw.prepare(text).raw();
		return {
			[Symbol.iterator]: () => groupByUnit(statement.iterate(...parameters) as Iterator<UnitVisitRow>)
		};
	}
	const { rows } = await query.execute(db);
	const tuples = rows.map(
		(r) =>
			[
				r.unit_id,
				r.code,
				r.unit_name,
				r.category,
				r.visit_no,
				r.sheet_count,
				r.assessor_ids,
				r.aspect_sums
			] as UnitVisitRow
	);
	return { [Symbol.iterator]: () => groupByUnit(tuples[Symbol.iterator]()) };
}

function* groupByUnit(rows: Iterator<UnitVisitRow>): Generator<ResultUnitVisits> {
	// The same few assessor teams visit many units: one shared (never modified) list per team.
	const teams = new Map<string, string[]>();
	try {
		let unitId = -1;
		let unit: ResultUnitVisits | null = null;
		for (let next = rows.next(); !next.done; next = rows.next()) {
			const [id, code, name, category, visitNo, sheets, assessors, sums] = next.value;
			if (Number(id) !== unitId) {
				if (unit) yield unit;
				unitId = Number(id);
				unit = { code, name, category, visits: [] };
			}
			if (sums === null || assessors === null) continue; // a visit without submitted sheets
			let team = teams.get(assessors);
			if (!team) teams.set(assessors, (team = assessors === '' ? [] : assessors.split(',')));
			unit!.visits.push({
				visitNo: Number(visitNo),
				sheets: Number(sheets),
				assessorIds: team,
				aspectSums: JSON.parse(sums) as Record<string, number | null>
			});
		}
		if (unit) yield unit;
	} finally {
		// Closed even when the reader stops early (a rule that throws): an open SQLite stream keeps
		// the connection busy for every other query.
		rows.return?.();
	}
}

export interface ScoreCell {
	unitCode: string;
	visitNo: number;
	assessorId: number;
	sheetId: number;
	indicatorId: number;
	score: number;
}

/** Scores of submitted sheets on regular visits, only for the indicators asked for (scored ones). */
export async function listScoredCells(
	db: Db,
	periodId: number,
	indicatorIds: readonly number[]
): Promise<ScoreCell[]> {
	if (indicatorIds.length === 0) return [];
	return countedSheetsOf(db, periodId)
		.innerJoin('score', 'score.sheet_id', 'score_sheet.id')
		.innerJoin('unit', 'unit.id', 'visit.unit_id')
		.select([
			'unit.code as unitCode',
			'visit.visit_no as visitNo',
			'score_sheet.assessor_id as assessorId',
			'score_sheet.id as sheetId',
			'score.indicator_id as indicatorId',
			sql<number>`score.score`.as('score')
		])
		.where('score.indicator_id', 'in', [...indicatorIds])
		.where('score.score', 'is not', null)
		.execute();
}

export interface FlagResolution {
	unitCode: string;
	indicatorCode: string;
	action: 'note' | 'extra_visit';
	note: string;
	resolvedAt: Date;
	/** Name of the administrator who resolved the flag. */
	resolvedBy: string;
}

export async function listFlagResolutions(db: Db, periodId: number): Promise<FlagResolution[]> {
	const rows = await db
		.selectFrom('disagreement_resolution as r')
		.innerJoin('unit as u', 'u.id', 'r.unit_id')
		.innerJoin('indicator as i', 'i.id', 'r.indicator_id')
		.innerJoin('user as by', 'by.id', 'r.resolved_by')
		.select([
			'u.code as unitCode',
			'i.code as indicatorCode',
			'r.action',
			'r.note',
			'r.resolved_at',
			'by.name as resolvedBy'
		])
		.where('r.period_id', '=', periodId)
		.execute();
	return rows.map(({ resolved_at, ...r }) => ({ ...r, resolvedAt: new Date(resolved_at) }));
}

export async function mapAssessorNames(
	db: Db,
	ids: readonly number[]
): Promise<Map<number, { name: string; email: string }>> {
	if (ids.length === 0) return new Map();
	const rows = await db
		.selectFrom('user')
		.select(['id', 'name', 'email'])
		.where('id', 'in', [...ids])
		.execute();
	return new Map(rows.map((r) => [r.id, { name: r.name, email: r.email }]));
}
