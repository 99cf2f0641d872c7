import type { Db } from '../db/connection';
import { forUpdate } from '../db/dialect';

export interface ThrottleState {
	key: string;
	failures: number;
	windowStartedAt: number;
	lockedUntil: number | null;
}

type ThrottleRow = { key: string; failures: number; window_started_at: number; locked_until: number | null };
const toState = (r: ThrottleRow): ThrottleState => ({
	key: r.key,
	failures: r.failures,
	windowStartedAt: r.window_started_at,
	lockedUntil: r.locked_until
});

export async function findThrottle(db: Db, key: string): Promise<ThrottleState | null> {
	const r = await db.selectFrom('login_throttle').selectAll().where('key', '=', key).executeTakeFirst();
	return r ? toState(r) : null;
}

/**
 * The key's state for a change in the caller's transaction, its row held until that ends, so two
 * failures at once both count. Only an existing row can be held: a missing one is made first with
 * no failures and no window, which the throttle rules read like no row at all.
 */
export async function lockThrottle(trx: Db, key: string): Promise<ThrottleState> {
	await trx
		.insertInto('login_throttle')
		.values({ key, failures: 0, window_started_at: 0, locked_until: null })
		.onConflict((oc) => oc.column('key').doNothing())
		.execute();
	const query = trx.selectFrom('login_throttle').selectAll().where('key', '=', key);
	return toState(await forUpdate(trx, query).executeTakeFirstOrThrow());
}

export async function saveThrottle(db: Db, s: ThrottleState): Promise<void> {
	await db
		.insertInto('login_throttle')
		.values({
			key: s.key,
			failures: s.failures,
			window_started_at: s.windowStartedAt,
			locked_until: s.lockedUntil
		})
		.onConflict((oc) =>
			oc.column('key').doUpdateSet({
				failures: s.failures,
				window_started_at: s.windowStartedAt,
				locked_until: s.lockedUntil
			})
		)
		.execute();
}

export async function clearThrottle(db: Db, key: string): Promise<void> {
	await db.deleteFrom('login_throttle').where('key', '=', key).execute();
}
