import type { Db } from '../db/connection';
import {
	claimClientId,
	findClientReceipt,
	PENDING,
	releaseClientId,
	type ClientReceipt
} from './client-receipt.repository';

// Claiming an id made by the client, for the forms' `once` token (form-once.ts) and the outbox's
// `Idempotency-Key` (offline/sync-receipt.service.ts): written once here, so both wait for a first
// request the same way and both free a claim that a process left behind when it ended mid-work.

/** How long a repeated request waits for the first request with its id to finish. */
const WAIT_MS = 15_000;
/** A claim this old belongs to a request whose process ended mid-work: the id is free again. */
const ABANDONED_MS = 120_000;

export type Claim =
	| { claimed: true }
	/** answered: the first request's receipt; other_request: the id names another request; busy: still running after the wait */
	| { claimed: false; why: 'answered' | 'other_request' | 'busy'; first: ClientReceipt };

/**
 * Claims `clientId` for the request now running. While another request holds it, waits for that
 * one's answer (up to 15 s); an id claimed by a request with another digest is not waited for.
 */
export async function claimOrWait(
	db: Db,
	userId: number,
	clientId: string,
	now: Date,
	requestHash: string | null = null
): Promise<Claim> {
	const deadline = Date.now() + WAIT_MS;
	while (!(await claimClientId(db, userId, clientId, now, requestHash))) {
		const first = await findClientReceipt(db, userId, clientId);
		if (!first) continue; // freed meanwhile: claim it again
		if (first.requestHash && requestHash && first.requestHash !== requestHash)
			return { claimed: false, why: 'other_request', first };
		if (first.status !== PENDING) return { claimed: false, why: 'answered', first };
		if (first.claimedAt < now.getTime() - ABANDONED_MS) await releaseClientId(db, userId, clientId);
		else if (Date.now() > deadline) return { claimed: false, why: 'busy', first };
		else await new Promise((r) => setTimeout(r, 100));
	}
	return { claimed: true };
}
