// How a questionnaire reached the office (docs/rules.md §6): the citizen's own online form, a paper
// form typed in afterwards, or a face-to-face interview by a survey enumerator on a tablet.
export const SURVEY_CHANNELS = ['online', 'paper', 'enumerator'] as const;
export type SurveyChannel = (typeof SURVEY_CHANNELS)[number];

export const CHANNEL_LABELS: Record<SurveyChannel, string> = {
	online: 'Daring',
	paper: 'Kertas',
	enumerator: 'Enumerator'
};

export type ChannelCounts = Record<SurveyChannel, number>;

/** The id an enumerator's device gives each questionnaire: what makes a resend harmless. */
export const DEVICE_ID = /^[A-Za-z0-9-]{8,64}$/;
