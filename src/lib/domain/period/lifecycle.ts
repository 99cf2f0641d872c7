import type { PeriodStatus } from '../period-status';

// A period moves draf -> berjalan -> review -> terbit -> arsip; review can go back to berjalan
// (an extra visit was ordered). Publishing belongs to the publish service (snapshot), not to a
// plain status change, and nothing leaves arsip.
const TRANSITIONS: Record<PeriodStatus, readonly PeriodStatus[]> = {
	draft: ['running'],
	running: ['review', 'published'],
	review: ['running', 'published'],
	published: ['archived'],
	archived: []
};

export function canTransition(from: PeriodStatus, to: PeriodStatus): boolean {
	return TRANSITIONS[from].includes(to);
}

/** Transitions an admin makes with a plain button (publishing needs its own flow). */
export function manualTransitions(from: PeriodStatus): PeriodStatus[] {
	return TRANSITIONS[from].filter((to) => to !== 'published');
}

/** Settings (instrument, visits, coaching rule...) change only while nothing has been scored. */
export function settingsEditable(status: PeriodStatus): boolean {
	return status === 'draft';
}
