import { isGovernmentKind, type GovernmentKind } from './government-kind';

// City settings printed on certificates, report cards and posters (README, "Settings").

export const CITY_TEXT_KEYS = [
	'government_name',
	'place',
	'signatory_name',
	'signatory_title',
	'signatory_nip'
] as const;
export type CityTextKey = (typeof CITY_TEXT_KEYS)[number];

export interface CitySettings {
	governmentKind: GovernmentKind;
	governmentName: string;
	place: string;
	signatoryName: string;
	signatoryTitle: string;
	/** Civil-servant number: 18 digits, often written in groups. */
	signatoryNip: string;
	/** Language of certificates (docs/rules.md §8.8: settings hold everywhere); Indonesian unless set. */
	documentLanguage?: 'id' | 'en';
	logoFileId: number | null;
}

export const EMPTY_CITY_SETTINGS: CitySettings = {
	governmentKind: 'kota',
	governmentName: '',
	place: '',
	signatoryName: '',
	signatoryTitle: '',
	signatoryNip: '',
	logoFileId: null
};

export function checkCitySettings(s: Omit<CitySettings, 'logoFileId'>): Record<string, string> {
	const e: Record<string, string> = {};
	if (!isGovernmentKind(s.governmentKind)) e.government_kind = 'Pilih Kota, Kabupaten atau Provinsi.';
	if (s.governmentName.trim().length < 3 || s.governmentName.length > 120)
		e.government_name = 'Nama pemerintah 3–120 karakter, misalnya "Pemerintah Kota Contoh".';
	if (s.place.trim().length < 2 || s.place.length > 60) e.place = 'Tempat penandatanganan 2–60 karakter.';
	if (s.signatoryName.trim().length < 3 || s.signatoryName.length > 120)
		e.signatory_name = 'Nama penanda tangan 3–120 karakter.';
	if (s.signatoryTitle.trim().length < 3 || s.signatoryTitle.length > 120)
		e.signatory_title = 'Jabatan 3–120 karakter.';
	const nip = s.signatoryNip.replace(/\s+/g, '');
	if (nip !== '' && !/^\d{18}$/.test(nip)) e.signatory_nip = 'NIP terdiri dari 18 angka (boleh dikosongkan).';
	return e;
}
