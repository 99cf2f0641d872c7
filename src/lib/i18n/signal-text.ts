import { m } from '$lib/paraglide/messages';
import type { FlagReason, Signal } from '$lib/domain/triangulation';

// Plain-language names and reasons of the triangulation signals (docs/rules.md §9.3), in the user's language.

export function signalName(s: Signal): string {
	return s === 'ipp' ? m.tri_signal_ipp() : s === 'ikm' ? m.tri_signal_ikm() : m.tri_signal_complaints();
}

const WHY: Record<`${Signal}_${Signal}`, () => string> = {
	ipp_ikm: m.tri_why_ipp_ikm,
	ikm_ipp: m.tri_why_ikm_ipp,
	ipp_complaints: m.tri_why_ipp_complaints,
	complaints_ipp: m.tri_why_complaints_ipp,
	ikm_complaints: m.tri_why_ikm_complaints,
	complaints_ikm: m.tri_why_complaints_ikm,
	ipp_ipp: () => '',
	ikm_ikm: () => '',
	complaints_complaints: () => ''
};

/** "IPP (assessors) at PR 100, IKM (citizens) at PR 0. The assessors rate this unit ..." */
export function reasonText(r: FlagReason): string {
	const line = m.tri_reason_line({
		high: signalName(r.high),
		highPr: r.highPr,
		low: signalName(r.low),
		lowPr: r.lowPr
	});
	return `${line.charAt(0).toUpperCase()}${line.slice(1)} ${WHY[`${r.high}_${r.low}`]()}`;
}
