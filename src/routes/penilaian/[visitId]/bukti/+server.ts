import { error, json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { readConfig } from '$lib/server/config';
import { parseId } from '$lib/server/sheets/sheet-form';
import { addEvidence } from '$lib/server/sheets/evidence.service';

// One evidence file per request (photos are shrunk in the browser first): fields `indicator`, `file`.
export const POST: RequestHandler = async (event) => {
	const user = requireRole(event, 'assessor');
	const visitId = parseId(event.params.visitId);
	if (!visitId) error(404, 'Kunjungan tidak ditemukan.');
	const form = await event.request.formData().catch(() => null);
	const indicator = form?.get('indicator');
	const file = form?.get('file');
	if (typeof indicator !== 'string' || !file || typeof file === 'string')
		return json({ message: 'Kirim satu berkas (file) dan kode indikatornya (indicator).' }, { status: 400 });
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
	if (!r.ok) return json({ message: r.message }, { status: r.status });
	return json({ evidence: r.evidence }, { status: 201 });
};
