import { flagText } from '$lib/i18n/server-text';
import type { Db } from '../db/connection';
import { findDisagreements, type DisagreementFlag } from '../../domain/scoring/disagreement';
import { leniencyTally } from '../../domain/scoring/leniency';
import type { Period } from '../periods/period.repository';
import { listFlagResolutions, mapAssessorNames, type FlagResolution } from '../results/results.repository';
import { scoredSheetsByUnits } from './scored-sheets.repository';
import { fillUnitReviews, listUnitReviews, readScoredIndicators } from './unit-review.repository';

// Disagreement flags (docs/rules.md §4.10) and assessor leniency (docs/rules.md §4.11) of a period, for the
// administrators' results page and for publishing. Reads only scored indicators of submitted
// sheets on regular visits.

export interface ReviewFlag {
	unitCode: string;
	indicatorCode: string;
	min: number;
	max: number;
	spread: number;
	scores: { visitNo: number; assessorId: number; assessor: string; score: number }[];
	resolution: Omit<FlagResolution, 'unitCode' | 'indicatorCode'> | null;
}

export interface LeniencyRow {
	assessorId: number;
	name: string;
	email: string;
	meanDeviation: number | null;
	count: number;
}

/** A leniency row as the results and review pages show it: lenient when scoring above the others. */
export interface LeniencyView {
	name: string;
	email: string;
	mean: number | null;
	lenient: boolean;
	count: number;
}

export function leniencyView(rows: readonly LeniencyRow[]): LeniencyView[] {
	return rows.map((l) => ({
		name: l.name,
		email: l.email,
		mean: l.meanDeviation,
		lenient: l.meanDeviation !== null && l.meanDeviation > 0,
		count: l.count
	}));
}

export interface ScoreReview {
	flags: ReviewFlag[];
	openFlags: ReviewFlag[];
	leniency: LeniencyRow[];
}

export async function reviewPeriodScores(db: Db, period: Period): Promise<ScoreReview> {
	const indicators = await readScoredIndicators(db, period.id);
	const scored = [...indicators.values()];

	// One stored figure per unit (unit-review.repository.ts): leniency adds them up, and only the
	// units whose widest spread reaches the threshold have their sheets read for flags, a slice
	// of units at a time (scored-sheets.repository.ts). Units whose figures are missing are read
	// once: their flags come from the sheets the fill reads.
	const options = { threshold: period.disagreementThreshold, indicators: scored };
	const found: DisagreementFlag[] = [];
	const filled = new Set<number>();
	await fillUnitReviews(db, period.id, indicators, (unitIds, sheets) => {
		for (const id of unitIds) filled.add(id);
		for (const flag of findDisagreements(sheets, options)) found.push(flag);
	});
	const tally = leniencyTally({ indicators: scored });
	const flagged = new Set<number>();
	for (const unit of await listUnitReviews(db, period.id)) {
		tally.addUnit(unit.leniency);
		if (unit.maxSpread !== null && unit.maxSpread >= options.threshold && !filled.has(unit.unitId))
			flagged.add(unit.unitId);
	}
	if (flagged.size > 0)
		for await (const sheets of scoredSheetsByUnits(db, period.id, indicators, flagged))
			for (const flag of findDisagreements(sheets, options)) found.push(flag);
	// Flags by unit code, then in indicator order (the order findDisagreements gives within a unit).
	found.sort((a, b) => (a.unitCode < b.unitCode ? -1 : a.unitCode > b.unitCode ? 1 : 0));
	const lenient = tally.result();
	const names = await mapAssessorNames(
		db,
		lenient.map((l) => Number(l.assessorId))
	);
	const resolutions = new Map(
		(await listFlagResolutions(db, period.id)).map((r) => [`${r.unitCode}\u0000${r.indicatorCode}`, r])
	);
	const flags: ReviewFlag[] = found.map((f) => {
		const r = resolutions.get(`${f.unitCode}\u0000${f.indicatorCode}`);
		return {
			unitCode: f.unitCode,
			indicatorCode: f.indicatorCode,
			min: f.min,
			max: f.max,
			spread: f.spread,
			scores: f.scores.map((s) => ({
				visitNo: s.visitNo,
				assessorId: Number(s.assessorId),
				assessor: names.get(Number(s.assessorId))?.name ?? String(s.assessorId),
				score: s.score
			})),
			resolution: r
				? { action: r.action, note: r.note, resolvedAt: r.resolvedAt, resolvedBy: r.resolvedBy }
				: null
		};
	});
	const leniency = lenient
		.map((l) => {
			const who = names.get(Number(l.assessorId));
			return {
				assessorId: Number(l.assessorId),
				name: who?.name ?? String(l.assessorId),
				email: who?.email ?? '',
				meanDeviation: l.meanDeviation,
				count: l.count
			};
		})
		.sort((a, b) => (b.meanDeviation ?? 0) - (a.meanDeviation ?? 0));
	return { flags, openFlags: flags.filter((f) => f.resolution === null), leniency };
}

/** One line per open flag, for the command line and confirmation screens (request language). */
export function describeFlag(f: ReviewFlag): string {
	return flagText(f);
}
