// docs/rules.md §8.1: before a period is published the app lists everything that makes its results
// provisional, in classes. Each non-empty class must be confirmed with a reason. The class list
// is open: a later class (docs/rules.md §9.2 `objections`) is one more entry here and one more finder in
// the preflight service.

export const PREFLIGHT_CLASSES = [
	'incomplete',
	'drafts',
	'window',
	'flags',
	'objections',
	'no-awards'
] as const;
export type PreflightClass = (typeof PREFLIGHT_CLASSES)[number];

/** Indonesian heading of each class (the class code itself is what the command line takes). */
export const PREFLIGHT_CLASS_LABELS: Record<PreflightClass, string> = {
	incomplete: 'Unit belum lengkap',
	drafts: 'Lembar penilaian masih draf',
	window: 'Masa kunjungan belum selesai',
	flags: 'Selisih penilaian terbuka',
	objections: 'Sanggahan belum dijawab',
	'no-awards': 'Kategori tanpa penghargaan'
};

export interface PreflightItem {
	/** The unit (or category, for `no-awards`) the item is about; null for the whole period. */
	subject: string | null;
	detail: string;
}

export interface PreflightFinding {
	class: PreflightClass;
	items: PreflightItem[];
}

export function isPreflightClass(value: string): value is PreflightClass {
	return (PREFLIGHT_CLASSES as readonly string[]).includes(value);
}

/**
 * Parses a comma-separated confirmation list ("incomplete,drafts"); unknown names are
 * returned apart so that a typo is refused instead of silently confirming nothing.
 */
export function parsePreflightClasses(text: string): { classes: PreflightClass[]; unknown: string[] } {
	const classes: PreflightClass[] = [];
	const unknown: string[] = [];
	for (const raw of text.split(',')) {
		const name = raw.trim();
		if (!name) continue;
		if (isPreflightClass(name)) {
			if (!classes.includes(name)) classes.push(name);
		} else unknown.push(name);
	}
	return { classes, unknown };
}

/** The non-empty findings, in class order. */
export function nonEmptyFindings(findings: readonly PreflightFinding[]): PreflightFinding[] {
	const order = (c: PreflightClass) => PREFLIGHT_CLASSES.indexOf(c);
	return findings.filter((f) => f.items.length > 0).sort((a, b) => order(a.class) - order(b.class));
}

/** Non-empty findings whose class was not confirmed: publishing must refuse while any remain. */
export function unconfirmedFindings(
	findings: readonly PreflightFinding[],
	confirmed: readonly PreflightClass[]
): PreflightFinding[] {
	return nonEmptyFindings(findings).filter((f) => !confirmed.includes(f.class));
}

/** One line per item, as the command line prints them: "incomplete: KEL-03 kurang 1 kunjungan". */
export function describeFinding(f: PreflightFinding): string[] {
	return f.items.map((i) => `${f.class}: ${i.subject ? `${i.subject} ` : ''}${i.detail}`);
}

/** What a publication records of its confirmations: class, item count and the first items. */
export interface ConfirmedFinding {
	class: PreflightClass;
	count: number;
	items: PreflightItem[];
}

export function summariseConfirmed(findings: readonly PreflightFinding[], keep = 200): ConfirmedFinding[] {
	return nonEmptyFindings(findings).map((f) => ({
		class: f.class,
		count: f.items.length,
		items: f.items.slice(0, keep)
	}));
}

/** A non-empty class as pages show it: label, count and the first items. */
export interface PreflightView {
	class: PreflightClass;
	label: string;
	count: number;
	items: PreflightItem[];
}
