import { error, redirect } from '@sveltejs/kit';
import type { Role, SessionUser } from '../../domain/auth/user';
import { refusalText } from '../service-result';

interface GuardEvent {
	locals: App.Locals;
	url: URL;
}

/** Every protected load and action calls this itself: a layout guard is skipped on client navigation. */
export function requireUser(event: GuardEvent): SessionUser {
	const user = event.locals.user;
	if (!user) {
		const next = event.url.pathname + event.url.search;
		const reason = event.locals.sessionExpired ? '&reason=expired' : '';
		redirect(303, `/login?next=${encodeURIComponent(next)}${reason}`);
	}
	return user;
}

export function requireRole(event: GuardEvent, ...roles: Role[]): SessionUser {
	const user = requireUser(event);
	if (!roles.includes(user.role)) error(403, refusalText('srv_forbidden_page'));
	return user;
}
