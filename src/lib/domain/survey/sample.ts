// Whether a unit's survey answers can stand for its service users (docs/rules.md §6): the
// Krejcie-Morgan target needs the yearly number of service users; below it, the IKM is shown with
// a caution, never as if it were representative.

export type SampleStatus = 'unknown' | 'below' | 'met';

export function sampleStatus(respondents: number, target: number | null): SampleStatus {
	if (target === null) return 'unknown';
	return respondents < target ? 'below' : 'met';
}
