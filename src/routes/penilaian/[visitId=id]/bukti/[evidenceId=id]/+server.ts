import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { removeEvidence } from '$lib/server/sheets/evidence.service';

export const DELETE: RequestHandler = async (event) => {
	const user = requireRole(event, 'assessor');
	const visitId = Number(event.params.visitId);
	const evidenceId = Number(event.params.evidenceId);
	const r = await removeEvidence(getDb(), { evidenceId, visitId, userId: user.id }, new Date());
	if (!r.ok) return json({ message: r.message }, { status: r.status });
	return new Response(null, { status: 204 });
};
