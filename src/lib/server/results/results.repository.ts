import { sql } from 'kysely';
import { rawHandleOf, type Db } from '../db/connection';
import type { VisitTotal } from '../../domain/scoring/visit-totals';
import { parseUnitVisitTotals } from '../sheets/visit-total.repository';
import { readInSlices } from '../db/slices';

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
	/** Regular visits with submitted sheets, in visit order (table unit_visit_total). */
	visits: VisitTotal[];
}

// One row per unit of the period, in unit order (the primary key of period_unit gives it
// without a sort); a unit without submitted sheets has no totals.
const unitVisits = (periodId: number) => sql<Record<string, unknown>>`select u.code, u.name,
		pu.category_id, t.visits
	from period_unit pu
	join unit u on u.id = pu.unit_id
	left join unit_visit_total t on t.period_id = pu.period_id and t.unit_id = pu.unit_id
	where pu.period_id = ${periodId}
	order by pu.unit_id`;
type UnitVisitRow = [string, string, number, string | null];

/**
 * The period's units with their visit totals (kept by the sheets feature,
 * sheets/visit-total.repository.ts), for computePeriodResults. On SQLite the rows are streamed
 * and each unit is made only when the rules ask for it: at 80,000 units the visit totals then
 * die young instead of all living until the rules have run (README, "Benchmark"). The iterable
 * must be read at once, without other queries on the connection in between.
 */
export async function listResultUnitVisits(db: Db, periodId: number): Promise<Iterable<ResultUnitVisits>> {
	// A few categories: their names are joined here rather than read again on every unit's row.
	const categories = await db.selectFrom('category').select(['id', 'name']).execute();
	const categoryName = new Map(categories.map((c) => [Number(c.id), c.name]));
	const raw = rawHandleOf(db);
	const query = unitVisits(periodId);
	if (raw) {
		// Kysely writes the text and its parameters; better-sqlite3 streams the rows as tuples.
		const { sql: text, parameters } = query.compile(db);
		const statement = raw.prepare(text).raw();
		return {
			[Symbol.iterator]: () =>
				unitsOfRows(statement.iterate(...parameters) as Iterator<UnitVisitRow>, categoryName)
		};
	}
	const { rows } = await query.execute(db);
	const tuples = rows.map((r) => [r.code, r.name, r.category_id, r.visits] as UnitVisitRow);
	return { [Symbol.iterator]: () => unitsOfRows(tuples[Symbol.iterator](), categoryName) };
}

function* unitsOfRows(
	rows: Iterator<UnitVisitRow>,
	categoryName: ReadonlyMap<number, string>
): Generator<ResultUnitVisits> {
	const teams = new Map<string, string[]>();
	try {
		for (let next = rows.next(); !next.done; next = rows.next()) {
			const [code, name, categoryId, visits] = next.value;
			yield {
				code,
				name,
				category: categoryName.get(Number(categoryId))!,
				visits: visits === null ? [] : parseUnitVisitTotals(visits, teams)
			};
		}
	} finally {
		// Closed even when the reader stops early (a rule that throws): an open SQLite stream keeps
		// the connection busy for every other query.
		rows.return?.();
	}
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
	const rows = await readInSlices(ids, (slice) =>
		db.selectFrom('user').select(['id', 'name', 'email']).where('id', 'in', slice).execute()
	);
	return new Map(rows.map((r) => [r.id, { name: r.name, email: r.email }]));
}
