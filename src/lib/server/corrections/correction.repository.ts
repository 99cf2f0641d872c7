import type { Db } from '../db/connection';
import type { CorrectionStatus } from '../db/schema';
import { discardSheetBackup } from './correction-backup.repository';

// Corrections of a published period (docs/rules.md §8.3): at most one open per period.

export interface Correction {
	id: number;
	periodId: number;
	baseRevision: number;
	reason: string;
	openedBy: string | null;
	openedAt: Date;
	status: CorrectionStatus;
	closedAt: Date | null;
	closeReason: string | null;
}

function corrections(db: Db) {
	return db
		.selectFrom('period_correction as c')
		.leftJoin('user as u', 'u.id', 'c.opened_by')
		.select([
			'c.id',
			'c.period_id',
			'c.base_revision',
			'c.reason',
			'u.name',
			'c.opened_at',
			'c.status',
			'c.closed_at',
			'c.close_reason'
		]);
}

type Row = Awaited<ReturnType<ReturnType<typeof corrections>['executeTakeFirstOrThrow']>>;

function toCorrection(r: Row): Correction {
	return {
		id: r.id,
		periodId: r.period_id,
		baseRevision: r.base_revision,
		reason: r.reason,
		openedBy: r.name,
		openedAt: new Date(r.opened_at),
		status: r.status,
		closedAt: r.closed_at === null ? null : new Date(r.closed_at),
		closeReason: r.close_reason
	};
}

export async function findOpenCorrection(db: Db, periodId: number): Promise<Correction | null> {
	const r = await corrections(db)
		.where('c.period_id', '=', periodId)
		.where('c.status', '=', 'open')
		.executeTakeFirst();
	return r ? toCorrection(r) : null;
}

/** Every correction of a period, newest first. */
export async function listCorrections(db: Db, periodId: number): Promise<Correction[]> {
	const rows = await corrections(db).where('c.period_id', '=', periodId).orderBy('c.id', 'desc').execute();
	return rows.map(toCorrection);
}

export async function insertCorrection(
	db: Db,
	c: { periodId: number; baseRevision: number; reason: string; openedBy: number | null },
	now: Date
): Promise<number> {
	const { id } = await db
		.insertInto('period_correction')
		.values({
			period_id: c.periodId,
			base_revision: c.baseRevision,
			reason: c.reason,
			opened_by: c.openedBy,
			opened_at: now.getTime()
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return id;
}

/** Closes the open correction; its copy of the published sheets is dropped, never needed again. */
export async function closeCorrection(
	db: Db,
	c: { id: number; status: 'published' | 'abandoned'; closedBy: number | null; reason: string | null },
	now: Date
): Promise<void> {
	await db
		.updateTable('period_correction')
		.set({
			status: c.status,
			closed_by: c.closedBy,
			closed_at: now.getTime(),
			close_reason: c.reason
		})
		.where('id', '=', c.id)
		.where('status', '=', 'open')
		.execute();
	await discardSheetBackup(db, c.id);
}
