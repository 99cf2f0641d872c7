import { m } from '$lib/paraglide/messages';
import { fmtNumber } from '$lib/i18n/display';
import { sampleStatus, type SampleStatus } from '$lib/domain/survey/sample';

/** "5 dari 310 responden: belum mewakili", in the reader's language (page and PDF alike). */
export function ikmSampleText(
	respondents: number,
	target: number | null
): { status: SampleStatus; text: string } {
	const status = sampleStatus(respondents, target);
	const n = { respondents: fmtNumber(respondents), target: fmtNumber(target ?? 0) };
	const text =
		status === 'below'
			? m.ikm_sample_below(n)
			: status === 'met'
				? m.ikm_sample_met(n)
				: m.ikm_sample_unknown(n);
	return { status, text };
}
