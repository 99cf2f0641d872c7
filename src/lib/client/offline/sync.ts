import { nextToSend, outcomeOf, settledItem, withEvidence, type SendOutcome } from '$lib/domain/offline';
import { outbox, sheets, thumbs, type DeviceSheet, type OutboxItem } from './store';
import { m } from '$lib/paraglide/messages';
import type { SheetProblem } from '$lib/domain/score-sheet';
import { sheetProblemText } from '$lib/i18n/sheet-text';

export type SyncState = 'idle' | 'sending' | 'offline' | 'signed_out';
export interface SyncProgress {
	state: SyncState;
	/** the photo being uploaded, as "k of n" */
	photo: { index: number; total: number } | null;
}

async function post(item: OutboxItem, sheet: DeviceSheet): Promise<Response> {
	const headers: Record<string, string> = { 'idempotency-key': item.id };
	const base = `/penilaian/${item.visitId}`;
	if (item.kind === 'photo') {
		const body = new FormData();
		body.set('indicator', item.code!);
		body.set('file', item.blob!, item.name);
		return fetch(`${base}/bukti`, { method: 'POST', body, headers, redirect: 'manual' });
	}
	headers['content-type'] = 'application/json';
	return fetch(`${base}/${item.kind === 'submit' ? 'kirim' : 'simpan'}`, {
		method: 'POST',
		headers,
		body: JSON.stringify({ version: sheet.version, values: item.values }),
		redirect: 'manual'
	});
}

/** Applies the server's answer to the device's sheet; returns whether the item leaves the outbox. */
async function apply(item: OutboxItem, outcome: SendOutcome, body: any): Promise<boolean> {
	let leaves = true;
	await sheets.update(item.visitId, (sheet) => {
		leaves = applyTo(sheet, item, outcome, body);
	});
	const e = body?.evidence;
	if (item.kind === 'photo' && leaves && e?.id && e.isImage && item.blob) await thumbs.put(e.id, item.blob);
	return leaves;
}

function applyTo(sheet: DeviceSheet, item: OutboxItem, outcome: SendOutcome, body: any): boolean {
	if (outcome.kind === 'conflict') {
		sheet.conflict = { version: body.version, differences: body.differences, message: body.message };
		return false;
	}
	if (outcome.kind === 'rejected') {
		if (typeof body?.version === 'number') sheet.version = body.version;
		const problems = Array.isArray(body?.problems)
			? body.problems.map((p: SheetProblem) => sheetProblemText(p))
			: [];
		sheet.answer = { ok: false, message: [outcome.message, ...problems].join(' ') };
		return true;
	}
	if (item.kind === 'photo') {
		if (body?.evidence?.id) sheet.server.evidence = withEvidence(sheet.server.evidence, body.evidence);
		return true;
	}
	sheet.version = body.version;
	if (item.kind === 'submit') {
		sheet.server = { ...sheet.server, status: 'submitted', editable: false, version: body.version };
		sheet.answer = { ok: true, message: m.sync_sheet_locked_by_server() };
	} else if (sheet.server.status === 'not_started') sheet.server = { ...sheet.server, status: 'draft' };
	return true;
}

/**
 * Sends the outbox in order, one request at a time (photos too, so a weak link is not shared).
 * A Web Lock keeps two tabs of the same browser from sending the same items at once.
 */
export async function sendOutbox(report: (p: SyncProgress) => void): Promise<SyncState> {
	const run = async (): Promise<SyncState> => {
		const photosAtStart = (await outbox.all()).filter((i) => i.kind === 'photo').length;
		let photoIndex = 0;
		for (;;) {
			const queue = await outbox.all();
			const blocked = new Set((await sheets.all()).filter((s) => s.conflict).map((s) => s.visitId));
			const item = nextToSend(queue, blocked);
			if (!item) return 'idle';
			const sheet = await sheets.get(item.visitId);
			if (!sheet) {
				await outbox.remove(item.id);
				continue;
			}
			if (item.kind === 'photo') photoIndex++;
			report({
				state: 'sending',
				photo:
					item.kind === 'photo' ? { index: photoIndex, total: Math.max(photoIndex, photosAtStart) } : null
			});
			await outbox.update(item.id, (i) => ({ ...i, sending: true, tried: true }));
			let res: Response;
			try {
				res = await post(item, sheet);
			} catch {
				await outbox.update(item.id, (i) => ({ ...i, sending: false }));
				return 'offline';
			}
			const body = await res.json().catch(() => null);
			const outcome = outcomeOf(res.type === 'opaqueredirect' ? 0 : res.status, body, (status) =>
				m.sync_refused_status({ status })
			);
			if (outcome.kind === 'signed_out' || outcome.kind === 'retry') {
				await outbox.update(item.id, (i) => ({ ...i, sending: false }));
				return outcome.kind === 'retry' ? 'offline' : 'signed_out';
			}
			const leaves = await apply(item, outcome, body);
			await outbox.change((queue) =>
				settledItem(
					queue.find((i) => i.id === item.id),
					item.values,
					leaves,
					crypto.randomUUID()
				)
			);
		}
	};
	if (!navigator.locks) return run();
	return navigator.locks.request('rapor-outbox', run);
}
