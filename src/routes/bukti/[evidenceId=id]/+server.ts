import { error } from '@sveltejs/kit';
import { readFile } from 'node:fs/promises';
import type { RequestHandler } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { readConfig } from '$lib/server/config';
import { openEvidenceFile } from '$lib/server/sheets/evidence.service';
import { evidenceResponse } from '$lib/server/http/download';
import { m } from '$lib/paraglide/messages';

// Evidence files: only the sheet's own assessor and administrators (blind scoring). Everyone else,
// team mates included, gets the same 404 as for an id that does not exist.
export const GET: RequestHandler = async (event) => {
	const user = requireUser(event);
	const id = Number(event.params.evidenceId);
	const thumb = event.url.searchParams.get('ukuran') === 'kecil';
	const file = id ? await openEvidenceFile(getDb(), readConfig().uploadDir, id, user, thumb) : null;
	if (!file) error(404, m.srv_evidence_not_found());
	const bytes = await readFile(file.path).catch(() => null);
	if (!bytes) error(404, m.srv_evidence_file_missing());
	return evidenceResponse(bytes, file.mime, file.name);
};
