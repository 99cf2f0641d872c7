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

export type CitySettingsField = 'government_kind' | CityTextKey;

/** The form fields whose values break the rules; the service words each in the reader's language. */
export function checkCitySettings(s: Omit<CitySettings, 'logoFileId'>): CitySettingsField[] {
	const bad: CitySettingsField[] = [];
	if (!isGovernmentKind(s.governmentKind)) bad.push('government_kind');
	if (s.governmentName.trim().length < 3 || s.governmentName.length > 120) bad.push('government_name');
	if (s.place.trim().length < 2 || s.place.length > 60) bad.push('place');
	if (s.signatoryName.trim().length < 3 || s.signatoryName.length > 120) bad.push('signatory_name');
	if (s.signatoryTitle.trim().length < 3 || s.signatoryTitle.length > 120) bad.push('signatory_title');
	const nip = s.signatoryNip.replace(/\s+/g, '');
	if (nip !== '' && !/^\d{18}$/.test(nip)) bad.push('signatory_nip');
	return bad;
}
