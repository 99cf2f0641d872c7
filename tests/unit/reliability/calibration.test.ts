import { describe, expect, it } from 'vitest';
import {
	calibrationJson,
	summarizeCalibration,
	type CalibrationScore
} from '../../../src/lib/domain/reliability/calibration';

/** rows: indicator, then the scores of assessors a, b, c, d (null: not scored). */
function round(unit: string, rows: [string, ...(number | null)[]][]): CalibrationScore[] {
	const out: CalibrationScore[] = [];
	for (const [indicator, ...values] of rows) {
		values.forEach((score, i) => {
			if (score !== null) out.push({ assessor: 'abcd'[i], unit, indicator, score });
		});
	}
	return out;
}

// Consensus by hand: K1 3,3,3,4 -> 3; K2 2,4,5 -> 4; K3 1,2,2,5 -> 2; K4 3,4 -> 3.5.
const scores = round('KEL-01', [
	['K1', 3, 3, 4, 3],
	['K2', 2, 4, 5, null],
	['K3', 1, 2, 2, 5],
	['K4', 4, 3, null, null]
]);

describe('calibration round statistics', () => {
	it('takes the median as consensus, the mean of the two middle scores for an even count', () => {
		expect(summarizeCalibration(scores).indicators).toEqual([
			{ unit: 'KEL-01', indicator: 'K1', consensus: 3, scores: 4 },
			{ unit: 'KEL-01', indicator: 'K2', consensus: 4, scores: 3 },
			{ unit: 'KEL-01', indicator: 'K3', consensus: 2, scores: 4 },
			{ unit: 'KEL-01', indicator: 'K4', consensus: 3.5, scores: 2 }
		]);
	});

	it('gives each assessor MAD, exact agreement and the indicators 2 or more away', () => {
		const byAssessor = Object.fromEntries(summarizeCalibration(scores).assessors.map((a) => [a.assessor, a]));
		// a: 0, -2, -1, +0.5; b: 0, 0, 0, -0.5; c: +1, +1, 0; d: 0, +3.
		expect(byAssessor.a).toMatchObject({ scores: 4, mad: 3.5 / 4, exact: 1 / 4, briefing: false });
		expect(byAssessor.a.large).toEqual([
			{ unit: 'KEL-01', indicator: 'K2', score: 2, consensus: 4, deviation: -2 }
		]);
		expect(byAssessor.b).toMatchObject({ scores: 4, mad: 0.5 / 4, exact: 3 / 4, briefing: false, large: [] });
		expect(byAssessor.c).toMatchObject({ scores: 3, mad: 2 / 3, exact: 1 / 3, briefing: false, large: [] });
		expect(byAssessor.d).toMatchObject({ scores: 2, mad: 1.5, exact: 1 / 2, briefing: true });
		expect(byAssessor.d.large.map((d) => [d.indicator, d.deviation])).toEqual([['K3', 3]]);
		expect(byAssessor.a.deviations.map((d) => d.deviation)).toEqual([0, -2, -1, 0.5]);
	});

	it('computes the ordinal alpha over (anchor unit, indicator) pairs with assessors as coders', () => {
		// Coincidences by hand: n = (1, 3, 4, 3, 2) for values 1..5, D_o sum 1225/3, D_e sum 4485.
		const summary = summarizeCalibration(scores);
		expect(summary.alphaOrdinal).toBeCloseTo(1 - (12 * 1225) / 3 / 4485, 12);
		expect(summary.reading).toBe('unreliable');
	});

	it('marks a briefing at a MAD of exactly 1.00', () => {
		const summary = summarizeCalibration(round('KEL-02', [['K1', 1, 3]]));
		expect(summary.indicators[0].consensus).toBe(2);
		expect(summary.assessors.map((a) => [a.mad, a.briefing])).toEqual([
			[1, true],
			[1, true]
		]);
	});

	it('reads a unanimous round with varied scores as reliable', () => {
		const summary = summarizeCalibration([
			...round('KEL-01', [
				['K1', 3, 3, 3],
				['K2', 5, 5, null]
			]),
			...round('TRAIN', [['K1', 1, 1, 1]])
		]);
		expect(summary.alphaOrdinal).toBe(1);
		expect(summary.reading).toBe('reliable');
		expect(summary.assessors.every((a) => a.mad === 0 && a.exact === 1)).toBe(true);
		expect(summary.indicators.map((i) => i.unit)).toEqual(['KEL-01', 'KEL-01', 'TRAIN']);
	});

	it('leaves alpha undefined when no pair has two scores, and refuses a duplicate score', () => {
		const single = summarizeCalibration(
			round('KEL-01', [
				['K1', 4, null],
				['K2', null, 2]
			])
		);
		expect(single.alphaOrdinal).toBeNull();
		expect(single.reading).toBeNull();
		expect(() => summarizeCalibration([...scores, scores[0]])).toThrow(RangeError);
	});

	it('gives the JSON shape of README "Calibration round" with assessors keyed by e-mail', () => {
		const json = calibrationJson(summarizeCalibration(round('KEL-02', [['K1', 1, 3]])));
		expect(json).toEqual({
			// One pair, two different scores: observed disagreement equals the expected one.
			alpha_ordinal: 0,
			reading: 'unreliable',
			assessors: [
				{ email: 'a', mad: 1, exact: 0, briefing: true },
				{ email: 'b', mad: 1, exact: 0, briefing: true }
			],
			indicators: [{ unit: 'KEL-02', code: 'K1', consensus: 2, scores: 2 }]
		});
	});
});
