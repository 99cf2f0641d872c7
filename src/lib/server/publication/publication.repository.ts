import type { Db } from '../db/connection';
import type { ConfirmedFinding } from '../../domain/publication/preflight';
import { readRevisionChanges, type RevisionChange } from '../../domain/publication/revision-changes';

// Publications of a period: one row per revision, each with the frozen results snapshot.

export interface PublicationRecord {
	revision: number;
	publishedAt: Date;
	publishedBy: string | null;
	reason: string | null;
	openFlagsConfirmed: boolean;
	/** The preflight classes confirmed with this publication (docs/rules.md §8.1). */
	confirmations: ConfirmedFinding[];
	/** What this revision changed against the one before (docs/rules.md §8.3); empty for the first. */
	changes: RevisionChange[];
}

/** Every revision of a period, newest first (the snapshot itself is left out). */
export async function listPublications(db: Db, periodId: number): Promise<PublicationRecord[]> {
	const rows = await db
		.selectFrom('publication as p')
		.leftJoin('user as u', 'u.id', 'p.published_by')
		.select([
			'p.revision',
			'p.published_at',
			'u.name',
			'p.reason',
			'p.open_flags_confirmed',
			'p.confirmations',
			'p.changes'
		])
		.where('p.period_id', '=', periodId)
		.orderBy('p.revision', 'desc')
		.execute();
	return rows.map((r) => ({
		revision: r.revision,
		publishedAt: new Date(r.published_at),
		publishedBy: r.name,
		reason: r.reason,
		openFlagsConfirmed: r.open_flags_confirmed === 1,
		confirmations: JSON.parse(r.confirmations) as ConfirmedFinding[],
		changes: readRevisionChanges(r.changes)
	}));
}

export async function latestPublicationRevision(db: Db, periodId: number): Promise<number> {
	const r = await db
		.selectFrom('publication')
		.select((eb) => eb.fn.max('revision').as('rev'))
		.where('period_id', '=', periodId)
		.executeTakeFirst();
	return Number(r?.rev ?? 0);
}

export async function insertPublication(
	db: Db,
	p: {
		periodId: number;
		revision: number;
		publishedBy: number | null;
		reason: string | null;
		openFlagsConfirmed: boolean;
		/** JSON of the confirmed preflight findings (docs/rules.md §8.1). */
		confirmations?: string;
		/** JSON of what this revision changed (docs/rules.md §8.3). */
		changes?: string;
		snapshot: string;
	},
	now: Date
): Promise<void> {
	await db
		.insertInto('publication')
		.values({
			period_id: p.periodId,
			revision: p.revision,
			published_at: now.getTime(),
			published_by: p.publishedBy,
			reason: p.reason,
			open_flags_confirmed: p.openFlagsConfirmed ? 1 : 0,
			confirmations: p.confirmations ?? '[]',
			changes: p.changes ?? '[]',
			snapshot: p.snapshot
		})
		.execute();
}
