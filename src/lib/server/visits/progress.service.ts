import type { Db } from '../db/connection';
import { findPeriodByCode } from '../periods/period.repository';
import { listPeriodUnitsForPlanning } from './visit-plan.repository';
import { listAssignments, listSubmittedSheets } from './progress.repository';
import {
	cumulativeByDay,
	withBaselineDay,
	incompleteUnits,
	progressByAssessor,
	progressByCategory
} from '../../domain/progress/progress';
import { addDays } from '../../domain/dates';
import { groupBy } from '../../domain/group-by';
import { officeDate } from '../config';

export async function loadPeriodProgress(db: Db, code: string, now: Date) {
	const period = await findPeriodByCode(db, code);
	if (!period) return null;
	const today = officeDate(now);
	const assignments = await listAssignments(db, period.id);
	const sheets = await listSubmittedSheets(db, period.id);
	const units = await listPeriodUnitsForPlanning(db, period.id);
	const rule = { requiredVisits: period.requiredVisits, requiredAssessors: period.requiredAssessors };
	// Grouped once: filtering the sheets for every unit took minutes at national scale (80,000
	// units, 320,000 sheets).
	const sheetsOfUnit = groupBy(sheets, (s) => s.unitId);
	const incomplete = incompleteUnits(
		units.map((u) => ({ ...u, sheets: sheetsOfUnit.get(u.unitId) ?? [] })),
		rule
	);
	const submittedDays = sheets.map((s) => officeDate(new Date(s.submittedAt)));
	const until = today < period.endsOn ? today : period.endsOn;
	return {
		period: { code: period.code, name: period.name, status: period.status, unitCount: units.length },
		today,
		byCategory: progressByCategory(assignments, today),
		byAssessor: progressByAssessor(assignments, today),
		incomplete,
		curve: withBaselineDay(
			cumulativeByDay(
				submittedDays,
				period.startsOn,
				until < period.startsOn ? period.startsOn : until,
				(d) => addDays(d, 1)
			),
			(d) => addDays(d, -1)
		),
		target: units.length * period.requiredVisits
	};
}
