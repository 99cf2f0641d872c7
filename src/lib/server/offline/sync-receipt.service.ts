import type { Db } from '../db/connection';
import { refusalText } from '../service-result';
import { completeClientReceipt, releaseClientId } from '../http/client-receipt.repository';
import { claimOrWait } from '../http/client-receipt';

/** The answer to one outbox item: what the endpoint returns, kept for a resend. */
export interface SyncReceipt {
	status: number;
	body: unknown;
}

/** Device-made ids: a UUID or similar, letters, digits and dashes. */
export const CLIENT_ID_PATTERN = /^[A-Za-z0-9-]{8,64}$/;

/**
 * Runs `run` once per (user, client id): a resend of the same outbox item gets the stored answer
 * and changes nothing. The id is claimed before the work runs, so a resend that arrives while the
 * first request still runs (a page reloaded mid-send; another app process) waits for its answer
 * instead of running again. Server faults (5xx) are not kept, so the device may try again.
 * `requestHash` names the request itself (its address and body, sync-http.ts): an id already
 * taken by another request is refused with 422, as the IETF Idempotency-Key draft asks, since
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
	if (!clientId) return { ...(await run()), replayed: false };
	const claim = await claimOrWait(db, userId, clientId, now, requestHash);
	if (!claim.claimed && claim.why === 'answered')
		return { status: claim.first.status, body: claim.first.body, replayed: true };
	if (!claim.claimed && claim.why === 'other_request')
		return { status: 422, body: { message: refusalText('srv_idempotency_key_reused') }, replayed: false };
	if (!claim.claimed)
		return {
			status: 409,
			body: { kind: 'busy', message: refusalText('srv_idempotency_key_busy') },
			replayed: false
		};
	try {
		const answer = await run();
		if (answer.status < 500) await completeClientReceipt(db, userId, clientId, answer);
		else await releaseClientId(db, userId, clientId);
		return { ...answer, replayed: false };
	} catch (e) {
		await releaseClientId(db, userId, clientId);
		throw e;
	}
}
