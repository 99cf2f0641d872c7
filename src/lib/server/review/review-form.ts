import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { hasUnsafeCharacters } from '../../domain/text-safety';
import { RESOLUTION_BATCH_MAX, RESOLUTION_NOTE_MAX, type FlagKey } from './flag-resolution.service';

// The review page's forms: one flag, or many ticked flags with one note (README, Review).

/** Built per request: its messages follow the reader's language. */
export const resolutionForm = () =>
	z.object({
		action: z.enum(['note', 'extra_visit'], { message: m.srv_review_action() }),
		note: z
			.string()
			.trim()
			.min(1, m.srv_review_note_missing())
			.max(RESOLUTION_NOTE_MAX, m.srv_review_note_too_long({ max: RESOLUTION_NOTE_MAX }))
	});

const UNIT = /^[\p{L}\p{N}._\-/]{1,60}$/u;
const INDICATOR = /^[\p{L}\p{N}._-]{1,40}$/u;

/** A flag named as `UNIT|INDICATOR`, as each checkbox and each single form sends it. */
export function readFlagKeys(
	values: readonly FormDataEntryValue[]
): { ok: true; keys: FlagKey[] } | { ok: false; error: string } {
	if (values.length === 0) return { ok: false, error: m.srv_review_none_chosen() };
	if (values.length > RESOLUTION_BATCH_MAX)
		return { ok: false, error: m.srv_review_too_many({ max: RESOLUTION_BATCH_MAX }) };
	const keys: FlagKey[] = [];
	for (const value of values) {
		const [unitCode, indicatorCode, rest] = typeof value === 'string' ? value.split('|') : [];
		if (
			rest !== undefined ||
			!unitCode ||
			!indicatorCode ||
			!UNIT.test(unitCode) ||
			!INDICATOR.test(indicatorCode) ||
			hasUnsafeCharacters(String(value))
		)
			return { ok: false, error: m.srv_review_flag_field({ value: String(value).slice(0, 80) }) };
		keys.push({ unitCode, indicatorCode });
	}
	return { ok: true, keys };
}
