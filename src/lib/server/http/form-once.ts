import { error, isRedirect, redirect } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { getDb } from '../db';
import { completeClientReceipt, releaseClientId } from './client-receipt.repository';
import { claimOrWait } from './client-receipt';
import { m } from '$lib/paraglide/messages';

// A double-clicked or resent form has one effect (README "Double submits"): the page hands out a
// fresh token in a hidden field `once`, the action claims it before writing, and a repeated post
// with the same token waits for the first and is sent where the first was, writing nothing.
// Posts without a token (scripted clients) behave as before, like `Idempotency-Key` on the sync
// endpoints.

const TOKEN = /^form-[0-9a-f-]{36}$/;

export const newFormToken = (): string => `form-${randomUUID()}`;

/** The optional hidden field of a form whose action runs once per token. */
export const onceField = {
	once: z
		.union([z.string().regex(TOKEN, { error: () => m.form_once_invalid() }), z.literal('')])
		.optional()
		.default('')
};

/**
 * Runs an action body once per token. A redirect it throws is kept as the token's answer; a
 * failure it returns frees the token (nothing was written), so the corrected form can be resent.
 */
export async function runOnce<T>(userId: number, token: string, run: () => Promise<T>): Promise<T> {
	if (!token) return run();
	const db = getDb();
	const claim = await claimOrWait(db, userId, token, new Date());
	if (!claim.claimed) {
		if (claim.why === 'answered') redirect(303, (claim.first.body as { location: string }).location);
		error(409, m.form_once_busy());
	}
	try {
		const result = await run();
		await releaseClientId(db, userId, token);
		return result;
	} catch (e) {
		if (isRedirect(e))
			await completeClientReceipt(db, userId, token, { status: 303, body: { location: e.location } });
		else await releaseClientId(db, userId, token);
		throw e;
	}
}
