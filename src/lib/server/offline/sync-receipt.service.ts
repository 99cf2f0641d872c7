import type { Db } from '../db/connection';
import { refusalText } from '../service-result';
import { findSyncReceipt, insertSyncReceipt, type SyncReceipt } from './sync-receipt.repository';

export type { SyncReceipt };

/** Device-made ids: a UUID or similar, letters, digits and dashes. */
export const CLIENT_ID_PATTERN = /^[A-Za-z0-9-]{8,64}$/;

/**
 * Runs `run` once per (user, client id): a resend of the same outbox item gets the stored answer
 * and changes nothing. Server faults (5xx) are not stored, so the device may try again.
 * `requestHash` names the request itself (its address and body, sync-http.ts): an id already
 * answered for another request is refused with 422, as the IETF Idempotency-Key draft asks, since
 * replaying the first answer would tell the device that a request never run was stored.
 */
export async function answerOnce(
	db: Db,
	userId: number,
	clientId: string | null,
	now: Date,
	run: () => Promise<SyncReceipt>,
	requestHash: string | null = null
): Promise<SyncReceipt & { replayed: boolean }> {
	if (clientId) {
		const stored = await findSyncReceipt(db, userId, clientId);
		if (stored && stored.requestHash && requestHash && stored.requestHash !== requestHash)
			return { status: 422, body: { message: refusalText('srv_idempotency_key_reused') }, replayed: false };
		if (stored) return { status: stored.status, body: stored.body, replayed: true };
	}
	const answer = await run();
	if (clientId && answer.status < 500)
		await insertSyncReceipt(db, userId, clientId, answer, requestHash, now);
	return { ...answer, replayed: false };
}
