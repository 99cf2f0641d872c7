import type { Db } from '../db/connection';
import { officeDate } from '../config';
import { findComplaintsByTickets, saveComplaint } from './complaint.repository';
import { findUnitIdsByCodes, listUnitCodes } from '../units/unit.repository';
import { auditTrail } from '../audit/audit.repository';
import { planComplaintImport, type ComplaintImportCheck } from '../../domain/complaints/complaint-rows';
import type { TabularData } from '../../domain/import/tabular';
import { rowProblemText } from '../files/row-problem-text';

// Import of complaint records (docs/rules.md §9.3): the same two steps and rules as every import
// (preview, then all rows or none; problems as `baris N: ...`).

export interface ComplaintImportSummary {
	created: number;
	updated: number;
	unchanged: number;
}

export async function previewComplaintImport(
	db: Db,
	data: TabularData,
	now: Date
): Promise<ComplaintImportCheck> {
	const tickets = [...new Set(data.rows.map((r) => (r.cells.ticket ?? '').trim()).filter((t) => t !== ''))];
	return planComplaintImport(
		data,
		await listUnitCodes(db),
		await findComplaintsByTickets(db, tickets),
		officeDate(now),
		rowProblemText
	);
}

/** Validates again inside the transaction and writes everything or nothing. */
export async function applyComplaintImport(
	db: Db,
	data: TabularData,
	actorId: number | null,
	now: Date
): Promise<{ ok: true; summary: ComplaintImportSummary } | { ok: false; problems: string[] }> {
	return db.transaction().execute(async (trx) => {
		const check = await previewComplaintImport(trx, data, now);
		if (!check.ok) return check;
		const changed = check.items.filter((i) => i.action !== 'unchanged');
		const unitIds = await findUnitIdsByCodes(trx, [...new Set(changed.map((i) => i.unitCode))]);
		for (const item of changed)
			await saveComplaint(trx, { ...item, unitId: unitIds.get(item.unitCode)! }, now);
		const summary: ComplaintImportSummary = {
			created: check.items.filter((i) => i.action === 'create').length,
			updated: check.items.filter((i) => i.action === 'update').length,
			unchanged: check.items.filter((i) => i.action === 'unchanged').length
		};
		await auditTrail(trx, actorId, now).record('import', 'complaint', null, { ...summary });
		return { ok: true as const, summary };
	});
}
