import type { Db } from '../db/connection';
import type { InstrumentDef } from '../../domain/instrument';

// Writes of the instrument editor; the structure (codes) of a version never changes here.

export async function countPeriodsUsingInstrument(db: Db, instrumentId: number): Promise<number> {
	const row = await db
		.selectFrom('period')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('instrument_id', '=', instrumentId)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

export async function updateInstrumentContent(
	db: Db,
	instrumentId: number,
	def: InstrumentDef,
	indicatorIds: Map<string, number>
): Promise<void> {
	await db.updateTable('instrument').set({ name: def.name }).where('id', '=', instrumentId).execute();
	for (const a of def.aspects) {
		await db
			.updateTable('aspect')
			.set({ name: a.name, weight: a.weight })
			.where('instrument_id', '=', instrumentId)
			.where('code', '=', a.code)
			.execute();
		for (const i of a.indicators) {
			const id = indicatorIds.get(i.code)!;
			await db
				.updateTable('indicator')
				.set({ title: i.title, weight: i.weight, evidence: JSON.stringify(i.evidence) })
				.where('id', '=', id)
				.execute();
			await db.deleteFrom('indicator_level').where('indicator_id', '=', id).execute();
			const levels = i.levels
				.map((descriptor, level) => ({ indicator_id: id, level, descriptor }))
				.filter((l) => l.descriptor !== '');
			if (levels.length) await db.insertInto('indicator_level').values(levels).execute();
		}
	}
}
