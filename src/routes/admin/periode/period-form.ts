import { z } from 'zod';
import { GRADES, type Grade } from '$lib/domain/scoring/display';
import { DEFAULT_MIN_RANKED_FOR_AWARDS } from '$lib/domain/scoring/awards';
import type { PeriodSettings } from '$lib/domain/period/settings';
import type { CoachingRule } from '$lib/domain/coaching/rule';

const int = (label: string) =>
	z
		.string()
		.trim()
		.regex(/^\d{1,3}$/, `${label} harus bilangan bulat.`)
		.transform(Number);
const decimal = (label: string) =>
	z
		.string()
		.trim()
		.optional()
		.default('')
		.refine(
			(v) => v === '' || /^\d(?:[.,]\d{1,2})?$/.test(v),
			`${label}: angka 0–5 dengan paling banyak dua desimal, misalnya 3,00.`
		)
		.transform((v) => (v === '' ? null : Number(v.replace(',', '.'))));
const date = (label: string) => z.iso.date(`${label} tidak valid.`);
const optionalDate = (label: string) =>
	z
		.union([z.iso.date(`${label} tidak valid.`), z.literal('')])
		.optional()
		.default('');

export const settingsForm = z.object({
	name: z
		.string()
		.trim()
		.min(3, 'Nama periode minimal 3 karakter.')
		.max(200, 'Nama periode maksimal 200 karakter.'),
	visits: int('Jumlah kunjungan'),
	assessors: int('Jumlah penilai berbeda'),
	awards: int('Penghargaan per kategori'),
	// Spec 8.2; optional so that a form without the field keeps the default of 3.
	min_ranked: z
		.string()
		.trim()
		.optional()
		.default('')
		.refine((v) => v === '' || /^\d{1,3}$/.test(v), 'Unit diperingkat minimal harus bilangan bulat.')
		.transform((v) => (v === '' ? undefined : Number(v))),
	award_min_grade: z
		.string()
		.optional()
		.default('')
		.refine((v) => v === '' || (GRADES as readonly string[]).includes(v), 'Predikat tidak dikenal.'),
	disagreement: int('Ambang selisih'),
	coaching_kind: z.enum(['threshold', 'bottom'], { message: 'Pilih aturan pembinaan.' }),
	coaching_max_ipp: decimal('Batas IPP'),
	coaching_aspect_floor: decimal('Batas aspek'),
	coaching_k: z.string().trim().optional().default(''),
	starts_on: date('Tanggal mulai'),
	ends_on: date('Tanggal selesai'),
	survey_from: optionalDate('Tanggal mulai survei'),
	survey_to: optionalDate('Tanggal akhir survei')
});

export const createForm = settingsForm.extend({
	code: z.string().trim().min(2, 'Kode periode wajib diisi.').max(40, 'Kode periode maksimal 40 karakter.'),
	instrument: z.string().trim().min(1, 'Pilih instrumen.').max(100)
});

export function toSettings(d: z.infer<typeof settingsForm>): PeriodSettings {
	const coachingRule: CoachingRule =
		d.coaching_kind === 'bottom'
			? { kind: 'bottom', k: /^\d{1,3}$/.test(d.coaching_k) ? Number(d.coaching_k) : NaN }
			: { kind: 'threshold', maxIpp: d.coaching_max_ipp, aspectFloor: d.coaching_aspect_floor };
	return {
		name: d.name,
		requiredVisits: d.visits,
		requiredAssessors: d.assessors,
		awardsPerCategory: d.awards,
		minRankedForAwards: d.min_ranked,
		awardMinGrade: d.award_min_grade === '' ? null : (d.award_min_grade as Grade),
		disagreementThreshold: d.disagreement,
		coachingRule,
		startsOn: d.starts_on,
		endsOn: d.ends_on,
		// The survey window defaults to the date window.
		surveyFrom: d.survey_from || d.starts_on,
		surveyTo: d.survey_to || d.ends_on
	};
}

const two = (x: number | null) => (x === null ? '' : x.toFixed(2).replace('.', ','));

/** Form values of stored settings, for the edit form. */
export function settingsValues(s: PeriodSettings): Record<string, string> {
	const rule = s.coachingRule;
	return {
		name: s.name,
		visits: String(s.requiredVisits),
		assessors: String(s.requiredAssessors),
		awards: String(s.awardsPerCategory),
		min_ranked: String(s.minRankedForAwards ?? DEFAULT_MIN_RANKED_FOR_AWARDS),
		award_min_grade: s.awardMinGrade ?? '',
		disagreement: String(s.disagreementThreshold),
		coaching_kind: rule.kind,
		coaching_max_ipp: rule.kind === 'threshold' ? two(rule.maxIpp) : '3,00',
		coaching_aspect_floor: rule.kind === 'threshold' ? two(rule.aspectFloor) : '2,51',
		coaching_k: rule.kind === 'bottom' ? String(rule.k) : '3',
		starts_on: s.startsOn,
		ends_on: s.endsOn,
		survey_from: s.surveyFrom,
		survey_to: s.surveyTo
	};
}
