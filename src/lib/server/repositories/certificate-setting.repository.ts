import type { Db } from '../db/connection';

// City settings printed on award certificates (table city_setting, key/value). Missing keys
// fall back to neutral defaults so that a certificate can always be printed.

export interface CertificateSettings {
	governmentName: string;
	place: string;
	signatoryName: string | null;
	signatoryTitle: string | null;
	signatoryNip: string | null;
	/** Stored logo reference (a file path, relative to UPLOAD_DIR or absolute), when set. */
	logo: string | null;
}

export const CERTIFICATE_SETTING_KEYS = {
	governmentName: 'government_name',
	place: 'place',
	signatoryName: 'signatory_name',
	signatoryTitle: 'signatory_title',
	signatoryNip: 'signatory_nip',
	logo: 'logo'
} as const;

export async function findCertificateSettings(db: Db): Promise<CertificateSettings> {
	const rows = await db
		.selectFrom('city_setting')
		.select(['key', 'value'])
		.where('key', 'in', Object.values(CERTIFICATE_SETTING_KEYS))
		.execute();
	const value = (key: string) => rows.find((r) => r.key === key)?.value.trim() || null;
	const k = CERTIFICATE_SETTING_KEYS;
	return {
		governmentName: value(k.governmentName) ?? 'Pemerintah Kota Contoh',
		place: value(k.place) ?? 'Kota Contoh',
		signatoryName: value(k.signatoryName),
		signatoryTitle: value(k.signatoryTitle),
		signatoryNip: value(k.signatoryNip),
		logo: value(k.logo)
	};
}
