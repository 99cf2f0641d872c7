import type { InstrumentDef, InstrumentField, InstrumentIssue, InstrumentIssueParams } from './types';
import { hasUnsafeCharacters, unsafeTextReason } from '../text-safety';

// Editing an instrument version keeps its structure (codes, order); titles, level descriptors,
// evidence hints and weights change. Input comes as flat form fields keyed by code.

export const MAX_TEXT = 2000;

function parseWeight(raw: string | undefined): number | null {
	if (raw === undefined) return null;
	const t = raw.trim().replace(',', '.');
	if (!/^\d+(?:\.\d{1,6})?$/.test(t)) return null;
	return Number(t);
}

/** The edited field an issue names: the edge words its label (src/lib/i18n/instrument-text.ts). */
type Where = InstrumentIssueParams & { field: InstrumentField };

/** The Indonesian label of the field, for an issue's `message` (the command line's words). */
function indonesianLabel(w: Where): string {
	switch (w.field) {
		case 'name':
			return 'Nama instrumen';
		case 'aspect_name':
			return `Nama aspek ${w.aspect}`;
		case 'aspect_weight':
			return `Bobot aspek ${w.aspect}`;
		case 'indicator_title':
			return `Judul indikator ${w.indicator}`;
		case 'indicator_weight':
			return `Bobot indikator ${w.indicator}`;
		case 'level':
			return `Level ${w.level} indikator ${w.indicator}`;
		case 'evidence':
			return `Bukti indikator ${w.indicator}`;
	}
}

/** Applies form fields to a stored definition; malformed numbers and overlong texts are issues. */
export function applyInstrumentEdits(
	base: InstrumentDef,
	fields: Record<string, string>
): { def: InstrumentDef; issues: InstrumentIssue[] } {
	const issues: InstrumentIssue[] = [];
	const text = (key: string, fallback: string, path: string, where: Where) => {
		const label = indonesianLabel(where);
		const v = fields[key];
		if (v === undefined) return fallback;
		if (v.length > MAX_TEXT)
			issues.push({
				path,
				code: 'text_too_long',
				params: { ...where, max: MAX_TEXT },
				message: `${label} lebih dari ${MAX_TEXT} karakter`
			});
		else if (hasUnsafeCharacters(v))
			issues.push({ path, code: 'text_unsafe', params: where, message: unsafeTextReason(label) });
		return v.trim();
	};
	const weight = (key: string, fallback: number, path: string, where: Where) => {
		if (fields[key] === undefined) return fallback;
		const label = indonesianLabel(where);
		const w = parseWeight(fields[key]);
		if (w === null) {
			issues.push({
				path,
				code: 'weight_not_number',
				params: { ...where, value: fields[key] },
				message: `${label}: "${fields[key]}" bukan angka (contoh 0,25)`
			});
			return fallback;
		}
		return w;
	};
	const def: InstrumentDef = {
		...base,
		name: text('name', base.name, 'name', { field: 'name' }),
		aspects: base.aspects.map((a) => ({
			...a,
			name: text(`aspect.${a.code}.name`, a.name, a.code, { field: 'aspect_name', aspect: a.code }),
			weight: weight(`aspect.${a.code}.weight`, a.weight, a.code, { field: 'aspect_weight', aspect: a.code }),
			indicators: a.indicators.map((i) => {
				const p = `${a.code}/${i.code}`;
				const evidence = fields[`ind.${i.code}.evidence`];
				if (evidence !== undefined && hasUnsafeCharacters(evidence))
					issues.push({
						path: `${p}/evidence`,
						code: 'text_unsafe',
						params: { field: 'evidence', indicator: i.code },
						message: unsafeTextReason(indonesianLabel({ field: 'evidence', indicator: i.code }))
					});
				return {
					...i,
					title: text(`ind.${i.code}.title`, i.title, p, { field: 'indicator_title', indicator: i.code }),
					weight: weight(`ind.${i.code}.weight`, i.weight, p, {
						field: 'indicator_weight',
						indicator: i.code
					}),
					levels: i.levels.map((l, n) =>
						text(`ind.${i.code}.level.${n}`, l, `${p}/levels/${n}`, {
							field: 'level',
							indicator: i.code,
							level: n
						})
					),
					evidence:
						evidence === undefined
							? i.evidence
							: evidence
									.split(/\r?\n/)
									.map((e) => e.trim())
									.filter(Boolean)
				};
			})
		}))
	};
	if (def.name.length < 3)
		issues.push({
			path: 'name',
			code: 'name_too_short',
			params: {},
			message: 'Nama instrumen minimal 3 karakter'
		});
	return { def, issues };
}
