import type { RequestHandler } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { readConfig } from '$lib/server/config';
import { addEvidence } from '$lib/server/sheets/evidence.service';
import { answerJsonOnce } from '$lib/server/offline/sync-http';
import { m } from '$lib/paraglide/messages';

// One evidence file per request (photos are shrunk in the browser first): fields `indicator`, `file`.
export const POST: RequestHandler = async (event) => {
	const user = requireRole(event, 'assessor');
	const visitId = Number(event.params.visitId);
	const form = await event.request.formData().catch(() => null);
	return answerJsonOnce(event, user.id, async () => {
		const indicator = form?.get('indicator');
		const file = form?.get('file');
		if (typeof indicator !== 'string' || !file || typeof file === 'string')
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
				name: file.name,
				bytes: new Uint8Array(await file.arrayBuffer())
			},
			new Date()
		);
		if (!r.ok) return { status: r.status, body: { message: r.message } };
		return { status: 201, body: { evidence: r.evidence } };
	});
};
