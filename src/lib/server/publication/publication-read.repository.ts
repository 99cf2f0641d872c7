import type { Db } from '../db/connection';

// Published snapshots (the results JSON as published). The latest revision of a period is the
// one that counts; earlier revisions stay for the record.

export interface PublishedSnapshot {
	periodId: number;
	periodCode: string;
	periodName: string;
	instrumentCode: string;
	startsOn: string;
	revision: number;
	publishedAt: Date;
	snapshot: string;
}

function latestRevisions(db: Db) {
	return db
		.selectFrom('publication as p')
		.innerJoin('period', 'period.id', 'p.period_id')
		.innerJoin('instrument', 'instrument.id', 'period.instrument_id')
		.select([
			'p.period_id',
			'period.code',
			'period.name',
			'instrument.code as instrumentCode',
			'period.starts_on',
			'p.revision',
			'p.published_at',
			'p.snapshot'
		])
		.where(({ eb, selectFrom }) =>
			eb(
				'p.revision',
				'=',
				selectFrom('publication as q')
					.select((q) => q.fn.max('q.revision').as('r'))
					.whereRef('q.period_id', '=', 'p.period_id')
			)
		);
}

function toSnapshot(r: {
	period_id: number;
	code: string;
	name: string;
	instrumentCode: string;
	starts_on: string;
	revision: number;
	published_at: number;
	snapshot: string;
}): PublishedSnapshot {
	return {
		periodId: r.period_id,
		periodCode: r.code,
		periodName: r.name,
		instrumentCode: r.instrumentCode,
		startsOn: r.starts_on,
		revision: r.revision,
		publishedAt: new Date(r.published_at),
		snapshot: r.snapshot
	};
}

export async function findLatestSnapshot(db: Db, periodId: number): Promise<PublishedSnapshot | null> {
	const r = await latestRevisions(db).where('p.period_id', '=', periodId).executeTakeFirst();
	return r ? toSnapshot(r) : null;
}

/** Latest snapshot of every published (or archived) period, oldest period first. */
export async function listLatestSnapshots(db: Db): Promise<PublishedSnapshot[]> {
	const rows = await latestRevisions(db)
		.where('period.status', 'in', ['published', 'archived'])
		.orderBy('period.starts_on')
		.execute();
	return rows.map(toSnapshot);
}
