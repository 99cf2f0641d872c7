export const PERIOD_STATUSES = ['draft', 'running', 'review', 'published', 'archived'] as const;
export type PeriodStatus = (typeof PERIOD_STATUSES)[number];

// Codes are the README's (API and command line); pages word them in the reader's language
// (periodStatusLabel, src/lib/i18n/display.ts).

/** Published results stay public when the period is archived (README: status codes). */
export function isPublished(status: PeriodStatus): boolean {
	return status === 'published' || status === 'archived';
}
