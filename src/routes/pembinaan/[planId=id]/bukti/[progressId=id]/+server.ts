import { error } from '@sveltejs/kit';
import { readFile } from 'node:fs/promises';
import type { RequestHandler } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { readConfig } from '$lib/server/config';
import { authorizePlan } from '$lib/server/coaching/coaching-view.service';
import { findProgressFile } from '$lib/server/coaching/coaching-progress.repository';
import { storedFilePath } from '$lib/server/files/file-store';
import { fileResponse } from '$lib/server/http/download';
import { m } from '$lib/paraglide/messages';

// Evidence of coaching progress, for the people who may see the plan (admins, the unit's heads).
export const GET: RequestHandler = async (event) => {
	const user = requireRole(event, 'admin', 'viewer', 'unit_head');
	const { planId, progressId } = event.params;
	const db = getDb();
	const auth = await authorizePlan(db, user, Number(planId));
	if (!auth.ok) error(auth.status, auth.message);
	const file = await findProgressFile(db, Number(progressId));
	if (!file || file.planId !== auth.value.id) error(404, m.srv_file_not_found());
	let bytes: Buffer;
	try {
		bytes = await readFile(storedFilePath(readConfig().uploadDir, file.sha256));
	} catch {
		error(404, m.srv_file_missing_in_store());
	}
	return fileResponse(bytes, file.mime, {
		disposition: 'inline',
		cache: 'private, max-age=3600',
		extra: { 'content-security-policy': "sandbox; default-src 'none'" }
	});
};
