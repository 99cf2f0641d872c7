import { m } from '$lib/paraglide/messages';
import { withheldReasonNumbers } from '$lib/domain/scoring/awards';

/** Why a category names no award winner (docs/rules.md §8.2), in the reader's language. */
export function awardsWithheldText(reason: string): string {
	const numbers = withheldReasonNumbers(reason);
	if (!numbers) return reason;
	const minRanked = String(numbers.minRanked);
	return numbers.ranked === 0
		? m.awards_withheld_none({ minRanked })
		: m.awards_withheld_few({ ranked: String(numbers.ranked), minRanked });
}
