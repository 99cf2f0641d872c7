import { flagText } from '$lib/i18n/server-text';
import type { Db } from '../db/connection';
import { scoredIndicators } from '../../domain/instrument/queries';
import { findDisagreements, type DisagreementFlag } from '../../domain/scoring/disagreement';
import { leniencyTally } from '../../domain/scoring/leniency';
import { findInstrumentById } from '../periods/instrument.repository';
import type { Period } from '../periods/period.repository';
import { listFlagResolutions, mapAssessorNames, type FlagResolution } from '../results/results.repository';
import { scoredSheetsByUnits } from './scored-sheets.repository';

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
	const instrument = await findInstrumentById(db, period.instrumentId);
	if (!instrument) throw new Error(`Instrumen periode ${period.code} tidak ada`);
	const scored = scoredIndicators(instrument.def).map((i) => i.code);
	const codeOf = new Map<number, string>();
	for (const code of scored) codeOf.set(instrument.indicatorIds.get(code)!, code);

	// A slice of units at a time (scored-sheets.repository.ts): flags are found unit by unit and
	// leniency is tallied across slices, so the period's cells never all live at once.
	const found: DisagreementFlag[] = [];
	const tally = leniencyTally({ indicators: scored });
	for await (const sheets of scoredSheetsByUnits(db, period.id, codeOf)) {
		for (const flag of findDisagreements(sheets, {
			threshold: period.disagreementThreshold,
			indicators: scored
		}))
			found.push(flag);
		tally.add(sheets);
	}
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
