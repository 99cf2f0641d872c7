import { error, isRedirect, redirect } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { getDb } from '../db';
import {
	claimClientId,
	completeClientReceipt,
	findClientReceipt,
	PENDING,
	releaseClientId
} from './client-receipt.repository';
import { m } from '$lib/paraglide/messages';

// A double-clicked or resent form has one effect (README "Double submits"): the page hands out a
// fresh token in a hidden field `once`, the action claims it before writing, and a repeated post
// with the same token waits for the first and is sent where the first was, writing nothing.
// Posts without a token (scripted clients) behave as before, like `Idempotency-Key` on the sync
// endpoints.

const TOKEN = /^form-[0-9a-f-]{36}$/;
const WAIT_MS = 15_000;

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
	const deadline = Date.now() + WAIT_MS;
	while (!(await claimClientId(db, userId, token, new Date()))) {
		const first = await findClientReceipt(db, userId, token);
		if (first && first.status !== PENDING) redirect(303, (first.body as { location: string }).location);
		if (Date.now() > deadline) error(409, m.form_once_busy());
		if (first) await new Promise((r) => setTimeout(r, 100));
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
