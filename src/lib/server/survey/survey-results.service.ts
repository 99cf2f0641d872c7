import type { Db } from '../db/connection';
import { displayLocale } from '$lib/i18n/display';
import { m } from '$lib/paraglide/messages';
import {
	PROFILE_FIELDS,
	computeIkm,
	emptySums,
	dayRange,
	shapeBreakdown,
	unitIkmOf,
	type BreakdownField,
	type AnswerSums,
	type BreakdownRow,
	type IkmResult,
	type UnitIkm
} from '../../domain/survey';
import { findPeriodById, type Period } from '../periods/period.repository';
import {
	findPeriodSurveyUnit,
	listPeriodSurveyUnits,
	listPeriodSurveyUnitsBesides,
	listPeriodSurveyUnitsByCode
} from './survey-period.repository';
import { slices } from '../db/slices';
import { readConfig } from '../config';
import { listSurveyUnits } from './survey-unit.repository';
import { sumAnswersBy, sumAnswersByUnit, type ResponseFilter } from './survey-response.repository';

// Survey results per docs/rules.md §6, for the admin dashboard, the CLI, the API, and (later) the public
// results page and the report card: call computePeriodIkm / unitIkm.

export interface PeriodIkm {
	period: Period;
	/** Every unit the period covers, in category order then code. */
	units: UnitIkm[];
	/** All of the period's questionnaires together. */
	overall: IkmResult | null;
}

/** All questionnaires together: the totals are added, never the rounded unit figures. */
function overallOf(sums: Map<number, AnswerSums>): IkmResult | null {
	const acc = emptySums();
	for (const g of sums.values()) {
		acc.respondents += g.respondents;
		g.sums.forEach((x, i) => (acc.sums[i] += x));
	}
	return computeIkm(acc);
}

/** The IKM of every unit the period covers, or only of those in the category of `only.categoryOf`. */
export async function computePeriodIkm(
	db: Db,
	periodId: number,
	only?: { categoryOf: string }
): Promise<PeriodIkm | null> {
	const period = await findPeriodById(db, periodId);
	if (!period) return null;
	const [units, sums] = await Promise.all([
		only ? listPeriodSurveyUnitsBesides(db, periodId, only.categoryOf) : listPeriodSurveyUnits(db, periodId),
		sumAnswersByUnit(db, { periodId })
	]);
	const shaped = units.map((u) => unitIkmOf(u, sums.get(u.id)));
	return { period, units: shaped, overall: overallOf(sums) };
}

/** The IKM of the period's units of the given codes (the mayor's page shows a few hundred of 80,000). */
export async function computeUnitsIkm(
	db: Db,
	periodId: number,
	codes: readonly string[]
): Promise<UnitIkm[]> {
	const out: UnitIkm[] = [];
	for (const slice of slices(codes)) {
		const units = await listPeriodSurveyUnitsByCode(db, periodId, slice);
		const sums = await sumAnswersByUnit(db, { periodId, unitIds: units.map((u) => u.id) });
		for (const u of units) out.push(unitIkmOf(u, sums.get(u.id)));
	}
	return out;
}

/** One unit's IKM in a period (null when the period does not cover the unit). */
export async function unitIkm(db: Db, periodId: number, unitId: number): Promise<UnitIkm | null> {
	const unit = await findPeriodSurveyUnit(db, periodId, unitId);
	if (!unit) return null;
	const sums = await sumAnswersByUnit(db, { periodId, unitId });
	return unitIkmOf(unit, sums.get(unitId));
}

/** IKM of every unit over inclusive dates of the office's zone (a quarter, a semester, a year), across periods. */
export async function computeRangeIkm(
	db: Db,
	from: string,
	to: string
): Promise<{ units: UnitIkm[]; overall: IkmResult | null }> {
	const { start, end } = dayRange(from, to, readConfig().timeZone);
	const [units, sums] = await Promise.all([listSurveyUnits(db), sumAnswersByUnit(db, { start, end })]);
	const shaped = units.filter((u) => u.active || sums.has(u.id)).map((u) => unitIkmOf(u, sums.get(u.id)));
	return { units: shaped, overall: overallOf(sums) };
}

export const BREAKDOWN_FIELDS: readonly BreakdownField[] = ['source', ...PROFILE_FIELDS, 'service'];

export async function computeBreakdowns(
	db: Db,
	filter: ResponseFilter
): Promise<Record<BreakdownField, BreakdownRow[]>> {
	const out = {} as Record<BreakdownField, BreakdownRow[]>;
	// Labels in the reader's language (README "Where translation happens"); Indonesian on the CLI.
	const words = {
		locale: displayLocale(),
		unset: m.bd_unset(),
		channels: {
			online: m.bd_channel_online(),
			paper: m.bd_channel_paper(),
			enumerator: m.bd_channel_enumerator()
		}
	};
	for (const field of BREAKDOWN_FIELDS)
		out[field] = shapeBreakdown(field, await sumAnswersBy(db, field, filter), words);
	return out;
}
