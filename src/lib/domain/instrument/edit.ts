import type { InstrumentDef, InstrumentIssue } from './types';
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

/** Applies form fields to a stored definition; malformed numbers and overlong texts are issues. */
export function applyInstrumentEdits(
	base: InstrumentDef,
	fields: Record<string, string>
): { def: InstrumentDef; issues: InstrumentIssue[] } {
	const issues: InstrumentIssue[] = [];
	const text = (key: string, fallback: string, path: string, label: string) => {
		const v = fields[key];
		if (v === undefined) return fallback;
		if (v.length > MAX_TEXT) issues.push({ path, message: `${label} lebih dari ${MAX_TEXT} karakter` });
		else if (hasUnsafeCharacters(v)) issues.push({ path, message: unsafeTextReason(label) });
		return v.trim();
	};
	const weight = (key: string, fallback: number, path: string, label: string) => {
		if (fields[key] === undefined) return fallback;
		const w = parseWeight(fields[key]);
		if (w === null) {
			issues.push({ path, message: `${label}: "${fields[key]}" bukan angka (contoh 0,25)` });
			return fallback;
		}
		return w;
	};
	const def: InstrumentDef = {
		...base,
		name: text('name', base.name, 'name', 'Nama instrumen'),
		aspects: base.aspects.map((a) => ({
			...a,
			name: text(`aspect.${a.code}.name`, a.name, a.code, `Nama aspek ${a.code}`),
			weight: weight(`aspect.${a.code}.weight`, a.weight, a.code, `Bobot aspek ${a.code}`),
			indicators: a.indicators.map((i) => {
				const p = `${a.code}/${i.code}`;
				const evidence = fields[`ind.${i.code}.evidence`];
				if (evidence !== undefined && hasUnsafeCharacters(evidence))
					issues.push({ path: `${p}/evidence`, message: unsafeTextReason(`Bukti indikator ${i.code}`) });
				return {
					...i,
					title: text(`ind.${i.code}.title`, i.title, p, `Judul indikator ${i.code}`),
					weight: weight(`ind.${i.code}.weight`, i.weight, p, `Bobot indikator ${i.code}`),
					levels: i.levels.map((l, n) =>
						text(`ind.${i.code}.level.${n}`, l, `${p}/levels/${n}`, `Level ${n} indikator ${i.code}`)
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
	if (def.name.length < 3) issues.push({ path: 'name', message: 'Nama instrumen minimal 3 karakter' });
	return { def, issues };
}
