import type { EntryChange, SheetValues } from '../score-sheet/entries';

// A sheet as the device keeps it between prepare runs: the server's copy plus what the assessor
// did here that the server has not confirmed yet.
export type DeviceSheetState = 'not_started' | 'draft' | 'queued_submit' | 'submitted';

export interface DeviceSheetBase<S> {
	visitId: number;
	/** the server's sheet as last prepared (rubric, evidence, status) */
	server: S;
	/** the version the local values were edited from */
	version: number;
	values: SheetValues;
	conflict: { version: number; differences: EntryChange[]; message: string } | null;
	/** the server's last word on a submission sent from this device */
	answer: { ok: boolean; message: string } | null;
}

/**
 * A fresh copy from the server replaces the device's copy unless work on the device is still
 * unsent or waits for a decision: then the rubric and evidence are refreshed, the scores kept.
 */
export function refreshedSheet<S extends { version: number; values: SheetValues }>(
	local: DeviceSheetBase<S> | undefined,
	visitId: number,
	server: S,
	pending: number
): DeviceSheetBase<S> {
	if (local && (pending > 0 || local.conflict)) return { ...local, server };
	return {
		visitId,
		server,
		version: server.version,
		values: server.values,
		conflict: null,
		answer: local?.answer ?? null
	};
}

/**
 * The sheet's evidence list once a photo is answered. A photo resent after a lost answer is
 * answered again with the file already stored (README "When the signal returns"), which a prepare
 * run in between may also have listed: it stays listed once.
 */
export function withEvidence<E extends { id: number }>(list: readonly E[], answered: E): E[] {
	return list.some((e) => e.id === answered.id) ? [...list] : [...list, answered];
}
