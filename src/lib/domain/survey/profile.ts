import type { Bilingual } from './elements';

// Optional respondent profile of the SKM questionnaire (docs/rules.md §6). Codes are stored; labels shown.
export type ProfileField = 'sex' | 'age_band' | 'education' | 'occupation';

export interface ProfileOption {
	code: string;
	label: Bilingual;
}

const o = (code: string, id: string, en: string): ProfileOption => ({ code, label: { id, en } });

export const PROFILE_OPTIONS: Record<ProfileField, { label: Bilingual; options: readonly ProfileOption[] }> =
	{
		sex: {
			label: { id: 'Jenis kelamin', en: 'Sex' },
			options: [o('L', 'Laki-laki', 'Male'), o('P', 'Perempuan', 'Female')]
		},
		age_band: {
			label: { id: 'Usia', en: 'Age' },
			options: [
				o('<20', 'Di bawah 20 tahun', 'Under 20'),
				o('20-29', '20–29 tahun', '20–29'),
				o('30-39', '30–39 tahun', '30–39'),
				o('40-49', '40–49 tahun', '40–49'),
				o('50-59', '50–59 tahun', '50–59'),
				o('60+', '60 tahun ke atas', '60 and over')
			]
		},
		education: {
			label: { id: 'Pendidikan terakhir', en: 'Education' },
			options: [
				o('SD', 'SD ke bawah', 'Primary or less'),
				o('SMP', 'SMP/sederajat', 'Junior secondary'),
				o('SMA', 'SMA/SMK/sederajat', 'Senior secondary'),
				o('D1-D3', 'Diploma (D1–D3)', 'Diploma'),
				o('S1', 'D4/S1', 'Bachelor'),
				o('S2+', 'S2/S3', 'Master or doctorate')
			]
		},
		occupation: {
			label: { id: 'Pekerjaan', en: 'Occupation' },
			options: [
				o('PNS', 'PNS/ASN', 'Civil servant'),
				o('TNI-POLRI', 'TNI/Polri', 'Armed forces/police'),
				o('SWASTA', 'Pegawai swasta', 'Private employee'),
				o('WIRAUSAHA', 'Wirausaha', 'Self-employed'),
				o('PELAJAR', 'Pelajar/mahasiswa', 'Student'),
				o('RUMAH-TANGGA', 'Mengurus rumah tangga', 'Homemaker'),
				o('LAINNYA', 'Lainnya', 'Other')
			]
		}
	};

export const PROFILE_FIELDS = Object.keys(PROFILE_OPTIONS) as ProfileField[];

export const SERVICE_MAX_LENGTH = 100;
export const SUGGESTION_MAX_LENGTH = 1000;

/** The stored code of an option given by code or by its Indonesian/English label (imports). */
export function matchProfileOption(field: ProfileField, value: string): string | null {
	const v = value.trim().toLowerCase();
	for (const opt of PROFILE_OPTIONS[field].options)
		if ([opt.code, opt.label.id, opt.label.en].some((x) => x.toLowerCase() === v)) return opt.code;
	return null;
}
