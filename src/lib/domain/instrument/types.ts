/** One scored (or, with weight 0, recorded-only) item of an aspect. */
export interface IndicatorDef {
	code: string;
	title: string;
	/** Weight inside its aspect, exactly as published (spec section 4 item 3). */
	weight: number;
	/** Level descriptors; index = level 0..5. Always six entries, possibly empty before validation. */
	levels: string[];
	evidence: string[];
	note?: string;
}

export interface AspectDef {
	code: string;
	name: string;
	weight: number;
	indicators: IndicatorDef[];
}

/** An item of the users' questionnaire (F-03): reported beside the IPP, never inside it (docs/rules.md §3). */
export interface PublicItemDef {
	code: string;
	text: string;
	aspect?: string;
}

export interface InstrumentDef {
	code: string;
	name: string;
	regulation?: string;
	aspects: AspectDef[];
	publicItems?: PublicItemDef[];
}

export interface InstrumentIssue {
	/** Where the problem is: an aspect code (`I`), `I/1.a.K1`, `I/1.a.K1/levels/3`, or `aspects`. */
	path: string;
	/** Indonesian, shown to the administrator as is. */
	message: string;
}

export interface InstrumentValidation {
	errors: InstrumentIssue[];
	warnings: InstrumentIssue[];
}

export const LEVEL_COUNT = 6;

/** The part of an aspect that scoring needs; AspectDef satisfies it. */
export interface AspectWeight {
	code: string;
	weight: number;
}
