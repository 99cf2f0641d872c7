import type { Role } from './auth/user';
import { isPublished, type PeriodStatus } from './period-status';

// README: the results API answers anonymous callers (and roles without an overview) only for
// published periods; administrators and viewers see any period.
export function canSeeResults(role: Role | null, status: PeriodStatus): boolean {
	if (role === 'admin' || role === 'viewer') return true;
	return isPublished(status);
}
