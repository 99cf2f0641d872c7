import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { computeRangeIkm } from '$lib/server/survey/survey-results.service';
import { isIsoDate, presetRange } from '$lib/domain/survey';
import { toIkmView } from '$lib/domain/survey/view';

/** `preset` = q1-2026 .. q4-2026, s1-2026, s2-2026, y-2026; otherwise from/to (inclusive). */
function rangeOf(url: URL): { from: string; to: string } | null {
	const preset = /^(q[1-4]|s[12]|y)-(\d{4})$/.exec(url.searchParams.get('preset') ?? '');
	if (preset) {
		const year = Number(preset[2]);
		const kind = preset[1][0];
		const index = Number(preset[1].slice(1));
		return presetRange(
			kind === 'y' ? { kind: 'year', year } : { kind: kind === 'q' ? 'quarter' : 'semester', year, index }
		);
	}
	const from = url.searchParams.get('from') ?? '';
	const to = url.searchParams.get('to') ?? '';
	return isIsoDate(from) && isIsoDate(to) && from <= to ? { from, to } : null;
}

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin', 'viewer');
	const range = rangeOf(event.url);
	if (!range) return { range: null, units: [], overall: null };
	const r = await computeRangeIkm(getDb(), range.from, range.to);
	return {
		range,
		overall: r.overall ? toIkmView(r.overall) : null,
		units: r.units
			.filter((u) => u.result)
			.map((u) => ({
				code: u.code,
				name: u.name,
				category: u.category,
				target: u.target,
				view: toIkmView(u.result!)
			}))
	};
};
