// An audited administrative step (reopening or removing a sheet, opening or abandoning a
// correction) is taken only with a written reason (docs/rules.md §4.1, §8.3); five characters is
// the least that says something. The forms ask the browser for the same minimum.
export const AUDIT_REASON_MIN = 5;

/** The reason as it will be recorded, or null when it is too short to say why. */
export function auditReason(text: string): string | null {
	const reason = text.trim();
	return reason.length >= AUDIT_REASON_MIN ? reason : null;
}
