import type { Disagreement, Signal, TriangulatedUnit } from './triangulation';

// The README's `triangulation --period C --format json` shape. Additions the README allows:
// `period`, each unit's `name`, the raw signals (`ipp`, `ikm`, `aspect_v`, `u8`) and every
// disagreeing pair with its gap (`disagreements`); `flag` names the pair with the largest gap.

export interface TriangulationJsonUnit {
	code: string;
	name: string;
	ipp_pr: number | null;
	ikm_pr: number | null;
	complaints_pr: number | null;
	complaints: {
		received: number;
		closed: number;
		share_closed: number | null;
		median_days: number | null;
	};
	flag: Signal[];
	ipp: number | null;
	ikm: number | null;
	aspect_v: number | null;
	u8: number | null;
	disagreements: { pair: Signal[]; gap: number }[];
}

export interface TriangulationJson {
	period: { code: string };
	categories: { name: string; units: TriangulationJsonUnit[] }[];
}

export function strongestDisagreement(unit: { disagreements: readonly Disagreement[] }): Signal[] {
	return unit.disagreements.length ? [...unit.disagreements[0].pair] : [];
}

export function triangulationJson(
	periodCode: string,
	categories: readonly { name: string; units: readonly TriangulatedUnit[] }[]
): TriangulationJson {
	return {
		period: { code: periodCode },
		categories: categories.map((c) => ({
			name: c.name,
			units: c.units.map((u) => ({
				code: u.code,
				name: u.name,
				ipp_pr: u.pr.ipp,
				ikm_pr: u.pr.ikm,
				complaints_pr: u.pr.complaints,
				complaints: {
					received: u.complaints?.received ?? 0,
					closed: u.complaints?.closed ?? 0,
					share_closed: u.complaints?.shareClosed ?? null,
					median_days: u.complaints?.medianDays ?? null
				},
				flag: strongestDisagreement(u),
				ipp: u.ipp,
				ikm: u.ikm,
				aspect_v: u.aspectV,
				u8: u.u8,
				disagreements: u.disagreements.map((d) => ({ pair: [...d.pair], gap: d.gap }))
			}))
		}))
	};
}
