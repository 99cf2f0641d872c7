// Password throttling (README: /login and /akun): growing delays, never a lock-out. Failures count
// per (account, IP address) and, generously, per IP address; so failures from one address slow
// that address down but cannot keep the account's owner out when signing in from another.
export interface ThrottlePolicy {
	/** Failures answered without delay (typing mistakes). */
	freeFailures: number;
	/** Delay after the first counted failure; it doubles with each further failure. */
	firstDelayMs: number;
	maxDelayMs: number;
	/** A key with no failure for this long starts again from zero. */
	forgetAfterMs: number;
}

export const PAIR_POLICY: ThrottlePolicy = {
	freeFailures: 3,
	firstDelayMs: 2_000,
	maxDelayMs: 15 * 60_000,
	forgetAfterMs: 24 * 60 * 60_000
};
// Set-password links by e-mail ("Lupa kata sandi?"): counted per address whatever the IP, so that
// nobody can flood one mailbox; five mails go out at once, then the delays grow.
export const PASSWORD_LINK_POLICY: ThrottlePolicy = {
	freeFailures: 4,
	firstDelayMs: 15 * 60_000,
	maxDelayMs: 24 * 60 * 60_000,
	forgetAfterMs: 24 * 60 * 60_000
};
// Many people share one IP (office Wi-Fi, a carrier's NAT, the e2e suite's 127.0.0.1): the IP
// limit is generous, 100 failures an hour before delays start; credential stuffing makes thousands.
export const IP_POLICY: ThrottlePolicy = {
	freeFailures: 100,
	firstDelayMs: 2_000,
	maxDelayMs: 15 * 60_000,
	forgetAfterMs: 60 * 60_000
};

export interface ThrottleCounter {
	failures: number;
	/** Time of the latest failure (stored in the `window_started_at` column). */
	windowStartedAt: number;
	/** No attempt before this moment; null when the key may try at once. */
	lockedUntil: number | null;
}

/** Milliseconds until the key may try again, or 0 when it may try now. */
export function lockRemaining(state: ThrottleCounter | null, now: number): number {
	if (!state?.lockedUntil) return 0;
	return Math.max(0, state.lockedUntil - now);
}

export function delayAfter(failures: number, p: ThrottlePolicy): number {
	const counted = failures - p.freeFailures;
	if (counted <= 0) return 0;
	return Math.min(p.maxDelayMs, p.firstDelayMs * 2 ** Math.min(counted - 1, 30));
}

export function afterFailure(state: ThrottleCounter | null, now: number, p: ThrottlePolicy): ThrottleCounter {
	const fresh = !state || now - state.windowStartedAt >= p.forgetAfterMs;
	const failures = fresh ? 1 : state.failures + 1;
	const delay = delayAfter(failures, p);
	return { failures, windowStartedAt: now, lockedUntil: delay > 0 ? now + delay : null };
}

/** Whole seconds to wait, for the Retry-After header and the message. */
export function retryAfterSeconds(ms: number): number {
	return Math.max(1, Math.ceil(ms / 1000));
}
