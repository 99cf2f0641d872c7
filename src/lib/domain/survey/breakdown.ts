import { computeIkm, type AnswerSums, type IkmResult } from './ikm';
import { PROFILE_OPTIONS, type ProfileField } from './profile';
import { CHANNEL_LABELS, SURVEY_CHANNELS, type SurveyChannel } from './channel';
import type { DisplayLocale } from '../format';

// IKM broken down by a respondent-profile field or by the channel the questionnaire came through
// (docs/rules.md §6). Groups arrive as answer sums.

export interface BreakdownRow {
	value: string | null;
	label: string;
	result: IkmResult | null;
}

export type BreakdownField = ProfileField | 'service' | 'source';

/** The words of a breakdown's labels: Indonesian by default; the server passes the reader's. */
export interface BreakdownWords {
	locale: DisplayLocale;
	unset: string;
	channels: Record<SurveyChannel, string>;
}

const INDONESIAN: BreakdownWords = { locale: 'id', unset: 'Tidak diisi', channels: CHANNEL_LABELS };

function optionsOf(field: BreakdownField, words: BreakdownWords): readonly { code: string; label: string }[] {
	if (field === 'service') return [];
	if (field === 'source') return SURVEY_CHANNELS.map((c) => ({ code: c, label: words.channels[c] }));
	return PROFILE_OPTIONS[field].options.map((o) => ({ code: o.code, label: o.label[words.locale] }));
}

export function shapeBreakdown(
	field: BreakdownField,
	groups: readonly { value: string | null; sums: AnswerSums }[],
	words: BreakdownWords = INDONESIAN
): BreakdownRow[] {
	const options = optionsOf(field, words);
	const order = (v: string | null) => {
		if (v === null) return Number.MAX_SAFE_INTEGER;
		const i = options.findIndex((o) => o.code === v);
		return i === -1 ? options.length : i;
	};
	return [...groups]
		.sort((a, b) => order(a.value) - order(b.value) || b.sums.respondents - a.sums.respondents)
		.map((g) => ({
			value: g.value,
			label: g.value === null ? words.unset : (options.find((o) => o.code === g.value)?.label ?? g.value),
			result: computeIkm(g.sums)
		}));
}
