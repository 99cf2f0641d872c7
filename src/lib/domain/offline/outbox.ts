import type { SheetValues } from '../score-sheet/entries';

// The outbox of an offline device (README "Install on a phone and offline work"): changes wait here, in the order they
// were made, until the server has confirmed them. Each item has an id made on the device, sent as
// the Idempotency-Key, so a resend after a lost answer changes nothing on the server.
export type OutboxKind = 'save' | 'submit' | 'photo';

export interface OutboxEntry {
	id: string;
	/** position in the queue; items are sent in ascending order */
	seq: number;
	visitId: number;
	kind: OutboxKind;
	/** the whole sheet for 'save' and 'submit' */
	values?: SheetValues;
	/** true while a request for it is on the way */
	sending?: boolean;
	/**
	 * true once a request for it has left the device, answered or not: the server may have stored
	 * it under this id, and it answers a resent id with that first answer whatever the body says.
	 */
	tried?: boolean;
}

/**
 * A change to a sheet replaces the sheet's last queued save when nothing else of that sheet was
 * queued after it (each save carries the whole sheet, so only the latest one matters) and that
 * save has never been sent; otherwise it is appended. A save sent once, even without an answer,
 * keeps its values: a change folded into it would go under an id the server may already have
 * answered, and the resend would get that answer while the change was never stored.
 * Returns the entry to store.
 */
export function queueSave(
	queue: readonly OutboxEntry[],
	visitId: number,
	values: SheetValues,
	newId: string
): OutboxEntry {
	const ofVisit = queue.filter((e) => e.visitId === visitId);
	const last = ofVisit.at(-1);
	if (last && last.kind === 'save' && !last.sending && !last.tried) return { ...last, values };
	return { id: newId, seq: nextSeq(queue), visitId, kind: 'save', values };
}

export function nextSeq(queue: readonly Pick<OutboxEntry, 'seq'>[]): number {
	return queue.reduce((max, e) => Math.max(max, e.seq), 0) + 1;
}

/**
 * What an answered item leaves in the queue, given the item as stored now. It leaves when the
 * answer settled it and it was not changed on the device while on the way. Otherwise it waits
 * under a new id: changed on the way, the newer values go again; after a version conflict it
 * goes again with the assessor's choice, and the server answers an id once (README "When the
 * signal returns"), so the old id would only bring the same answer back.
 */
export function settledItem<E extends OutboxEntry>(
	stored: E | undefined,
	sentValues: SheetValues | undefined,
	leaves: boolean,
	newId: string
): { put: E[]; remove: string[] } {
	if (!stored) return { put: [], remove: [] };
	const unchanged = JSON.stringify(stored.values ?? null) === JSON.stringify(sentValues ?? null);
	if (leaves && unchanged) return { put: [], remove: [stored.id] };
	return { put: [{ ...stored, id: newId, sending: false, tried: false }], remove: [stored.id] };
}

/** The next item to send: the oldest one whose sheet is not waiting on the assessor (conflict). */
export function nextToSend<E extends OutboxEntry>(
	queue: readonly E[],
	blocked: ReadonlySet<number>
): E | null {
	const sorted = [...queue].sort((a, b) => a.seq - b.seq);
	return sorted.find((e) => !blocked.has(e.visitId)) ?? null;
}

/** Items waiting per sheet, for "3 menunggu kirim". */
export function pendingByVisit(queue: readonly OutboxEntry[]): Map<number, number> {
	const out = new Map<number, number>();
	for (const e of queue) out.set(e.visitId, (out.get(e.visitId) ?? 0) + 1);
	return out;
}

/** How the server's answer to one item moves the queue on. */
export type SendOutcome =
	| { kind: 'done' }
	| { kind: 'conflict' }
	| { kind: 'rejected'; message: string }
	| { kind: 'retry' }
	| { kind: 'signed_out' };

/**
 * `refused` words a refusal the server gave no message for: the browser passes its Paraglide
 * message; without one the words are the base locale's, as outside a request on the server
 * (README "Where translation happens").
 */
export function outcomeOf(
	status: number,
	body: { kind?: string; message?: string } | null,
	refused: (status: number) => string = (s) => `Ditolak server (${s}).`
): SendOutcome {
	if (status >= 200 && status < 300) return { kind: 'done' };
	if (status === 401 || status === 403 || status === 0) return { kind: 'signed_out' };
	if (status === 409 && body?.kind === 'stale') return { kind: 'conflict' };
	// busy: the first request with this id still runs on the server; its answer comes on a resend
	if (status >= 500 || status === 429 || (status === 409 && body?.kind === 'busy')) return { kind: 'retry' };
	return { kind: 'rejected', message: body?.message ?? refused(status) };
}
