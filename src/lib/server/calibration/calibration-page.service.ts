import type { Db } from '../db/connection';
import { findPeriodByCode } from '../periods/period.repository';
import { listActiveAssessors } from '../visits/visit-plan.repository';
import { calibrationHeatMap, summarizeCalibration, type HeatMap } from '../../domain/reliability';
import type { AlphaReading } from '../../domain/reliability';
import {
	findRequireCalibrated,
	listCalibratedAssessorIds,
	listCalibrationAnchors,
	listCalibrationScores,
	type CalibrationAnchor
} from './calibration.repository';

// What /admin/periode/{code}/kalibrasi shows (docs/rules.md §9.1): whitelisted, names instead of ids.

export interface CalibrationPage {
	period: { code: string; name: string; status: string; open: boolean };
	anchors: CalibrationAnchor[];
	canAddAnchor: boolean;
	assessors: {
		id: number;
		name: string;
		email: string | null;
		affiliation: string | null;
		calibrated: boolean;
		mad: number | null;
		exact: number | null;
		large: { unit: string; indicator: string; deviation: number }[];
		briefing: boolean;
	}[];
	alpha: number | null;
	reading: AlphaReading | null;
	consensus: { unit: string; indicator: string; consensus: number; scores: number }[];
	heatMap: HeatMap & { names: string[] };
	requireCalibrated: boolean;
}

export async function loadCalibrationPage(db: Db, code: string): Promise<CalibrationPage | null> {
	const period = await findPeriodByCode(db, code);
	if (!period) return null;
	const anchors = await listCalibrationAnchors(db, period.id);
	const summary = summarizeCalibration(await listCalibrationScores(db, period.id));
	const calibrated = await listCalibratedAssessorIds(db, period.id);
	const pool = await listActiveAssessors(db);
	const emails = new Map(anchors.flatMap((a) => a.assessors.map((s) => [s.id, s.email] as const)));
	const stats = new Map(summary.assessors.map((a) => [a.assessor, a]));
	const nameOf = new Map(anchors.flatMap((a) => a.assessors.map((s) => [s.email, s.name] as const)));
	const open = period.status === 'draft' || period.status === 'running';
	return {
		period: { code: period.code, name: period.name, status: period.status, open },
		anchors,
		canAddAnchor: open,
		assessors: pool.map((a) => {
			const email = emails.get(a.id) ?? null;
			const s = email ? stats.get(email) : undefined;
			return {
				id: a.id,
				name: a.name,
				email,
				affiliation: a.affiliation,
				calibrated: calibrated.has(a.id),
				mad: s ? s.mad : null,
				exact: s ? s.exact : null,
				large: (s?.large ?? []).map((d) => ({
					unit: d.unit,
					indicator: d.indicator,
					deviation: d.deviation
				})),
				briefing: s?.briefing ?? false
			};
		}),
		alpha: summary.alphaOrdinal,
		reading: summary.reading,
		consensus: summary.indicators,
		heatMap: {
			...calibrationHeatMap(summary),
			names: summary.assessors.map((a) => nameOf.get(a.assessor) ?? a.assessor)
		},
		requireCalibrated: await findRequireCalibrated(db, period.id)
	};
}
