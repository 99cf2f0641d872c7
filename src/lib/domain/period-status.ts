export const PERIOD_STATUSES = ['draft', 'running', 'review', 'published', 'archived'] as const;
export type PeriodStatus = (typeof PERIOD_STATUSES)[number];

// Codes are the README's (API and command line); the interface shows the Indonesian words.
export const PERIOD_STATUS_LABELS: Record<PeriodStatus, string> = {
	draft: 'draf',
	running: 'berjalan',
	review: 'review',
	published: 'terbit',
	archived: 'arsip'
};

/** Published results stay public when the period is archived (README: status codes). */
export function isPublished(status: PeriodStatus): boolean {
	return status === 'published' || status === 'archived';
}
