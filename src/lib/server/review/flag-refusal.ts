import { m } from '$lib/paraglide/messages';
import type { FlagRefusal } from './flag-resolution.service';

/** A refusal in the reader's language. */
export function refusalMessage(r: FlagRefusal): string {
	switch (r.code) {
		case 'note_missing':
			return m.review_err_note_missing();
		case 'note_too_long':
			return m.review_err_note_too_long({ max: r.max });
		case 'none_chosen':
			return m.review_err_none_chosen();
		case 'too_many':
			return m.review_err_too_many({ max: r.max });
		case 'period_missing':
			return m.review_err_period_missing({ period: r.period });
		case 'period_archived':
			return m.review_err_period_archived({ period: r.period });
		case 'flag_missing':
			return m.review_err_flag_missing({ unit: r.unitCode, indicator: r.indicatorCode });
		case 'flag_resolved':
			return m.review_err_flag_resolved({ unit: r.unitCode, indicator: r.indicatorCode });
	}
}
