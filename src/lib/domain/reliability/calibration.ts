// Calibration round statistics (docs/rules.md §9.1): consensus per (anchor unit, indicator), each
// assessor's distance from it, and the round's ordinal alpha.
import { round9 } from '../scoring/display';
import { median } from '../scoring/statistics';
import { krippendorffAlpha, readAlpha, type AlphaReading } from './krippendorff-alpha';

export interface CalibrationScore {
	assessor: string;
	unit: string;
	indicator: string;
	score: number;
}

export interface CalibrationConsensus {
	unit: string;
	indicator: string;
	consensus: number;
	/** How many assessors scored this pair. */
	scores: number;
}

export interface CalibrationDeviation {
	unit: string;
	indicator: string;
	score: number;
	consensus: number;
	/** score - consensus: positive when the assessor was more lenient than the group. */
	deviation: number;
}

export interface AssessorCalibration {
	assessor: string;
	scores: number;
	/** Mean absolute deviation from consensus over every calibration score given. */
	mad: number;
	/** Share of scores equal to the consensus. */
	exact: number;
	/** Every score with its deviation, in input order (the heat map's cells). */
	deviations: CalibrationDeviation[];
	/** The scores at least LARGE_DEVIATION away from consensus. */
	large: CalibrationDeviation[];
	briefing: boolean;
}

export interface CalibrationSummary {
	indicators: CalibrationConsensus[];
	assessors: AssessorCalibration[];
	/** Null when undefined (fewer than two scores on every pair, or no variation at all). */
	alphaOrdinal: number | null;
	reading: AlphaReading | null;
}

export const LARGE_DEVIATION = 2;
/** A round has one to three anchor units. */
export const MAX_ANCHORS = 3;
export const BRIEFING_MAD = 1;

const pairKey = (unit: string, indicator: string) => JSON.stringify([unit, indicator]);

/**
 * Pairs and assessors keep the order in which they first appear in `scores`, so the caller
 * decides it (anchor units, then the instrument's indicator order).
 */
export function summarizeCalibration(scores: readonly CalibrationScore[]): CalibrationSummary {
	const pairs = new Map<string, { unit: string; indicator: string; byAssessor: Map<string, number> }>();
	const assessors: string[] = [];
	for (const s of scores) {
		if (!Number.isFinite(s.score)) throw new RangeError(`Skor bukan angka: ${s.score}`);
		const key = pairKey(s.unit, s.indicator);
		let pair = pairs.get(key);
		if (!pair) {
			pair = { unit: s.unit, indicator: s.indicator, byAssessor: new Map() };
			pairs.set(key, pair);
		}
		if (pair.byAssessor.has(s.assessor)) {
			throw new RangeError(`Skor ganda: ${s.assessor} pada ${s.unit} ${s.indicator}`);
		}
		pair.byAssessor.set(s.assessor, s.score);
		if (!assessors.includes(s.assessor)) assessors.push(s.assessor);
	}

	const consensus = new Map<string, number>();
	const indicators: CalibrationConsensus[] = [];
	for (const [key, pair] of pairs) {
		const value = median([...pair.byAssessor.values()])!;
		consensus.set(key, value);
		indicators.push({
			unit: pair.unit,
			indicator: pair.indicator,
			consensus: value,
			scores: pair.byAssessor.size
		});
	}

	const perAssessor = assessors.map((assessor) => {
		const deviations: CalibrationDeviation[] = scores
			.filter((s) => s.assessor === assessor)
			.map((s) => {
				const c = consensus.get(pairKey(s.unit, s.indicator))!;
				return { unit: s.unit, indicator: s.indicator, score: s.score, consensus: c, deviation: s.score - c };
			});
		const absolute = deviations.map((d) => Math.abs(d.deviation));
		const mad = absolute.reduce((sum, d) => sum + d, 0) / absolute.length;
		return {
			assessor,
			scores: deviations.length,
			mad,
			exact: absolute.filter((d) => d === 0).length / absolute.length,
			deviations,
			large: deviations.filter((d) => Math.abs(d.deviation) >= LARGE_DEVIATION),
			// Compared after the 9-decimal rounding of docs/rules.md §4.5, so 0.1 + 0.9 style noise cannot flip it.
			briefing: round9(mad) >= BRIEFING_MAD
		};
	});

	const units = [...pairs.values()].map((pair) => assessors.map((a) => pair.byAssessor.get(a) ?? null));
	const alphaOrdinal = krippendorffAlpha(units, 'ordinal');
	return {
		indicators,
		assessors: perAssessor,
		alphaOrdinal,
		reading: alphaOrdinal === null ? null : readAlpha(alphaOrdinal)
	};
}

export interface CalibrationJson {
	alpha_ordinal: number | null;
	reading: AlphaReading | null;
	assessors: { email: string; mad: number; exact: number; briefing: boolean }[];
	indicators: { unit: string; code: string; consensus: number; scores: number }[];
}

/** The README's `calibration --format json` shape; assessors are keyed by e-mail. Full precision. */
export function calibrationJson(summary: CalibrationSummary): CalibrationJson {
	return {
		alpha_ordinal: summary.alphaOrdinal,
		reading: summary.reading,
		assessors: summary.assessors.map((a) => ({
			email: a.assessor,
			mad: a.mad,
			exact: a.exact,
			briefing: a.briefing
		})),
		indicators: summary.indicators.map((i) => ({
			unit: i.unit,
			code: i.indicator,
			consensus: i.consensus,
			scores: i.scores
		}))
	};
}
