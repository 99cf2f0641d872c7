// Masa sanggah (docs/rules.md §9.2): when unit heads may object, and the bounds of their text.
import type { PeriodStatus } from '../period-status';
import type { Role } from '../auth/user';

export const OBJECTION_REASON_MAX = 2000;
export const OBJECTION_FILES_MAX = 5;

/** Open from the office's decision until its last day (inclusive), and only before publication. */
export function isObjectionWindowOpen(status: PeriodStatus, until: string | null, today: string): boolean {
	return (status === 'running' || status === 'review') && until !== null && today <= until;
}

/**
 * Who may open a file sent with an objection (README "Objection window"). The office's
 * administrators always; the unit's own heads always (they sent it); viewers once the period is
 * published, when the report card lists the objection. Anyone else gets the 404 of a file that
 * does not exist.
 */
export function canOpenObjectionEvidence(
	user: { role: Role },
	published: boolean,
	isHeadOfUnit: boolean
): boolean {
	switch (user.role) {
		case 'admin':
			return true;
		case 'unit_head':
			return isHeadOfUnit;
		case 'viewer':
			return published;
		case 'assessor':
		case 'enumerator':
			return false;
	}
}

export type ObjectionStatus = 'open' | 'accepted' | 'rejected';
export type ObjectionOutcome = 'extra_visit' | 'reopen';

/** An objection as pages and the report card show it: a whitelist, evidence by link id. */
export interface ObjectionView {
	id: number;
	unitCode: string;
	unitName: string;
	indicatorCode: string;
	indicatorTitle: string;
	claimedLevel: number;
	reason: string;
	status: ObjectionStatus;
	outcome: ObjectionOutcome | null;
	answer: string | null;
	evidence: { id: number; name: string }[];
}

/** Where an objection's evidence file is downloaded (src/routes/sanggah/bukti). */
export const objectionEvidenceUrl = (id: number): string => `/sanggah/bukti/${id}`;
