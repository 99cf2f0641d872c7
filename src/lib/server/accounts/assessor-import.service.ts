import type { Db } from '../db/connection';
import { findUserByEmail, insertUser, updateUser } from './user.repository';
import { listAccountsForImport } from './assessor.repository';
import { auditTrail } from '../audit/audit.repository';
import { planAssessorImport, type AssessorImportCheck } from '../../domain/import/assessor-rows';
import type { TabularData } from '../../domain/import/tabular';
import { rowProblemText } from '../files/row-problem-text';

export interface AssessorImportSummary {
	created: number;
	updated: number;
	unchanged: number;
}

export async function previewAssessorImport(db: Db, data: TabularData): Promise<AssessorImportCheck> {
	return planAssessorImport(data, await listAccountsForImport(db), rowProblemText);
}

/** New assessors get no password: they cannot sign in until an admin sets one. */
export async function applyAssessorImport(
	db: Db,
	data: TabularData,
	actorId: number | null,
	now: Date
): Promise<{ ok: true; summary: AssessorImportSummary } | { ok: false; problems: string[] }> {
	return db.transaction().execute(async (trx) => {
		const check = await previewAssessorImport(trx, data);
		if (!check.ok) return check;
		for (const item of check.items) {
			const fields = {
				name: item.name,
				affiliationType: item.affiliationType,
				affiliationName: item.affiliationName,
				phone: item.phone
			};
			if (item.action === 'create')
				await insertUser(trx, { email: item.email, role: 'assessor', passwordHash: null, ...fields }, now);
			else if (item.action === 'update') {
				const user = (await findUserByEmail(trx, item.email))!;
				await updateUser(trx, user.id, { ...fields, phone: item.phone ?? undefined }, now);
			}
		}
		const summary: AssessorImportSummary = {
			created: check.items.filter((i) => i.action === 'create').length,
			updated: check.items.filter((i) => i.action === 'update').length,
			unchanged: check.items.filter((i) => i.action === 'unchanged').length
		};
		await auditTrail(trx, actorId, now).record('import', 'user', null, { ...summary });
		return { ok: true as const, summary };
	});
}
