import { m } from '$lib/paraglide/messages';
import type { OfflineWorkspace } from '$lib/client/offline/workspace.svelte';
import type { DeviceSheet } from '$lib/client/offline/store';

/** The state a device's sheet is really in: a submission waiting for signal is "akan dikirim". */
export function sheetStateLabel(ws: OfflineWorkspace, s: DeviceSheet): string {
	if (s.server.status === 'submitted') return m.sheet_state_submitted();
	if (ws.queuedSubmit(s.visitId)) return m.offline_state_queued();
	const touched = ws.pending(s.visitId) > 0 || Object.values(s.values).some((e) => e.score !== null);
	return s.server.status === 'draft' || touched ? m.sheet_state_draft() : m.sheet_state_not_started();
}
