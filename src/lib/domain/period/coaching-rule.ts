// Spec 5: which units get a draft coaching plan when results are published. Stored as JSON in
// period.coaching_rule. Default: two-decimal IPP at or below 3.00 or any aspect below 2.51.

export type CoachingRule =
	{ kind: 'threshold'; maxIpp: number | null; aspectFloor: number | null } | { kind: 'bottom_k'; k: number };

export const DEFAULT_COACHING_RULE: CoachingRule = { kind: 'threshold', maxIpp: 3, aspectFloor: 2.51 };

function isScore(x: unknown): x is number {
	return typeof x === 'number' && Number.isFinite(x) && x >= 0 && x <= 5;
}

/** Reads stored JSON; a damaged value falls back to the default rule rather than failing a page. */
export function parseCoachingRule(json: string): CoachingRule {
	try {
		const v = JSON.parse(json) as Record<string, unknown>;
		if (v.kind === 'bottom_k' && Number.isInteger(v.k) && (v.k as number) >= 1)
			return { kind: 'bottom_k', k: v.k as number };
		if (v.kind === 'threshold') {
			const maxIpp = v.maxIpp === null ? null : isScore(v.maxIpp) ? v.maxIpp : undefined;
			const aspectFloor = v.aspectFloor === null ? null : isScore(v.aspectFloor) ? v.aspectFloor : undefined;
			if (maxIpp !== undefined && aspectFloor !== undefined)
				return { kind: 'threshold', maxIpp, aspectFloor };
		}
	} catch {
		/* fall through */
	}
	return DEFAULT_COACHING_RULE;
}

export function checkCoachingRule(rule: CoachingRule): Record<string, string> {
	const errors: Record<string, string> = {};
	if (rule.kind === 'bottom_k') {
		if (!Number.isInteger(rule.k) || rule.k < 1 || rule.k > 100)
			errors.coaching_k = 'K harus bilangan bulat 1–100.';
		return errors;
	}
	if (rule.maxIpp !== null && !isScore(rule.maxIpp)) errors.coaching_max_ipp = 'Batas IPP harus 0–5.';
	if (rule.aspectFloor !== null && !isScore(rule.aspectFloor))
		errors.coaching_aspect_floor = 'Batas aspek harus 0–5.';
	if (rule.maxIpp === null && rule.aspectFloor === null)
		errors.coaching_max_ipp = 'Isi batas IPP, batas aspek, atau keduanya.';
	return errors;
}

export function describeCoachingRule(rule: CoachingRule): string {
	if (rule.kind === 'bottom_k') return `${rule.k} unit terbawah per kategori`;
	const parts: string[] = [];
	if (rule.maxIpp !== null) parts.push(`IPP ≤ ${rule.maxIpp.toFixed(2).replace('.', ',')}`);
	if (rule.aspectFloor !== null) parts.push(`aspek < ${rule.aspectFloor.toFixed(2).replace('.', ',')}`);
	return parts.join(' atau ');
}
