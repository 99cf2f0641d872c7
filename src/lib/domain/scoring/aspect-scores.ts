import type { AspectWeight, InstrumentDef } from '../instrument/types';

// docs/rules.md §4.3-4.4: weighted sums with the weights exactly as published. Unrounded throughout.
// One Σ w_i·s_i (plannedAspectSums, at the end): by indicator code here, by position in the
// import; the same terms in the same order, so both give the same bits.
function weightedAspectSums(
	def: InstrumentDef,
	valueOf: Readonly<Record<string, number>>,
	what: string
): Record<string, number> {
	const plan = aspectSumPlan(def);
	const values = new Float64Array(plan.indicatorCount);
	plan.codes.forEach((codes, a) =>
		codes.forEach((code, i) => {
			const value = valueOf[code];
			if (typeof value !== 'number' || !Number.isFinite(value)) {
				throw new RangeError(`${what} indikator ${code} tidak ada`);
			}
			values[plan.positions[a][i]] = value;
		})
	);
	const sums = new Float64Array(plan.aspects.length);
	plannedAspectSums(plan, values, 0, sums);
	return Object.fromEntries(plan.aspects.map((aspect, a) => [aspect, sums[a]]));
}

/** Aspect score = Σ w_i·s_i with the weights as published, not renormalised (docs/rules.md §4.3). */
export function aspectScoresFromIndicatorMeans(
	def: InstrumentDef,
	means: Readonly<Record<string, number>>
): Record<string, number> {
	return weightedAspectSums(def, means, 'Rata-rata');
}

/** One sheet's Σ w_i·s_i per scored aspect; every scored indicator needs an integer 0..5 (docs/rules.md §4.1). */
export function sheetAspectSums(
	def: InstrumentDef,
	scores: Readonly<Record<string, number>>
): Record<string, number> {
	for (const aspect of def.aspects) {
		for (const ind of aspect.indicators) {
			const s = scores[ind.code];
			if (s === undefined && (ind.weight <= 0 || aspect.weight <= 0)) continue;
			if (typeof s !== 'number' || !Number.isInteger(s) || s < 0 || s > 5) {
				throw new RangeError(`Nilai indikator ${ind.code} harus bilangan bulat 0 sampai 5 (kini ${s})`);
			}
		}
	}
	return weightedAspectSums(def, scores, 'Nilai');
}

/** IPP = Σ W_a·aspect_a over aspects of weight above 0 (docs/rules.md §4.4). */
export function ippFromAspects(
	aspectWeights: readonly AspectWeight[],
	aspectScores: Readonly<Record<string, number>>
): number {
	let ipp = 0;
	for (const aspect of aspectWeights) {
		if (aspect.weight <= 0) continue;
		const score = aspectScores[aspect.code];
		if (typeof score !== 'number' || !Number.isFinite(score)) {
			throw new RangeError(`Skor aspek ${aspect.code} tidak ada`);
		}
		ipp += aspect.weight * score;
	}
	return ipp;
}

/**
 * The terms of the aspect sums by indicator position (every indicator in instrument order, as
 * scoreImportPlan numbers them): bulk imports hold scores in typed arrays, as a record per sheet
 * costs more than its sums at hundreds of thousands of sheets (README, "Benchmark").
 */
export interface AspectSumPlan {
	/** Aspects of weight above 0, in instrument order. */
	aspects: string[];
	/** Per aspect: codes, positions and weights of its indicators of weight above 0, in instrument order. */
	codes: string[][];
	positions: number[][];
	weights: number[][];
	/** Indicators of the instrument, weighted or not: the positions run below this. */
	indicatorCount: number;
}

export function aspectSumPlan(def: InstrumentDef): AspectSumPlan {
	const plan: AspectSumPlan = { aspects: [], codes: [], positions: [], weights: [], indicatorCount: 0 };
	let position = 0;
	for (const aspect of def.aspects) {
		const codes: string[] = [];
		const positions: number[] = [];
		const weights: number[] = [];
		for (const ind of aspect.indicators) {
			if (ind.weight > 0) {
				codes.push(ind.code);
				positions.push(position);
				weights.push(ind.weight);
			}
			position++;
		}
		if (aspect.weight <= 0) continue;
		plan.aspects.push(aspect.code);
		plan.codes.push(codes);
		plan.positions.push(positions);
		plan.weights.push(weights);
	}
	plan.indicatorCount = position;
	return plan;
}

/** Σ w_i·s_i per aspect of the plan, the scores at scores[base + position]; out[a] is plan.aspects[a]'s. */
export function plannedAspectSums(
	plan: AspectSumPlan,
	scores: ArrayLike<number>,
	base: number,
	out: Float64Array
): void {
	for (let a = 0; a < plan.aspects.length; a++) {
		const positions = plan.positions[a];
		const weights = plan.weights[a];
		let sum = 0;
		for (let i = 0; i < positions.length; i++) sum += weights[i] * scores[base + positions[i]];
		out[a] = sum;
	}
}
