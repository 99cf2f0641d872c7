import { error, json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { autosaveBody, parseId } from '$lib/server/sheets/sheet-form';
import { saveSheetDraft } from '$lib/server/sheets/score-sheet.service';

// Autosave of the score sheet (JSON): the browser sends the whole sheet and the version it edited.
export const POST: RequestHandler = async (event) => {
	const user = requireRole(event, 'assessor');
	const visitId = parseId(event.params.visitId);
	if (!visitId) error(404, 'Kunjungan tidak ditemukan.');
	const body = autosaveBody.safeParse(await event.request.json().catch(() => null));
	if (!body.success) return json({ message: 'Data lembar tidak valid.' }, { status: 400 });
	const r = await saveSheetDraft(
		getDb(),
		{ visitId, userId: user.id, baseVersion: body.data.version, values: body.data.values },
		new Date()
	);
	if (r.ok) return json({ version: r.version, changed: r.changed, savedAt: r.savedAt.toISOString() });
	if (r.status === 404) return json({ message: r.message }, { status: 404 });
	if (r.status === 400) return json({ message: r.message, errors: r.errors }, { status: 400 });
	if (r.kind === 'stale')
		return json(
			{ kind: 'stale', message: r.message, version: r.version, differences: r.differences },
			{ status: 409 }
		);
	return json({ kind: 'locked', message: r.message }, { status: 409 });
};
