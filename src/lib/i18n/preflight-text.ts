import { m } from '$lib/paraglide/messages';

// The name of a preflight class (docs/rules.md §8.1) in the reader's language; an unknown class as given.
const LABELS: Record<string, () => string> = {
	incomplete: m.adm_preflight_incomplete,
	drafts: m.adm_preflight_drafts,
	window: m.adm_preflight_window,
	flags: m.adm_preflight_flags,
	objections: m.adm_preflight_objections,
	'no-awards': m.adm_preflight_no_awards
};

export const preflightClassLabel = (c: string, fallback = c): string => LABELS[c]?.() ?? fallback;
