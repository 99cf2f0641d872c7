import type { Db } from '../db/connection';
import { findStoredFile, readCitySettings, writeCitySettings } from './city-setting.repository';
import { insertStoredFile } from '../sheets/evidence.repository';
import { auditTrail } from '../audit/audit.repository';
import { readStoredBytes, sha256Hex, storeFileBytes } from '../files/file-store';
import {
	checkCitySettings,
	type CitySettings,
	type CitySettingsField
} from '../../domain/settings/city-settings';
import { checkUpload } from '../files/upload-check';
import {
	ok,
	refuseField,
	refuseFields,
	refusalText,
	type ServiceResult,
	type RefusalCode
} from '../service-result';

// Each rule broken is worded in the reader's language (README "Where translation happens").
const FIELD_CODES = {
	government_kind: 'srv_city_government_kind',
	government_name: 'srv_city_government_name',
	place: 'srv_city_place',
	signatory_name: 'srv_city_signatory_name',
	signatory_title: 'srv_city_signatory_title',
	signatory_nip: 'srv_city_signatory_nip'
} as const satisfies Record<CitySettingsField, RefusalCode>;

const MAX_LOGO_BYTES = 2 * 1024 * 1024;

export async function saveCitySettings(
	db: Db,
	s: Omit<CitySettings, 'logoFileId'>,
	actorId: number,
	now: Date
): Promise<ServiceResult> {
	const bad = checkCitySettings(s);
	if (bad.length)
		return refuseFields(400, Object.fromEntries(bad.map((f) => [f, refusalText(FIELD_CODES[f])])));
	await db.transaction().execute(async (trx) => {
		await writeCitySettings(trx, {
			government_kind: s.governmentKind,
			government_name: s.governmentName.trim(),
			place: s.place.trim(),
			signatory_name: s.signatoryName.trim(),
			signatory_title: s.signatoryTitle.trim(),
			signatory_nip: s.signatoryNip.replace(/\s+/g, ''),
			document_language: s.documentLanguage === 'en' ? 'en' : 'id'
		});
		await auditTrail(trx, actorId, now).record('update', 'city_setting');
	});
	return ok(undefined);
}

const LOGO_TYPES = ['image/png', 'image/jpeg'] as const;

/** A logo is accepted only when its bytes are a PNG or JPEG that really decodes. */
export async function saveCityLogo(
	db: Db,
	bytes: Uint8Array,
	actorId: number,
	now: Date
): Promise<ServiceResult> {
	if (bytes.length === 0) return refuseField(400, 'logo', 'srv_city_logo_pick');
	if (bytes.length > MAX_LOGO_BYTES) return refuseField(400, 'logo', 'srv_logo_too_large');
	const checked = await checkUpload(bytes, LOGO_TYPES);
	if (!checked.ok)
		return refuseField(400, 'logo', checked.problem === 'type' ? 'srv_logo_type' : 'srv_image_broken');
	const { mime, image } = checked;
	if (!image || image.width > 4000 || image.height > 4000)
		return refuseField(400, 'logo', 'srv_logo_dimensions');
	const sha256 = await storeFileBytes(bytes);
	await db.transaction().execute(async (trx) => {
		const fileId = await insertStoredFile(trx, { sha256, mime, size: bytes.length }, now);
		await writeCitySettings(trx, { logo_file_id: String(fileId) });
		await auditTrail(trx, actorId, now).record('update_logo', 'city_setting', null, { sha256 });
	});
	return ok(undefined);
}

export async function readCityLogo(
	db: Db
): Promise<{ bytes: Uint8Array; mime: string; etag: string } | null> {
	const { logoFileId } = await readCitySettings(db);
	if (!logoFileId) return null;
	const file = await findStoredFile(db, logoFileId);
	const bytes = file ? await readStoredBytes(file.sha256) : null;
	if (!file || !bytes || sha256Hex(bytes) !== file.sha256) return null;
	return { bytes, mime: file.mime, etag: `"${file.sha256.slice(0, 16)}"` };
}
