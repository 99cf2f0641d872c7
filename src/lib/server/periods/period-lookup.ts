import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import type { Db } from '../db/connection';
import { inTransaction } from '../db/transaction';
import { ok, refuse, type ServiceResult } from '../service-result';
import { findPeriodByCode, type Period } from './period.repository';

/**
 * The period an action names by its code, or the 404 refusal naming that code: the first step of
 * every action on one period (publishing, opening or closing a correction).
 */
export async function findPeriodOrRefuse(db: Db, code: string): Promise<ServiceResult<Period>> {
	const period = await findPeriodByCode(db, code);
	return period ? ok(period) : refuse(404, 'srv_period_code_not_found', { period: code });
}

/**
 * One service step on the period named by code, in one transaction (so that the period read and
 * the writes that depend on its state agree), or the 404 refusal when the code names none.
 */
export function onPeriod<T>(
	db: Db,
	code: string,
	act: (trx: Db, period: Period) => Promise<ServiceResult<T>>
): Promise<ServiceResult<T>> {
	return inTransaction(db, async (trx) => {
		const found = await findPeriodOrRefuse(trx, code);
		return found.ok ? act(trx, found.value) : found;
	});
}

/** For a page or download of one period: the period, or the 404 page when the code names none. */
export async function findPeriodOr404(db: Db, code: string): Promise<Period> {
	const period = await findPeriodByCode(db, code);
	if (!period) error(404, m.srv_period_code_not_found({ period: code }));
	return period;
}
