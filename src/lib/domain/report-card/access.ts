import type { Role } from '../auth/user';

// README, page routes: admins and viewers see every report card; a unit's heads see theirs
// once the period is published (404 before, so an unpublished card does not even exist for
// them); anyone else, another unit's head included, is refused.

export type ReportCardAccess = 'allow' | 'forbidden' | 'not_found';

export function reportCardAccess(
	user: { role: Role },
	isHeadOfUnit: boolean,
	published: boolean
): ReportCardAccess {
	if (user.role === 'admin' || user.role === 'viewer') return 'allow';
	if (user.role !== 'unit_head' || !isHeadOfUnit) return 'forbidden';
	return published ? 'allow' : 'not_found';
}
