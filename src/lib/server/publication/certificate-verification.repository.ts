import type { Db } from '../db/connection';

export interface PublishedRevision {
	periodCode: string;
	periodName: string;
	revision: number;
	publishedAt: Date;
	snapshot: string;
}

/** Every publication revision of the published and archived periods, newest revision first. */
export async function listPublishedRevisions(db: Db): Promise<PublishedRevision[]> {
	const rows = await db
		.selectFrom('publication as p')
		.innerJoin('period', 'period.id', 'p.period_id')
		.select(['period.code', 'period.name', 'p.revision', 'p.published_at', 'p.snapshot'])
		.where('period.status', 'in', ['published', 'archived'])
		.orderBy('period.id')
		.orderBy('p.revision', 'desc')
		.execute();
	return rows.map((r) => ({
		periodCode: r.code,
		periodName: r.name,
		revision: r.revision,
		publishedAt: new Date(r.published_at),
		snapshot: r.snapshot
	}));
}
