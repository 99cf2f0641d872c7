import type { Db } from '../db/connection';
import { loadResults } from '../results/results.service';
import { computePeriodIkm } from '../survey/survey-results.service';
import { listComplaintsReceivedBetween } from './complaint.repository';
import { findPeriodByCode, type Period } from '../periods/period.repository';
import { complaintFiguresByUnit } from '../../domain/complaints/figures';
import {
	triangulateCategory,
	type TriangulatedUnit,
	type TriangulationInput
} from '../../domain/triangulation';
import type { PeriodStatus } from '../db/schema';

// Triangulation of a period (docs/rules.md §9.3): the IPP of the results the period shows (the published
// snapshot once published), the IKM of its survey, and the complaints received inside its survey
// window, ranked within each category in the administrator's category order.

export interface PeriodTriangulation {
	period: { code: string; name: string; status: PeriodStatus; surveyFrom: string; surveyTo: string };
	categories: { name: string; units: TriangulatedUnit[] }[];
}

const windowOf = (p: Period) => ({ from: p.surveyFrom, to: p.surveyTo });

export function loadTriangulation(
	db: Db,
	periodCode: string,
	now: Date
): Promise<PeriodTriangulation | null> {
	return triangulate(db, periodCode, now, null);
}

/**
 * The triangulation of every category, or of the one that holds `unitCode`: each category ranks
 * on its own (docs/rules.md §9.3), and a national period has 16,000 units in each of five.
 */
async function triangulate(
	db: Db,
	periodCode: string,
	now: Date,
	unitCode: string | null
): Promise<PeriodTriangulation | null> {
	const [found, surveyPeriod] = await Promise.all([
		loadResults(db, periodCode, now),
		findPeriodByCode(db, periodCode)
	]);
	if (!found || !surveyPeriod) return null;
	const wanted =
		unitCode === null
			? found.doc.categories
			: found.doc.categories.filter((c) => c.units.some((u) => u.code === unitCode));
	const [ikm, complaints] = await Promise.all([
		computePeriodIkm(
			db,
			surveyPeriod.id,
			// The unit's category only: the period's category of a unit is fixed (period_unit), and
			// each category ranks on its own (docs/rules.md §9.3).
			unitCode === null ? undefined : { categoryOf: unitCode }
		),
		listComplaintsReceivedBetween(db, windowOf(surveyPeriod))
	]);
	const ikmByCode = new Map((ikm?.units ?? []).map((u) => [u.code, u.result]));
	const figures = complaintFiguresByUnit(complaints, windowOf(surveyPeriod));
	const categories = wanted.map((category) => ({
		name: category.name,
		units: triangulateCategory(
			category.units.map((u): TriangulationInput => {
				const survey = ikmByCode.get(u.code) ?? null;
				return {
					code: u.code,
					name: u.name,
					// Provisional IPPs of incomplete units are not comparable: only complete units rank.
					ipp: u.complete ? u.ipp : null,
					aspectV: u.aspects?.V ?? null,
					ikm: survey?.ikm ?? null,
					u8: survey?.nrr.U8 ?? null,
					complaints: figures.get(u.code) ?? null
				};
			})
		)
	}));
	const { code, name, status, surveyFrom, surveyTo } = surveyPeriod;
	return { period: { code, name, status, surveyFrom, surveyTo }, categories };
}

/** One unit's signals with its category name; null when the period does not cover the unit. */
export async function loadUnitTriangulation(
	db: Db,
	periodCode: string,
	unitCode: string,
	now: Date
): Promise<{ category: string; unit: TriangulatedUnit } | null> {
	const own = await triangulate(db, periodCode, now, unitCode);
	for (const category of own?.categories ?? []) {
		const unit = category.units.find((u) => u.code === unitCode);
		if (unit) return { category: category.name, unit };
	}
	return null;
}
