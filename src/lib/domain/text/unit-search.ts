import { boundedSearchText } from '../list-filter';

// Finding "my kelurahan" by name or code (README, "Public results"): case and accents do not
// matter, and every word typed must appear, in any order ("wil selatan" finds "Kelurahan Wilayah
// Selatan").

function fold(text: string): string {
	return text
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase();
}

/** The words of a query, folded; an empty list matches everything. */
export function searchWords(query: string | null | undefined): string[] {
	return fold(boundedSearchText(query))
		.split(/[^\p{L}\p{N}-]+/u)
		.filter(Boolean);
}

export function matchesUnit(unit: { name: string; code: string }, words: readonly string[]): boolean {
	if (words.length === 0) return true;
	const haystack = fold(`${unit.name} ${unit.code}`);
	return words.every((w) => haystack.includes(w));
}
