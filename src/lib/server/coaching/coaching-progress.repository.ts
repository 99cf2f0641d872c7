import type { Db } from '../db/connection';
import type { ItemStatus } from '../../domain/coaching/states';

export interface NewProgress {
	itemId: number;
	userId: number;
	note: string;
	status: ItemStatus;
	fileId: number | null;
}

export async function insertProgress(db: Db, p: NewProgress, now: Date): Promise<void> {
	await db
		.insertInto('coaching_progress')
		.values({
			item_id: p.itemId,
			user_id: p.userId,
			note: p.note,
			status: p.status,
			file_id: p.fileId,
			created_at: now.getTime()
		})
		.execute();
}

export interface ProgressEntry {
	id: number;
	itemId: number;
	userName: string;
	note: string;
	status: ItemStatus;
	fileSha256: string | null;
	fileMime: string | null;
	createdAt: Date;
}

export async function listProgressOfItems(db: Db, itemIds: number[]): Promise<ProgressEntry[]> {
	if (!itemIds.length) return [];
	const rows = await db
		.selectFrom('coaching_progress as p')
		.innerJoin('user', 'user.id', 'p.user_id')
		.leftJoin('stored_file as f', 'f.id', 'p.file_id')
		.select(['p.id', 'p.item_id', 'user.name', 'p.note', 'p.status', 'f.sha256', 'f.mime', 'p.created_at'])
		.where('p.item_id', 'in', itemIds)
		.orderBy('p.created_at')
		.orderBy('p.id')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		itemId: r.item_id,
		userName: r.name,
		note: r.note,
		status: r.status,
		fileSha256: r.sha256,
		fileMime: r.mime,
		createdAt: new Date(r.created_at)
	}));
}

/** Stores a file's metadata once per content hash; returns its id. */
export async function upsertStoredFile(
	db: Db,
	f: { sha256: string; mime: string; size: number },
	now: Date
): Promise<number> {
	await db
		.insertInto('stored_file')
		.values({ sha256: f.sha256, mime: f.mime, size: f.size, created_at: now.getTime() })
		.onConflict((oc) => oc.column('sha256').doNothing())
		.execute();
	const row = await db
		.selectFrom('stored_file')
		.select('id')
		.where('sha256', '=', f.sha256)
		.executeTakeFirstOrThrow();
	return row.id;
}

/** The evidence file of one progress entry, with the plan it belongs to (for the access check). */
export async function findProgressFile(
	db: Db,
	progressId: number
): Promise<{ planId: number; sha256: string; mime: string } | null> {
	const r = await db
		.selectFrom('coaching_progress as p')
		.innerJoin('coaching_item as i', 'i.id', 'p.item_id')
		.innerJoin('stored_file as f', 'f.id', 'p.file_id')
		.select(['i.plan_id', 'f.sha256', 'f.mime'])
		.where('p.id', '=', progressId)
		.executeTakeFirst();
	return r ? { planId: r.plan_id, sha256: r.sha256, mime: r.mime } : null;
}
