import type { Db } from '../db/connection';
import {
	findCategoryById,
	findCategoryByName,
	insertCategory,
	nextCategoryPosition,
	updateCategory
} from './category.repository';
import { auditTrail } from '../audit/audit.repository';
import { refuse, refuseField, refuseFields, type ServiceResult } from '../service-result';
import { invalidateAllPeriodResults } from '../results/result-cache.repository';
import { m } from '$lib/paraglide/messages';
import { transactionUnlessTaken } from '../db/transaction';

export async function saveCategory(
	db: Db,
	id: number | null,
	input: { name: string; position?: number; active?: boolean },
	actorId: number,
	now: Date
): Promise<ServiceResult<number>> {
	const name = input.name.replace(/\s+/g, ' ').trim();
	if (name.length < 2 || name.length > 80) return refuseField(400, 'name', 'srv_category_name_length');
	if (id !== null && !(await findCategoryById(db, id))) return refuse(404, 'srv_category_not_found');
	// The name check shares the transaction with the write, so a double-clicked "create" gets 409.
	const savedId = await transactionUnlessTaken(
		db,
		async (trx) => {
			const same = await findCategoryByName(trx, name);
			if (same && same.id !== id) return { taken: same.name };
			const savedId =
				id ?? (await insertCategory(trx, name, input.position ?? (await nextCategoryPosition(trx))));
			if (id !== null)
				await updateCategory(trx, id, { name, position: input.position, active: input.active });
			await invalidateAllPeriodResults(trx);
			await auditTrail(trx, actorId, now).record(id === null ? 'create' : 'update', 'category', savedId, {
				name
			});
			return savedId;
		},
		{ taken: name }
	);
	if (typeof savedId !== 'number')
		return refuseField(409, 'name', 'srv_category_exists', { name: savedId.taken });
	return { ok: true, value: savedId };
}

export async function setCategoryActive(
	db: Db,
	id: number,
	active: boolean,
	actorId: number,
	now: Date
): Promise<ServiceResult<null>> {
	const category = await findCategoryById(db, id);
	if (!category) return refuse(404, 'srv_category_not_found');
	// A repeated or stale post changes nothing and says so, instead of a second audit entry.
	if (category.active === active) {
		const message = active ? m.category_already_active : m.category_already_inactive;
		return refuseFields(409, { _form: message({ name: category.name }) });
	}
	if (!active && category.unitCount > 0)
		return refuse(409, 'srv_category_has_units', { name: category.name, count: category.unitCount });
	await db.transaction().execute(async (trx) => {
		await updateCategory(trx, id, { active });
		await auditTrail(trx, actorId, now).record(active ? 'reactivate' : 'deactivate', 'category', id);
	});
	return { ok: true, value: null };
}
