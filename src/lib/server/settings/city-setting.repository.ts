import type { Db } from '../db/connection';
import { EMPTY_CITY_SETTINGS, type CitySettings } from '../../domain/settings/city-settings';
import { governmentKindOf } from '../../domain/settings/government-kind';

export async function readCitySettings(db: Db): Promise<CitySettings> {
	const rows = await db.selectFrom('city_setting').select(['key', 'value']).execute();
	const v = new Map(rows.map((r) => [r.key, r.value]));
	const logo = Number(v.get('logo_file_id'));
	const governmentName = v.get('government_name') ?? EMPTY_CITY_SETTINGS.governmentName;
	return {
		governmentKind: governmentKindOf(v.get('government_kind'), governmentName),
		governmentName,
		place: v.get('place') ?? '',
		signatoryName: v.get('signatory_name') ?? '',
		signatoryTitle: v.get('signatory_title') ?? '',
		signatoryNip: v.get('signatory_nip') ?? '',
		documentLanguage: v.get('document_language') === 'en' ? 'en' : 'id',
		logoFileId: Number.isInteger(logo) && logo > 0 ? logo : null
	};
}

export async function writeCitySettings(db: Db, values: Record<string, string>): Promise<void> {
	for (const [key, value] of Object.entries(values))
		await db
			.insertInto('city_setting')
			.values({ key, value })
			.onConflict((oc) => oc.column('key').doUpdateSet({ value }))
			.execute();
}

export async function findStoredFile(db: Db, id: number): Promise<{ sha256: string; mime: string } | null> {
	const row = await db
		.selectFrom('stored_file')
		.select(['sha256', 'mime'])
		.where('id', '=', id)
		.executeTakeFirst();
	return row ?? null;
}
