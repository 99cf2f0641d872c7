// Masa sanggah (docs/rules.md §9.2): when unit heads may object, and the bounds of their text.
import type { PeriodStatus } from '../period-status';

export const OBJECTION_REASON_MAX = 2000;
export const OBJECTION_FILES_MAX = 5;

/** Open from the office's decision until its last day (inclusive), and only before publication. */
export function isObjectionWindowOpen(status: PeriodStatus, until: string | null, today: string): boolean {
	return (status === 'running' || status === 'review') && until !== null && today <= until;
}
