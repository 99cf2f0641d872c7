import { createHash } from 'node:crypto';
import type { Db } from '../db/connection';
import { clearThrottle, findThrottle, lockThrottle, saveThrottle } from './login-throttle.repository';
import { inTransaction } from '../db/transaction';
import {
	IP_POLICY,
	PAIR_POLICY,
	PASSWORD_LINK_POLICY,
	afterFailure,
	lockRemaining,
	type ThrottlePolicy
} from '../../domain/auth/throttle';

// Every password check a client can repeat (sign-in, the current password on /akun) goes through
// here: growing delays per (account, IP) and per IP, never a hard lock (domain/auth/throttle.ts).

export function hashIp(ip: string): string {
	return createHash('sha256')
		.update('rapor-layanan:ip:' + ip)
		.digest('hex')
		.slice(0, 32);
}

export interface ThrottleKeys {
	/** The (account, IP) pair: cleared by a correct password. For set-password links, the address alone. */
	pair: string;
	pairPolicy: ThrottlePolicy;
	/** The IP across accounts (credential stuffing); absent with RATE_LIMITS=off. */
	ip: string | null;
}

export function throttleKeys(
	scope: 'sign_in' | 'current_password' | 'password_link',
	account: string,
	ip: string,
	rateLimits: boolean
): ThrottleKeys {
	const ipHash = hashIp(ip);
	const ipKey = rateLimits ? `ip:${ipHash}` : null;
	if (scope === 'password_link')
		return { pair: `${scope}:${account}`, pairPolicy: PASSWORD_LINK_POLICY, ip: ipKey };
	return { pair: `${scope}:${account}|${ipHash}`, pairPolicy: PAIR_POLICY, ip: ipKey };
}

const keyList = (k: ThrottleKeys) => [k.pair, ...(k.ip ? [k.ip] : [])];

/** Milliseconds the caller must still wait before its password is even checked; 0: check now. */
export async function throttleWait(db: Db, keys: ThrottleKeys, now: Date): Promise<number> {
	const states = await Promise.all(keyList(keys).map((k) => findThrottle(db, k)));
	return Math.max(0, ...states.map((s) => lockRemaining(s, now.getTime())));
}

export async function noteFailure(db: Db, keys: ThrottleKeys, now: Date): Promise<void> {
	for (const key of keyList(keys)) {
		const policy = key === keys.ip ? IP_POLICY : keys.pairPolicy;
		// read and written in one transaction on a held row: parallel guesses each count
		await inTransaction(db, async (trx) =>
			saveThrottle(trx, { key, ...afterFailure(await lockThrottle(trx, key), now.getTime(), policy) })
		);
	}
}

export async function noteSuccess(db: Db, keys: ThrottleKeys): Promise<void> {
	await clearThrottle(db, keys.pair);
}
