import type { RequestEvent } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { autosaveBody } from '$lib/server/sheets/sheet-form';
import { saveSheetDraft, submitSheet, type SheetResult } from '$lib/server/sheets/score-sheet.service';
import type { SyncReceipt } from '$lib/server/offline/sync-receipt.service';
import { answerJsonOnce, requestFingerprint } from '$lib/server/offline/sync-http';
import { m } from '$lib/paraglide/messages';

/** The JSON answer of the autosave and submit endpoints for a service result. */
function saveAnswer(r: SheetResult): SyncReceipt {
	if (r.ok) {
		const { version, changed, savedAt } = r.value;
		return { status: 200, body: { version, changed, savedAt: savedAt.toISOString() } };
	}
	switch (r.kind) {
		case 'not_found':
			return { status: 404, body: { message: r.message } };
		case 'incomplete':
			return {
				status: 400,
				body: { kind: 'incomplete', message: r.message, problems: r.missing, version: r.version }
			};
		case 'invalid':
			return { status: 400, body: { message: r.message, errors: r.errors } };
		case 'stale':
			return {
				status: 409,
				body: { kind: 'stale', message: r.message, version: r.version, differences: r.differences }
			};
		case 'locked':
			return { status: 409, body: { kind: 'locked', message: r.message } };
	}
}

/**
 * `POST simpan` (autosave) and `POST kirim` (submission from an offline device's outbox): JSON
 * `{version, values}`, answered once per Idempotency-Key.
 */
export async function postSheetJson(event: RequestEvent, mode: 'save' | 'submit'): Promise<Response> {
	const user = requireRole(event, 'assessor');
	const visitId = Number(event.params.visitId);
	// Read before the Idempotency-Key is claimed: a body cut off on the way is refused by the body
	// guard (400) without an answer kept under the key, so the device's resend is stored.
	const raw = await event.request.json();
	return answerJsonOnce(event, user.id, requestFingerprint(event, JSON.stringify(raw)), async () => {
		const body = autosaveBody.safeParse(raw);
		if (!body.success) {
			// Each refused field by its path (`values.U1.note`), so the device can say where.
			const errors = Object.fromEntries(
				body.error.issues.map((i) => [i.path.join('.') || '_body', i.message])
			);
			return { status: 400, body: { message: m.srv_sheet_data_invalid(), errors } };
		}
		const input = { visitId, userId: user.id, baseVersion: body.data.version, values: body.data.values };
		const run = mode === 'submit' ? submitSheet : saveSheetDraft;
		return saveAnswer(await run(getDb(), input, new Date()));
	});
}
