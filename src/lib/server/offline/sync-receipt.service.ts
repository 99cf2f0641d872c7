import type { Db } from '../db/connection';
import { findSyncReceipt, insertSyncReceipt, type SyncReceipt } from './sync-receipt.repository';

export type { SyncReceipt };

/** Device-made ids: a UUID or similar, letters, digits and dashes. */
export const CLIENT_ID_PATTERN = /^[A-Za-z0-9-]{8,64}$/;

/**
 * Runs `run` once per (user, client id): a resend of the same outbox item gets the stored answer
 * and changes nothing. Server faults (5xx) are not stored, so the device may try again.
 */
export async function answerOnce(
	db: Db,
	userId: number,
	clientId: string | null,
	now: Date,
	run: () => Promise<SyncReceipt>
): Promise<SyncReceipt & { replayed: boolean }> {
	if (clientId) {
		const stored = await findSyncReceipt(db, userId, clientId);
		if (stored) return { ...stored, replayed: true };
	}
	const answer = await run();
	if (clientId && answer.status < 500) await insertSyncReceipt(db, userId, clientId, answer, now);
	return { ...answer, replayed: false };
}
