// docs/rules.md §8.8: the government's kind (Kota, Kabupaten, Provinsi) words every page and PDF that
// names the government, so a regency is never called "kota".

export const GOVERNMENT_KINDS = ['kota', 'kabupaten', 'provinsi'] as const;
export type GovernmentKind = (typeof GOVERNMENT_KINDS)[number];

export const GOVERNMENT_KIND_WORDS: Record<GovernmentKind, { id: string; en: string }> = {
	kota: { id: 'kota', en: 'city' },
	kabupaten: { id: 'kabupaten', en: 'regency' },
	provinsi: { id: 'provinsi', en: 'province' }
};

export function isGovernmentKind(v: string): v is GovernmentKind {
	return (GOVERNMENT_KINDS as readonly string[]).includes(v);
}

/**
 * The stored kind; before it was a setting, read from the government's name ("Pemerintah
 * Kabupaten Sleman"), and "kota" when the name says neither.
 */
export function governmentKindOf(stored: string | undefined, governmentName: string): GovernmentKind {
	if (stored && isGovernmentKind(stored)) return stored;
	const name = governmentName.toLowerCase();
	if (/\bkabupaten\b/.test(name)) return 'kabupaten';
	if (/\bprovinsi\b/.test(name)) return 'provinsi';
	return 'kota';
}

/** "Kabupaten" for headings and labels. */
export function governmentKindLabel(kind: GovernmentKind): string {
	const w = GOVERNMENT_KIND_WORDS[kind].id;
	return w[0].toUpperCase() + w.slice(1);
}
