/** One scored (or, with weight 0, recorded-only) item of an aspect. */
export interface IndicatorDef {
	code: string;
	title: string;
	/** Weight inside its aspect, exactly as published (docs/rules.md §4.3). */
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

/** What a check of an instrument version found (docs/rules.md §3). */
export type InstrumentIssueCode =
	| 'no_aspects'
	| 'aspect_sum'
	| 'aspect_duplicate'
	| 'aspect_weight_range'
	| 'aspect_no_indicators'
	| 'indicator_duplicate'
	| 'indicator_weight_range'
	| 'level_empty'
	| 'levels_too_many'
	| 'zero_aspect_indicator'
	| 'indicator_sum_rounded'
	| 'indicator_sum'
	| 'text_too_long'
	| 'text_unsafe'
	| 'weight_not_number'
	| 'name_too_short'
	| 'file_invalid';

/** The edited field an edit's issue is about (its label is worded by the edge). */
export type InstrumentField =
	'name' | 'aspect_name' | 'aspect_weight' | 'indicator_title' | 'indicator_weight' | 'level' | 'evidence';

export interface InstrumentIssueParams {
	aspect?: string;
	indicator?: string;
	level?: number;
	/** a sum of weights, or one weight */
	sum?: number;
	weight?: number;
	/** positions (1-based) of a doubled aspect */
	position?: number;
	earlier?: number;
	field?: InstrumentField;
	/** what was typed where a number belongs */
	value?: string;
	max?: number;
}

/**
 * A problem or warning of an instrument version. The page words `code` and `params` in the
 * reader's language (src/lib/i18n/instrument-text.ts); `message` is the Indonesian sentence for
 * the command line and a file's own problems (`file_invalid`, worded by the schema).
 */
export interface InstrumentIssue {
	/** Where the problem is: an aspect code (`I`), `I/1.a.K1`, `I/1.a.K1/levels/3`, or `aspects`. */
	path: string;
	code: InstrumentIssueCode;
	params: InstrumentIssueParams;
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
