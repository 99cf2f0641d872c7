import type { EntryChange, SheetEntry, SheetValues } from '../score-sheet/entries';
import type { OutboxEntry } from './outbox';

// A version conflict (README "Install on a phone and offline work") is settled per indicator: for
// each indicator that differs, the assessor keeps this device's entry ("mine") or the stored one
// ("theirs", saved meanwhile elsewhere). The sheet then goes once more with exactly those entries.
export type ConflictSide = 'mine' | 'theirs';
export type ConflictChoices = Record<string, ConflictSide>;

const isEmpty = (e: SheetEntry) => e.score === null && e.note.trim() === '';

/**
 * The preselected side: this device's entry (the assessor is on site), except where it is empty
 * and the stored one is not, so that applying the defaults never blanks a stored score or note.
 */
export function defaultSide(d: EntryChange): ConflictSide {
	return isEmpty(d.after) && !isEmpty(d.before) ? 'theirs' : 'mine';
}

export function defaultChoices(differences: readonly EntryChange[]): ConflictChoices {
	return Object.fromEntries(differences.map((d) => [d.code, defaultSide(d)]));
}

/** The device's sheet with the stored entry taken wherever the choice (or its default) is "theirs". */
export function resolveConflict(
	values: SheetValues,
	differences: readonly EntryChange[],
	choices: ConflictChoices
): SheetValues {
	const out: SheetValues = { ...values };
	for (const d of differences)
		if ((choices[d.code] ?? defaultSide(d)) === 'theirs') out[d.code] = { ...d.before };
	return out;
}

/**
 * The sheet's queued saves and submission, carrying the resolved sheet. Each gets a new id: the
 * server answers an Idempotency-Key once and replays that answer, so the old id would bring the
 * conflict back instead of storing the choice. Their places in the queue stay.
 */
export function requeueResolved<E extends OutboxEntry>(
	queue: readonly E[],
	visitId: number,
	values: SheetValues,
	newId: () => string
): { replaced: string; entry: E }[] {
	return queue
		.filter((e) => e.visitId === visitId && (e.kind === 'save' || e.kind === 'submit'))
		.map((e) => ({ replaced: e.id, entry: { ...e, id: newId(), values, sending: false, tried: false } }));
}
