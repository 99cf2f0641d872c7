import type { Db } from '../../src/lib/server/db/connection';
import { PROFILE_OPTIONS, dayStart } from '../../src/lib/domain/survey';
import {
	insertSurveyResponses,
	type NewSurveyResponse
} from '../../src/lib/server/survey/survey-response.repository';

// Demo citizen-survey answers: spread over units and days of each window, profiles filled, and a
// few suggestions in each moderation state. Driven by the demo city's seeded PRNG.

const SUGGESTIONS = [
	'Antrean pagi terlalu panjang, mohon tambah loket.',
	'Petugas ramah dan membantu, terima kasih.',
	'Ruang tunggu panas, perlu kipas angin atau AC.',
	'Informasi persyaratan di papan pengumuman kurang jelas.',
	'Mohon sediakan layanan daring agar tidak perlu datang.',
	'Parkir sempit dan sering penuh.',
	'Pelayanan cepat, dokumen selesai hari itu juga.',
	'Toilet kurang bersih.',
	'Nomor pengaduan tidak pernah dijawab.'
];
const SERVICES = [
	'Surat pengantar',
	'KTP elektronik',
	'Kartu keluarga',
	'Pemeriksaan umum',
	'Perizinan usaha',
	'Legalisir'
];

export async function seedSurveyResponses(
	db: Db,
	random: () => number,
	units: readonly { id: number; quality: number }[],
	periods: readonly { periodId: number; from: string; days: number; count: number }[]
): Promise<void> {
	const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
	const rows: NewSurveyResponse[] = [];
	for (const p of periods) {
		const start = dayStart(p.from);
		for (let i = 0; i < p.count; i++) {
			// busier units (lower index in the list) get a few more answers
			const unit = units[Math.floor(random() ** 1.3 * units.length)];
			const mean = 2.2 + ((unit.quality - 1.6) / 2.8) * 1.6;
			const answers = Array.from({ length: 9 }, (_, k) =>
				k === 3 && random() < 0.8 ? 4 : Math.max(1, Math.min(4, Math.round(mean + (random() - 0.5) * 1.8)))
			);
			const offset = Math.floor(random() * p.days) * 86_400_000 + (8 + Math.floor(random() * 8)) * 3_600_000;
			const hasSuggestion = random() < 0.12;
			const roll = random();
			rows.push({
				periodId: p.periodId,
				unitId: unit.id,
				submittedAt: start + offset + Math.floor(random() * 3_600_000),
				answers,
				profile: {
					sex: random() < 0.9 ? pick(PROFILE_OPTIONS.sex.options).code : null,
					age_band: random() < 0.85 ? pick(PROFILE_OPTIONS.age_band.options).code : null,
					education: random() < 0.8 ? pick(PROFILE_OPTIONS.education.options).code : null,
					occupation: random() < 0.8 ? pick(PROFILE_OPTIONS.occupation.options).code : null,
					service: random() < 0.6 ? pick(SERVICES) : null
				},
				suggestion: hasSuggestion ? pick(SUGGESTIONS) : null,
				suggestionStatus: roll < 0.5 ? 'pending' : roll < 0.85 ? 'approved' : 'rejected',
				source: random() < 0.85 ? 'online' : 'paper',
				enteredBy: null
			});
		}
	}
	await insertSurveyResponses(db, rows);
}
