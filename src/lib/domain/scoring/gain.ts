import type { InstrumentDef } from '../instrument/types';
import { round9 } from './display';

// docs/rules.md §4.12: the IPP a unit would gain by lifting one indicator to its next level, which
// tells a unit head (and the coaching plan of docs/rules.md §5) what to fix first.

export interface GainOpportunity {
	aspectCode: string;
	indicatorCode: string;
	title: string;
	/** Unit mean score of the indicator (unrounded). */
	mean: number;
	/** The level of the mean: its floor (3.75 is level 3). */
	level: number;
	/** min(5, level + 1). */
	target: number;
	/** W_a · w_i · (target − mean). */
	gain: number;
}

/**
 * Indicators below 5, largest gain first; equal gains (compared at 9 decimals) keep
 * instrument order. Weight-0 indicators never enter the index and are left out, as are
 * indicators without a mean.
 */
export function gainOpportunities(
	def: InstrumentDef,
	means: Readonly<Record<string, number>>
): GainOpportunity[] {
	const items: { item: GainOpportunity; key: number; index: number }[] = [];
	for (const aspect of def.aspects) {
		if (aspect.weight <= 0) continue;
		for (const ind of aspect.indicators) {
			const mean = means[ind.code];
			if (ind.weight <= 0 || typeof mean !== 'number') continue;
			// The floor is taken after the 9-decimal rounding so that 2.9999999999 from float
			// noise counts as level 3, and 4.9999999999 as 5 (nothing left to gain).
			const settled = round9(mean);
			if (settled >= 5) continue;
			const level = Math.floor(settled);
			const target = Math.min(5, level + 1);
			const gain = aspect.weight * ind.weight * (target - mean);
			items.push({
				item: {
					aspectCode: aspect.code,
					indicatorCode: ind.code,
					title: ind.title,
					mean,
					level,
					target,
					gain
				},
				key: round9(gain),
				index: items.length
			});
		}
	}
	items.sort((a, b) => b.key - a.key || a.index - b.index);
	return items.map((x) => x.item);
}
