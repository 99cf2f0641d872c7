import type { SessionUser } from './auth/user';

// Who may open an evidence file. Blind scoring (README, Score sheets) binds assessors: only a sheet's own
// assessor sees its evidence. Administrators always may; the unit's heads and viewers may once
// the period is published, when the report card shows the evidence with the notes (README, Report cards and coaching).
export interface EvidenceOwner {
	assessorId: number;
	published: boolean;
}

export function canOpenEvidence(user: SessionUser, owner: EvidenceOwner, isHeadOfUnit: boolean): boolean {
	switch (user.role) {
		case 'admin':
			return true;
		case 'assessor':
			return owner.assessorId === user.id;
		case 'viewer':
			return owner.published;
		case 'unit_head':
			return owner.published && isHeadOfUnit;
		case 'enumerator':
			return false;
	}
}
