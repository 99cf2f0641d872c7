import type { Db } from '../db/connection';
import type { InstrumentDef } from '../../domain/instrument';

export interface InstrumentSummary {
	id: number;
	code: string;
	name: string;
	regulation: string;
	basedOnCode: string | null;
	aspectCount: number;
	indicatorCount: number;
	periodCount: number;
}

export interface StoredInstrument {
	id: number;
	def: InstrumentDef;
	notes: string[];
	sources: string[];
	basedOnCode: string | null;
	/** database ids by code, for the scoring services */
	aspectIds: Map<string, number>;
	indicatorIds: Map<string, number>;
}

export async function insertInstrument(
	db: Db,
	def: InstrumentDef,
	meta: { notes: string[]; sources: string[]; basedOnId?: number | null },
	now: Date
): Promise<number> {
	const { id } = await db
		.insertInto('instrument')
		.values({
			code: def.code,
			name: def.name,
			regulation: def.regulation ?? '',
			based_on_id: meta.basedOnId ?? null,
			notes: JSON.stringify(meta.notes),
			sources: JSON.stringify(meta.sources),
			public_items: def.publicItems ? JSON.stringify(def.publicItems) : null,
			created_at: now.getTime()
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	for (const [ai, aspect] of def.aspects.entries()) {
		const { id: aspectId } = await db
			.insertInto('aspect')
			.values({
				instrument_id: id,
				code: aspect.code,
				name: aspect.name,
				weight: aspect.weight,
				position: ai
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		for (const [ii, ind] of aspect.indicators.entries()) {
			const { id: indicatorId } = await db
				.insertInto('indicator')
				.values({
					instrument_id: id,
					aspect_id: aspectId,
					code: ind.code,
					title: ind.title,
					weight: ind.weight,
					position: ii,
					note: ind.note ?? null,
					evidence: JSON.stringify(ind.evidence)
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			const levels = ind.levels
				.map((descriptor, level) => ({ indicator_id: indicatorId, level, descriptor }))
				.filter((l) => l.descriptor.trim() !== '');
			if (levels.length) await db.insertInto('indicator_level').values(levels).execute();
		}
	}
	return id;
}

export async function listInstruments(db: Db): Promise<InstrumentSummary[]> {
	const rows = await db
		.selectFrom('instrument as i')
		.leftJoin('instrument as base', 'base.id', 'i.based_on_id')
		.select((eb) => [
			'i.id',
			'i.code',
			'i.name',
			'i.regulation',
			'base.code as basedOnCode',
			eb
				.selectFrom('aspect')
				.whereRef('aspect.instrument_id', '=', 'i.id')
				.select(eb.fn.countAll<number>().as('n'))
				.as('aspectCount'),
			eb
				.selectFrom('indicator')
				.whereRef('indicator.instrument_id', '=', 'i.id')
				.select(eb.fn.countAll<number>().as('n'))
				.as('indicatorCount'),
			eb
				.selectFrom('period')
				.whereRef('period.instrument_id', '=', 'i.id')
				.select(eb.fn.countAll<number>().as('n'))
				.as('periodCount')
		])
		.orderBy('i.id')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		code: r.code,
		name: r.name,
		regulation: r.regulation,
		basedOnCode: r.basedOnCode,
		aspectCount: Number(r.aspectCount ?? 0),
		indicatorCount: Number(r.indicatorCount ?? 0),
		periodCount: Number(r.periodCount ?? 0)
	}));
}

export async function findInstrumentIdByCode(db: Db, code: string): Promise<number | null> {
	const row = await db.selectFrom('instrument').select('id').where('code', '=', code).executeTakeFirst();
	return row?.id ?? null;
}

function selectInstruments(db: Db) {
	return db
		.selectFrom('instrument as i')
		.leftJoin('instrument as base', 'base.id', 'i.based_on_id')
		.select([
			'i.id',
			'i.code',
			'i.name',
			'i.regulation',
			'i.notes',
			'i.sources',
			'i.public_items',
			'base.code as basedOnCode'
		]);
}

export async function findInstrumentByCode(db: Db, code: string): Promise<StoredInstrument | null> {
	const inst = await selectInstruments(db).where('i.code', '=', code).executeTakeFirst();
	return inst ? loadTree(db, inst) : null;
}

export async function findInstrumentById(db: Db, id: number): Promise<StoredInstrument | null> {
	const inst = await selectInstruments(db).where('i.id', '=', id).executeTakeFirst();
	return inst ? loadTree(db, inst) : null;
}

async function loadTree(
	db: Db,
	inst: {
		id: number;
		code: string;
		name: string;
		regulation: string;
		notes: string;
		sources: string;
		public_items: string | null;
		basedOnCode: string | null;
	}
): Promise<StoredInstrument> {
	const aspects = await db
		.selectFrom('aspect')
		.selectAll()
		.where('instrument_id', '=', inst.id)
		.orderBy('position')
		.execute();
	const indicators = await db
		.selectFrom('indicator')
		.selectAll()
		.where('instrument_id', '=', inst.id)
		.orderBy('position')
		.execute();
	const levels = await db
		.selectFrom('indicator_level')
		.innerJoin('indicator', 'indicator.id', 'indicator_level.indicator_id')
		.select(['indicator_level.indicator_id', 'indicator_level.level', 'indicator_level.descriptor'])
		.where('indicator.instrument_id', '=', inst.id)
		.execute();
	const levelsOf = new Map<number, string[]>();
	for (const l of levels) {
		const list = levelsOf.get(l.indicator_id) ?? ['', '', '', '', '', ''];
		list[l.level] = l.descriptor;
		levelsOf.set(l.indicator_id, list);
	}
	const def: InstrumentDef = {
		code: inst.code,
		name: inst.name,
		regulation: inst.regulation,
		publicItems: inst.public_items ? JSON.parse(inst.public_items) : undefined,
		aspects: aspects.map((a) => ({
			code: a.code,
			name: a.name,
			weight: a.weight,
			indicators: indicators
				.filter((i) => i.aspect_id === a.id)
				.map((i) => ({
					code: i.code,
					title: i.title,
					weight: i.weight,
					levels: levelsOf.get(i.id) ?? ['', '', '', '', '', ''],
					evidence: JSON.parse(i.evidence) as string[],
					...(i.note ? { note: i.note } : {})
				}))
		}))
	};
	return {
		id: inst.id,
		def,
		notes: JSON.parse(inst.notes) as string[],
		sources: JSON.parse(inst.sources) as string[],
		basedOnCode: inst.basedOnCode,
		aspectIds: new Map(aspects.map((a) => [a.code, a.id])),
		indicatorIds: new Map(indicators.map((i) => [i.code, i.id]))
	};
}
