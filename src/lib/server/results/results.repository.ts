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

/**
 * A unit-visit's stored totals (table visit_total) as the domain's VisitTotal: aspect sums keyed
 * by aspect id (computePeriodResults reads them through `visitSumKeys`), assessor ids as stored
 * text (assessors are compared by their string form, domain/scoring/types.ts).
 */
export interface UnitVisitTotalRow extends VisitTotal {
	unitId: number;
}

/**
 * One row per unit-visit of the period's regular visits with submitted sheets: the per-visit
 * totals kept by the sheets feature (sheets/visit-total.repository.ts). At 80,000 units this is
 * 160,000 rows read by one index scan, instead of one row per sheet and aspect; each becomes one
 * object with its parsed sums and nothing else (README, "Benchmark": allocation is what costs).
 */
export async function listUnitVisitTotals(db: Db, periodId: number): Promise<UnitVisitTotalRow[]> {
	const text = `select v.unit_id, v.visit_no, t.sheet_count, t.assessor_ids, t.aspect_sums
		from visit v join visit_total t on t.visit_id = v.id
		where v.period_id = ? and v.kind = 'regular'`;
	type Raw = [number, number, number, string, string];
	const raw = rawHandleOf(db);
	const rows: Raw[] = raw
		? (raw.prepare(text).raw().all(periodId) as Raw[])
		: (
				await sql<{
					unit_id: number;
					visit_no: number;
					sheet_count: number;
					assessor_ids: string;
					aspect_sums: string;
				}>`${sql.raw(text.replace('?', String(Math.trunc(periodId))))}`.execute(db)
			).rows.map((r) => [r.unit_id, r.visit_no, r.sheet_count, r.assessor_ids, r.aspect_sums]);
	// The same few assessor teams visit many units: one shared (never modified) list per team.
	const teams = new Map<string, string[]>();
	const totals: UnitVisitTotalRow[] = new Array(rows.length);
	for (let i = 0; i < rows.length; i++) {
		const [unitId, visitNo, sheets, assessors, sums] = rows[i];
		let team = teams.get(assessors);
		if (!team) teams.set(assessors, (team = assessors === '' ? [] : assessors.split(',')));
		totals[i] = {
			unitId: Number(unitId),
			visitNo: Number(visitNo),
			sheets: Number(sheets),
			assessorIds: team,
			aspectSums: JSON.parse(sums) as Record<string, number | null>
		};
	}
	return totals;
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
