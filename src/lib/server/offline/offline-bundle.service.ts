import type { Db } from '../db/connection';
import { isVisitEditable } from '../../domain/score-sheet';
import { listVisitsOfAssessor } from '../visits/visit.repository';
import { loadAssessorSheet, type SheetView } from '../sheets/sheet-view.service';

/** What a device keeps for work without signal (README "Install on a phone and offline work"): every open sheet. */
export interface OfflineBundle {
	preparedAt: string;
	sheets: SheetView[];
}

/**
 * The assessor's own sheets that can still be edited: unsubmitted visits of open rounds, sheets
 * reopened inside a correction of a published period, and follow-up visits (docs/rules.md §8.3,
 * §8.4): the same rule as the sheet itself.
 */
export async function loadOfflineBundle(db: Db, userId: number, now: Date): Promise<OfflineBundle> {
	const visits = (await listVisitsOfAssessor(db, userId)).filter(
		(v) => v.sheetState !== 'submitted' && isVisitEditable(v)
	);
	const sheets: SheetView[] = [];
	for (const v of visits) {
		const sheet = await loadAssessorSheet(db, v.visitId, userId);
		if (sheet) sheets.push(sheet);
	}
	return { preparedAt: now.toISOString(), sheets };
}
