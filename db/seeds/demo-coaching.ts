import type { Db } from '../../src/lib/server/db/connection';
import { addDaysIso } from '../../src/lib/domain/coaching/items';
import { isoDateIn } from '../../src/lib/domain/format';
import { listPlans } from '../../src/lib/server/coaching/coaching-plan.repository';
import { updatePlanMentor, updatePlanStatus } from '../../src/lib/server/coaching/coaching-plan.repository';
import {
	listItemsOfPlans,
	updateItemPlan,
	updateItemStatus
} from '../../src/lib/server/coaching/coaching-item.repository';
import { insertProgress } from '../../src/lib/server/coaching/coaching-progress.repository';
import { addVisitAssessor, insertVisit } from '../../src/lib/server/visits/visit.repository';
import { insertScores, insertSheet } from '../../src/lib/server/sheets/score-sheet.repository';

// The coaching loop of the demo city after MPP-2025 was published (which drafted the plans):
// the plans of units with demo heads and every third other plan are active with the admin as
// mentor; Mrican shows each item state and an overdue item; Puskesmas Selatan had a follow-up
// visit, so its report card shows before and after.

const HEADED = new Set(['KEL-18', 'PKM-01', 'DISDUKCAPIL', 'RSUD-GMB', 'RSUD-KC']);

export async function seedDemoCoaching(
	db: Db,
	ids: {
		adminId: number;
		headOf: (unitCode: string) => number | undefined;
		assessorId: number;
		periodId: number;
	},
	now: Date
): Promise<void> {
	const plans = await listPlans(db, { periodCode: 'MPP-2025' });
	const today = isoDateIn(now);
	for (const [n, plan] of plans.entries()) {
		if (!HEADED.has(plan.unitCode) && n % 3 !== 0) continue;
		await updatePlanMentor(db, plan.id, ids.adminId, now);
		await updatePlanStatus(db, plan.id, 'active', now);
	}
	const mrican = plans.find((p) => p.unitCode === 'KEL-18');
	const head = ids.headOf('KEL-18');
	if (mrican && head) {
		const items = await listItemsOfPlans(db, [mrican.id]);
		const note = (i: number, text: string, status: 'in_progress' | 'done' | 'verified', by: number) =>
			insertProgress(db, { itemId: items[i].id, userId: by, note: text, status, fileId: null }, now);
		if (items[0]) {
			await note(0, 'Draf standar pelayanan sedang dibahas bersama tokoh masyarakat.', 'in_progress', head);
			await updateItemStatus(db, items[0].id, 'in_progress', null, now);
		}
		if (items[1]) {
			await note(1, 'Papan informasi sudah dipasang di ruang tunggu (foto menyusul).', 'done', head);
			await updateItemStatus(db, items[1].id, 'done', null, now);
		}
		if (items[2]) {
			await note(2, 'Kotak saran dan nomor WhatsApp pengaduan sudah tersedia.', 'done', head);
			await note(2, 'Sudah dicek saat pendampingan lapangan.', 'verified', ids.adminId);
			await updateItemStatus(db, items[2].id, 'verified', ids.adminId, now);
		}
		if (items[3]) {
			// Overdue on purpose: the list and the unit head's home highlight it.
			await updateItemPlan(
				db,
				items[3].id,
				{ action: items[3].action, dueOn: addDaysIso(today, -10), responsible: items[3].responsible },
				now
			);
		}
	}
	const selatan = plans.find((p) => p.unitCode === 'PKM-01');
	if (selatan) {
		const items = await listItemsOfPlans(db, [selatan.id]);
		const visitId = await insertVisit(
			db,
			{
				periodId: ids.periodId,
				unitId: selatan.unitId,
				visitNo: 1,
				plannedOn: addDaysIso(today, -3),
				kind: 'follow_up',
				coachingPlanId: selatan.id
			},
			now
		);
		await addVisitAssessor(db, visitId, ids.assessorId);
		const sheetId = await insertSheet(
			db,
			{ visitId, assessorId: ids.assessorId, status: 'submitted', source: 'form' },
			now
		);
		await insertScores(
			db,
			sheetId,
			items.slice(0, 3).map((i) => ({ indicatorId: i.indicatorId, score: i.targetLevel, note: null }))
		);
	}
}
