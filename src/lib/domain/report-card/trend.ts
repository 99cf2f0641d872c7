// The trend of a unit over every published period it was assessed in; a change of instrument
// is marked because IPPs under different rubrics are not strictly comparable.

export interface TrendInput {
	periodCode: string;
	periodName: string;
	instrumentCode: string;
	ipp: number | null;
	grade: string | null;
	rank: number | null;
	rankedCount: number;
}

export interface TrendPoint extends TrendInput {
	instrumentChanged: boolean;
}

/** Input in chronological order; periods where the unit has no IPP are left out. */
export function buildTrend(points: readonly TrendInput[]): TrendPoint[] {
	const kept = points.filter((p) => p.ipp !== null);
	return kept.map((p, i) => ({
		...p,
		instrumentChanged: i > 0 && kept[i - 1].instrumentCode !== p.instrumentCode
	}));
}
