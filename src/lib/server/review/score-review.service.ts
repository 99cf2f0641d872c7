import { flagText } from '$lib/i18n/server-text';
import type { Db } from '../db/connection';
import { scoredIndicators } from '../../domain/instrument/queries';
import { findDisagreements } from '../../domain/scoring/disagreement';
import { assessorLeniency } from '../../domain/scoring/leniency';
import type { UnitSheetScores } from '../../domain/scoring/types';
import { findInstrumentById } from '../periods/instrument.repository';
import type { Period } from '../periods/period.repository';
import {
	listFlagResolutions,
	listScoredCells,
	mapAssessorNames,
	type FlagResolution
} from '../results/results.repository';

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
	const cells = await listScoredCells(db, period.id, [...codeOf.keys()]);

	const sheets = new Map<number, UnitSheetScores & { scores: Record<string, number> }>();
	for (const c of cells) {
		let sheet = sheets.get(c.sheetId);
		if (!sheet)
			sheets.set(
				c.sheetId,
				(sheet = { unitCode: c.unitCode, visitNo: c.visitNo, assessorId: c.assessorId, scores: {} })
			);
		sheet.scores[codeOf.get(c.indicatorId)!] = c.score;
	}
	const ordered = [...sheets.values()].sort((a, b) =>
		a.unitCode < b.unitCode ? -1 : a.unitCode > b.unitCode ? 1 : a.visitNo - b.visitNo
	);
	const names = await mapAssessorNames(db, [...new Set(ordered.map((s) => Number(s.assessorId)))]);
	const resolutions = new Map(
		(await listFlagResolutions(db, period.id)).map((r) => [`${r.unitCode}\u0000${r.indicatorCode}`, r])
	);
	const flags: ReviewFlag[] = findDisagreements(ordered, {
		threshold: period.disagreementThreshold,
		indicators: scored
	}).map((f) => {
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
	const leniency = assessorLeniency(ordered, { indicators: scored })
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
