import { createHash } from 'node:crypto';
import { json, type RequestEvent } from '@sveltejs/kit';
import { getDb } from '../db';
import { refusalText } from '../service-result';
import { answerOnce, CLIENT_ID_PATTERN, type SyncReceipt } from './sync-receipt.service';

/**
 * The digest that names one request: its path and the parts of its body that the answer depends
 * on (the parsed JSON as sent, or a photo's indicator and bytes: a multipart body's boundary
 * differs on every send, so the raw body cannot name it).
 */
export function requestFingerprint(event: RequestEvent, ...parts: (string | Uint8Array)[]): string {
	const hash = createHash('sha256').update(event.url.pathname);
	for (const part of parts) hash.update('\n').update(part);
	return hash.digest('hex');
}

// The outbox of an offline device names each item with the `Idempotency-Key` header (the IETF
// draft's name); requests without it behave as before.
export async function answerJsonOnce(
	event: RequestEvent,
	userId: number,
	fingerprint: string,
	run: () => Promise<SyncReceipt>
): Promise<Response> {
	const key = event.request.headers.get('idempotency-key');
	if (key !== null && !CLIENT_ID_PATTERN.test(key))
		return json({ message: refusalText('srv_idempotency_key_format') }, { status: 400 });
	const r = await answerOnce(getDb(), userId, key, new Date(), run, fingerprint);
	return json(r.body, { status: r.status, headers: r.replayed ? { 'idempotent-replayed': 'true' } : {} });
}
