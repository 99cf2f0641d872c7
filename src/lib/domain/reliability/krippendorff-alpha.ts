// Krippendorff's alpha (docs/rules.md §9.1), computed through the coincidence matrix as in Krippendorff
// (2011), "Computing Krippendorff's Alpha-Reliability": alpha = 1 - D_o / D_e.

export type AlphaMetric = 'nominal' | 'ordinal' | 'interval' | 'ratio';

/** One unit of analysis: the value each coder gave, null where a coder gave none. */
export type ReliabilityUnit = readonly (number | null)[];

/** Coders-by-units data (one row per coder, as the paper prints it) turned into units. */
export function unitsFromCoderRows(rows: readonly (readonly (number | null)[])[]): ReliabilityUnit[] {
	const width = rows.reduce((w, row) => Math.max(w, row.length), 0);
	const units: (number | null)[][] = [];
	for (let u = 0; u < width; u++) units.push(rows.map((row) => row[u] ?? null));
	return units;
}

interface Coincidences {
	values: number[];
	/** o[c][k] over the sorted distinct values. */
	o: number[][];
	/** n_c, the marginal of each value. */
	marginals: number[];
	total: number;
}

/** Units with fewer than two values carry no information about agreement and are skipped. */
function coincidences(units: readonly ReliabilityUnit[]): Coincidences {
	const pairable: number[][] = [];
	for (const unit of units) {
		const present = unit.filter((v): v is number => v !== null);
		for (const v of present) {
			if (!Number.isFinite(v)) throw new RangeError(`Nilai bukan angka terhingga: ${v}`);
		}
		if (present.length >= 2) pairable.push(present);
	}
	const values = [...new Set(pairable.flat())].sort((a, b) => a - b);
	const index = new Map(values.map((v, i) => [v, i]));
	const o = values.map(() => new Array<number>(values.length).fill(0));
	for (const present of pairable) {
		const weight = 1 / (present.length - 1);
		const counts = new Map<number, number>();
		for (const v of present) counts.set(index.get(v)!, (counts.get(index.get(v)!) ?? 0) + 1);
		for (const [c, nc] of counts) {
			for (const [k, nk] of counts) {
				// Ordered pairs of distinct coders: n_c * n_k, minus the pairs of a value with itself.
				o[c][k] += (c === k ? nc * (nc - 1) : nc * nk) * weight;
			}
		}
	}
	const marginals = o.map((row) => row.reduce((s, x) => s + x, 0));
	const total = marginals.reduce((s, x) => s + x, 0);
	return { values, o, marginals, total };
}

function distanceSquared(metric: AlphaMetric, m: Coincidences, c: number, k: number): number {
	if (c === k) return 0;
	const a = m.values[c];
	const b = m.values[k];
	switch (metric) {
		case 'nominal':
			return 1;
		case 'interval':
			return (a - b) ** 2;
		case 'ratio':
			return a + b === 0 ? 0 : ((a - b) / (a + b)) ** 2;
		case 'ordinal': {
			const lo = Math.min(c, k);
			const hi = Math.max(c, k);
			let sum = 0;
			for (let g = lo; g <= hi; g++) sum += m.marginals[g];
			return (sum - (m.marginals[c] + m.marginals[k]) / 2) ** 2;
		}
	}
}

/**
 * Alpha for the given metric. Null when it is undefined: no unit holds two values, or the
 * pairable values do not vary at all (the paper's 0/0 case), so no agreement can be told from
 * chance.
 */
export function krippendorffAlpha(units: readonly ReliabilityUnit[], metric: AlphaMetric): number | null {
	const m = coincidences(units);
	let observed = 0;
	let expected = 0;
	for (let c = 0; c < m.values.length; c++) {
		for (let k = 0; k < m.values.length; k++) {
			if (c === k) continue;
			const d = distanceSquared(metric, m, c, k);
			observed += m.o[c][k] * d;
			expected += m.marginals[c] * m.marginals[k] * d;
		}
	}
	if (m.total === 0 || expected === 0) return null;
	return 1 - ((m.total - 1) * observed) / expected;
}

export type AlphaReading = 'reliable' | 'tentative' | 'unreliable';

/**
 * Krippendorff's reading (docs/rules.md §9.1): at least 0.800 reliable, 0.667 up to 0.800 tentative,
 * below that not reliable. Read on the three decimals that are shown, so that a displayed
 * "0,800" never reads as tentative.
 */
export function readAlpha(alpha: number): AlphaReading {
	const thousandths = Math.round(Math.round(alpha * 1e9) / 1e6);
	if (thousandths >= 800) return 'reliable';
	if (thousandths >= 667) return 'tentative';
	return 'unreliable';
}
