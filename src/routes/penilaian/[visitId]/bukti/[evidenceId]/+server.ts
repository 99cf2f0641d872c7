import { error, json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { parseId } from '$lib/server/sheets/sheet-form';
import { removeEvidence } from '$lib/server/sheets/evidence.service';
import { m } from '$lib/paraglide/messages';

export const DELETE: RequestHandler = async (event) => {
	const user = requireRole(event, 'assessor');
	const visitId = parseId(event.params.visitId);
	const evidenceId = parseId(event.params.evidenceId);
	if (!visitId || !evidenceId) error(404, m.srv_evidence_not_found());
	const r = await removeEvidence(getDb(), { evidenceId, visitId, userId: user.id }, new Date());
	if (!r.ok) return json({ message: r.message }, { status: r.status });
	return new Response(null, { status: 204 });
};
