import { isHttpError } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { readConfig } from '$lib/server/config';
import { addEvidence } from '$lib/server/sheets/evidence.service';
import { answerJsonOnce, requestFingerprint } from '$lib/server/offline/sync-http';
import { m } from '$lib/paraglide/messages';

// One evidence file per request (photos are shrunk in the browser first): fields `indicator`, `file`.
export const POST: RequestHandler = async (event) => {
	const user = requireRole(event, 'assessor');
	const visitId = Number(event.params.visitId);
	// A body that cannot be read (a connection cut off mid-upload) is refused by the body guard
	// before the Idempotency-Key is claimed: the device's resend of the whole photo must be stored,
	// not refused as another request under the same key. A body that is no form at all is answered
	// below, under the key, as any request with missing fields.
	const form = await event.request.formData().catch((e: unknown) => {
		if (isHttpError(e) && e.status !== 415) throw e;
		return null;
	});
	const indicator = form?.get('indicator');
	const file = form?.get('file');
	const upload = file && typeof file !== 'string' ? file : null;
	const bytes = upload ? new Uint8Array(await upload.arrayBuffer()) : null;
	const fingerprint = requestFingerprint(
		event,
		typeof indicator === 'string' ? indicator : '',
		upload?.name ?? '',
		bytes ?? ''
	);
	return answerJsonOnce(event, user.id, fingerprint, async () => {
		if (typeof indicator !== 'string' || !upload || !bytes)
			return {
				status: 400,
				body: { message: m.srv_evidence_upload_fields() }
			};
		const r = await addEvidence(
			getDb(),
			readConfig().uploadDir,
			{
				visitId,
				userId: user.id,
				indicatorCode: indicator,
				name: upload.name,
				bytes
			},
			new Date()
		);
		if (!r.ok) return { status: r.status, body: { message: r.message } };
		return { status: 201, body: { evidence: r.value } };
	});
};
