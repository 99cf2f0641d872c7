import type { Db } from '../../db/connection';

const KEY = 'survey_form_key';

/** The survey form-signing key, created on first use; it never leaves the server. */
export async function findOrCreateSurveyFormKey(db: Db, create: () => string): Promise<string> {
	await db
		.insertInto('city_setting')
		.values({ key: KEY, value: create() })
		.onConflict((oc) => oc.column('key').doNothing())
		.execute();
	const row = await db
		.selectFrom('city_setting')
		.select('value')
		.where('key', '=', KEY)
		.executeTakeFirstOrThrow();
	return row.value;
}
