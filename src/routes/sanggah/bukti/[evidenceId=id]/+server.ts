import { error } from '@sveltejs/kit';
import { readFile } from 'node:fs/promises';
import type { RequestHandler } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { readConfig } from '$lib/server/config';
import { openObjectionEvidence } from '$lib/server/objections/objection-evidence.service';
import { evidenceResponse } from '$lib/server/http/download';
import { m } from '$lib/paraglide/messages';

// Evidence sent with an objection: the office, the unit's own heads, and viewers once published.
// Everyone else gets the same 404 as for an id that does not exist.
export const GET: RequestHandler = async (event) => {
	const user = requireUser(event);
	const file = await openObjectionEvidence(
		getDb(),
		readConfig().uploadDir,
		Number(event.params.evidenceId),
		user
	);
	if (!file) error(404, m.srv_objection_evidence_not_found());
	const bytes = await readFile(file.path).catch(() => null);
	if (!bytes) error(404, m.srv_evidence_file_missing());
	return evidenceResponse(bytes, file.mime, file.name);
};
