import type { AspectWeight, IndicatorDef, InstrumentDef } from './types';

/** Aspects that carry an aspect score (docs/rules.md §3: an aspect of weight 0 has none). */
export function scoredAspects<A extends AspectWeight>(def: { aspects: readonly A[] }): A[] {
	return def.aspects.filter((a) => a.weight > 0);
}

/** Indicators that enter the index: weight above 0 in an aspect of weight above 0 (docs/rules.md §3). */
export function scoredIndicators(def: InstrumentDef): IndicatorDef[] {
	return scoredAspects(def).flatMap((a) => a.indicators.filter((i) => i.weight > 0));
}

/** Aspect codes in tie-break order: weight descending, equal weights in instrument order (docs/rules.md §4.7). */
export function aspectTieBreakOrder(def: { aspects: readonly AspectWeight[] }): string[] {
	return scoredAspects(def)
		.map((a, index) => ({ code: a.code, weight: a.weight, index }))
		.sort((x, y) => y.weight - x.weight || x.index - y.index)
		.map((a) => a.code);
}
