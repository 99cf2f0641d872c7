// Sign-in throttling (README, Pages): per account and per IP, fixed windows with a lock-out.
export interface ThrottlePolicy {
	maxFailures: number;
	windowMs: number;
	lockMs: number;
}

export const ACCOUNT_POLICY: ThrottlePolicy = { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };
// Many people share one IP (office Wi-Fi, mobile carriers): the IP limit is generous.
export const IP_POLICY: ThrottlePolicy = { maxFailures: 30, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

export interface ThrottleCounter {
	failures: number;
	windowStartedAt: number;
	lockedUntil: number | null;
}

/** Milliseconds until the key may try again, or 0 when it is not locked. */
export function lockRemaining(state: ThrottleCounter | null, now: number): number {
	if (!state?.lockedUntil) return 0;
	return Math.max(0, state.lockedUntil - now);
}

export function afterFailure(state: ThrottleCounter | null, now: number, p: ThrottlePolicy): ThrottleCounter {
	const fresh =
		!state ||
		now - state.windowStartedAt >= p.windowMs ||
		(state.lockedUntil !== null && state.lockedUntil <= now);
	const failures = fresh ? 1 : state.failures + 1;
	const windowStartedAt = fresh ? now : state.windowStartedAt;
	return { failures, windowStartedAt, lockedUntil: failures >= p.maxFailures ? now + p.lockMs : null };
}

export function minutesLabel(ms: number): string {
	return `${Math.max(1, Math.ceil(ms / 60_000))} menit`;
}
