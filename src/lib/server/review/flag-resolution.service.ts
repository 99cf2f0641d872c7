import type { Db } from '../db/connection';
import { inTransaction } from '../db/transaction';
import { findPeriodByCode } from '../periods/period.repository';
import { findInstrumentById } from '../periods/instrument.repository';
import { findUnitIdByCode } from '../units/unit.repository';
import { findMaxVisitNo, flagResolutionExists, insertFlagResolution } from './disagreement.repository';
import { insertVisit } from '../visits/visit.repository';
import { recordAudit } from '../audit/audit.repository';
import { invalidatePeriodResults } from '../results/result-cache.repository';
import { reviewPeriodScores } from './score-review.service';

// Resolving a disagreement flag (docs/rules.md §4.10): with a note, or by ordering an extra visit, which
// adds the unit's next regular visit (visit_no = max + 1) for an assessor to be assigned later.

export interface ResolveFlagInput {
	periodCode: string;
	unitCode: string;
	indicatorCode: string;
	action: 'note' | 'extra_visit';
	note: string;
	userId: number;
}

export type ResolveFlagResult =
	{ ok: true; visitNo: number | null } | { ok: false; status: 400 | 404 | 409; error: string };

export const RESOLUTION_NOTE_MAX = 2000;

export async function resolveDisagreement(
	db: Db,
	input: ResolveFlagInput,
	now: Date
): Promise<ResolveFlagResult> {
	const note = input.note.trim();
	if (!note) return { ok: false, status: 400, error: 'Catatan penyelesaian wajib diisi.' };
	if (note.length > RESOLUTION_NOTE_MAX)
		return { ok: false, status: 400, error: `Catatan paling panjang ${RESOLUTION_NOTE_MAX} karakter.` };
	return inTransaction(db, async (trx) => {
		const period = await findPeriodByCode(trx, input.periodCode);
		if (!period) return { ok: false, status: 404, error: `Periode "${input.periodCode}" tidak ditemukan.` };
		if (period.status === 'archived')
			return { ok: false, status: 409, error: `Periode ${period.code} sudah diarsipkan.` };
		const flag = (await reviewPeriodScores(trx, period)).flags.find(
			(f) => f.unitCode === input.unitCode && f.indicatorCode === input.indicatorCode
		);
		if (!flag)
			return {
				ok: false,
				status: 404,
				error: `Tidak ada selisih penilaian untuk unit ${input.unitCode} indikator ${input.indicatorCode}.`
			};
		if (flag.resolution)
			return { ok: false, status: 409, error: 'Selisih ini sudah diselesaikan sebelumnya.' };
		const unitId = (await findUnitIdByCode(trx, input.unitCode))!;
		const instrument = (await findInstrumentById(trx, period.instrumentId))!;
		const indicatorId = instrument.indicatorIds.get(input.indicatorCode)!;
		// Two admins on the same flag: the unique key decides, the later one gets a clear 409.
		if (await flagResolutionExists(trx, period.id, unitId, indicatorId))
			return { ok: false, status: 409, error: 'Selisih ini sudah diselesaikan sebelumnya.' };
		let visitNo: number | null = null;
		if (input.action === 'extra_visit') {
			visitNo = (await findMaxVisitNo(trx, period.id, unitId)) + 1;
			await insertVisit(trx, { periodId: period.id, unitId, visitNo, plannedOn: null }, now);
		}
		await insertFlagResolution(
			trx,
			{ periodId: period.id, unitId, indicatorId, action: input.action, note, resolvedBy: input.userId },
			now
		);
		await invalidatePeriodResults(trx, period.id);
		await recordAudit(
			trx,
			{
				userId: input.userId,
				action: 'disagreement.resolve',
				entity: 'period',
				entityId: period.id,
				detail: {
					code: period.code,
					unit: input.unitCode,
					indicator: input.indicatorCode,
					action: input.action,
					note,
					extraVisitNo: visitNo
				}
			},
			now
		);
		return { ok: true, visitNo };
	});
}
