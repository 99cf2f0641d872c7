import { GRADES, gradeOf, type Grade } from './display';

// docs/rules.md §4.9: statistics of a category cover its complete units; incomplete ones are counted apart.

export interface StatisticsUnit {
	complete: boolean;
	ipp: number | null;
	aspects: Readonly<Record<string, number>> | null;
}

export interface CategoryStatistics {
	count: number;
	incomplete: number;
	/** Null when the category has no complete unit. */
	mean: number | null;
	median: number | null;
	min: number | null;
	max: number | null;
	aspectMeans: Record<string, number> | null;
	/** Every grade present as a key, best first, so tables keep their shape. */
	gradeCounts: Record<Grade, number>;
}

/** Mean summed in ascending order, so that the order of the units cannot change its last bits. */
export function mean(values: ArrayLike<number>): number | null {
	if (values.length === 0) return null;
	const sorted = Float64Array.from(values).sort();
	let sum = 0;
	for (let i = 0; i < sorted.length; i++) sum += sorted[i];
	return sum / sorted.length;
}

/** Middle value; for an even count the mean of the two middle values. */
export function median(values: ArrayLike<number>): number | null {
	if (values.length === 0) return null;
	const sorted = Float64Array.from(values).sort();
	const mid = sorted.length >> 1;
	return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function emptyGradeCounts(): Record<Grade, number> {
	const counts = {} as Record<Grade, number>;
	for (const g of GRADES) counts[g] = 0;
	return counts;
}

export function summarizeCategory(
	units: readonly StatisticsUnit[],
	aspectCodes: readonly string[]
): CategoryStatistics {
	const ipps: number[] = [];
	const aspectSums = new Array<number>(aspectCodes.length).fill(0);
	const gradeCounts = emptyGradeCounts();
	let incomplete = 0;
	for (const unit of units) {
		if (!unit.complete) {
			incomplete++;
			continue;
		}
		if (unit.ipp === null || unit.aspects === null) {
			throw new RangeError('Unit lengkap harus memiliki IPP dan skor aspek');
		}
		ipps.push(unit.ipp);
		gradeCounts[gradeOf(unit.ipp).grade]++;
		for (let j = 0; j < aspectCodes.length; j++) aspectSums[j] += unit.aspects[aspectCodes[j]];
	}
	const count = ipps.length;
	let aspectMeans: Record<string, number> | null = null;
	if (count > 0) {
		aspectMeans = {};
		for (let j = 0; j < aspectCodes.length; j++) {
			aspectMeans[aspectCodes[j]] = aspectSums[j] / count;
		}
	}
	const sorted = Float64Array.from(ipps).sort();
	return {
		count,
		incomplete,
		mean: mean(sorted),
		median: median(sorted),
		min: count > 0 ? sorted[0] : null,
		max: count > 0 ? sorted[count - 1] : null,
		aspectMeans,
		gradeCounts
	};
}
