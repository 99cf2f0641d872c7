import { json, type RequestEvent } from '@sveltejs/kit';
import { getDb } from '../db';
import { refusalText } from '../service-result';
import { answerOnce, CLIENT_ID_PATTERN, type SyncReceipt } from './sync-receipt.service';

// The outbox of an offline device names each item with the `Idempotency-Key` header (the IETF
// draft's name); requests without it behave as before.
export async function answerJsonOnce(
	event: RequestEvent,
	userId: number,
	run: () => Promise<SyncReceipt>
): Promise<Response> {
	const key = event.request.headers.get('idempotency-key');
	if (key !== null && !CLIENT_ID_PATTERN.test(key))
		return json({ message: refusalText('srv_idempotency_key_format') }, { status: 400 });
	const r = await answerOnce(getDb(), userId, key, new Date(), run);
	return json(r.body, { status: r.status, headers: r.replayed ? { 'idempotent-replayed': 'true' } : {} });
}
