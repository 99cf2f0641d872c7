import type { Db } from '../db/connection';
import { insertUnit } from './unit.repository';
import {
	addUnitToOpenPeriods,
	findUnitByCode,
	listExistingUnits,
	updateUnit
} from './unit-catalog.repository';
import {
	findCategoryByName,
	insertCategory,
	listCategoryNames,
	nextCategoryPosition
} from './category.repository';
import { auditTrail } from '../audit/audit.repository';
import { newSurveyToken } from '../survey/intake/survey-token';
import { invalidateAllPeriodResults } from '../results/result-cache.repository';
import { planUnitImport, type UnitImportCheck } from '../../domain/import/unit-rows';
import type { TabularData } from '../../domain/import/tabular';
import { rowProblemText } from '../files/row-problem-text';

export interface UnitImportSummary {
	created: number;
	updated: number;
	unchanged: number;
	newCategories: string[];
}

export async function previewUnitImport(db: Db, data: TabularData): Promise<UnitImportCheck> {
	const categories = await listCategoryNames(db);
	return planUnitImport(data, await listExistingUnits(db), categories, rowProblemText);
}

/** Validates again inside the transaction and writes everything or nothing. */
export async function applyUnitImport(
	db: Db,
	data: TabularData,
	actorId: number | null,
	now: Date
): Promise<{ ok: true; summary: UnitImportSummary } | { ok: false; problems: string[] }> {
	return db.transaction().execute(async (trx) => {
		const check = await previewUnitImport(trx, data);
		if (!check.ok) return check;
		const { items, newCategories } = check.plan;
		const categoryIds = new Map<string, number>();
		const categoryId = async (name: string) => {
			let id = categoryIds.get(name);
			if (id === undefined) {
				id =
					(await findCategoryByName(trx, name))?.id ??
					(await insertCategory(trx, name, await nextCategoryPosition(trx)));
				categoryIds.set(name, id);
			}
			return id;
		};
		for (const item of items) {
			if (item.action === 'unchanged') continue;
			const catId = await categoryId(item.category);
			if (item.action === 'create') {
				const id = await insertUnit(
					trx,
					{
						code: item.code,
						name: item.name,
						categoryId: catId,
						parentCode: item.parentCode,
						surveyToken: newSurveyToken()
					},
					now
				);
				await addUnitToOpenPeriods(trx, id, catId);
			} else {
				const unit = (await findUnitByCode(trx, item.code))!;
				await updateUnit(
					trx,
					unit.id,
					{ name: item.name, categoryId: catId, parentCode: item.parentCode },
					now
				);
			}
		}
		await invalidateAllPeriodResults(trx);
		const summary: UnitImportSummary = {
			created: items.filter((i) => i.action === 'create').length,
			updated: items.filter((i) => i.action === 'update').length,
			unchanged: items.filter((i) => i.action === 'unchanged').length,
			newCategories
		};
		await auditTrail(trx, actorId, now).record('import', 'unit', null, { ...summary });
		return { ok: true as const, summary };
	});
}
