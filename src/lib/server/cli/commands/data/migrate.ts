import type { CliContext } from '../../cli-error';
import { readConfig } from '../../../config';
import { databaseTarget, openDatabase } from '../../../db/connection';
import { migrateToLatest } from '../../../db/migrate';
import { seedInstruments } from '../../../../../../db/seeds/demo-city';

export async function runMigrate(ctx: CliContext): Promise<void> {
	const { db } = openDatabase(databaseTarget(readConfig()));
	const result = await migrateToLatest(db);
	// The shipped instruments are data every database needs, like the schema.
	await seedInstruments(db, ctx.now);
	const applied = result.results?.filter((r) => r.status === 'Success').length ?? 0;
	ctx.out(applied ? `${applied} migrasi diterapkan.` : 'Basis data sudah mutakhir.');
	await db.destroy();
}
