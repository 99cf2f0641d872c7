import {
	Kysely,
	Migrator,
	SqliteAdapter,
	SqliteDialect,
	type Migration,
	type MigrationResultSet
} from 'kysely';
import { migrations as shippedMigrations } from '../../../../db/migrations/index';
import { rawHandleOf, type Db } from './connection';

export type Migrations = Record<string, Migration>;

// Kysely runs SQLite migrations one statement at a time because its adapter reports no
// transactional DDL, yet SQLite has it. Declaring it lets the Migrator wrap every pending
// migration in one transaction: a failing upgrade leaves the database exactly as it was
// (README "Production": safe upgrades).
class TransactionalDdlAdapter extends SqliteAdapter {
	override get supportsTransactionalDdl(): boolean {
		return true;
	}
}

class TransactionalDdlDialect extends SqliteDialect {
	override createAdapter() {
		return new TransactionalDdlAdapter();
	}
}

function migratorFor(db: Db, migrations: Migrations): Migrator {
	const raw = rawHandleOf(db);
	// Same connection, a second Kysely around it; never destroyed here, as that would close it.
	const target = raw ? new Kysely<unknown>({ dialect: new TransactionalDdlDialect({ database: raw }) }) : db;
	return new Migrator({ db: target, provider: { getMigrations: async () => migrations } });
}

export class MigrationFailed extends Error {
	constructor(
		public readonly migrationName: string | null,
		public readonly reason: unknown
	) {
		super(
			`migrasi ${migrationName ?? '?'} gagal: ${reason instanceof Error ? reason.message : String(reason)}`
		);
	}
}

/** Names of the migrations this build knows that the database has not applied yet. */
export async function pendingMigrations(
	db: Db,
	migrations: Migrations = shippedMigrations
): Promise<string[]> {
	const infos = await migratorFor(db, migrations).getMigrations();
	return infos.filter((m) => !m.executedAt).map((m) => m.name);
}

/** Applies every pending migration in one transaction; throws MigrationFailed, nothing applied. */
export async function migrateToLatest(
	db: Db,
	migrations: Migrations = shippedMigrations
): Promise<MigrationResultSet> {
	// Foreign keys off around the one transaction (the pragma is ignored inside one): a migration
	// that rebuilds a table to change a constraint must be able to drop the old table without its
	// ON DELETE CASCADE emptying the children. Such a migration runs `pragma foreign_key_check`
	// itself before the transaction commits (20261129_1900_add_calibration).
	const raw = rawHandleOf(db);
	const enforced = raw ? raw.pragma('foreign_keys', { simple: true }) === 1 : false;
	if (enforced) raw!.pragma('foreign_keys = OFF');
	let result: MigrationResultSet;
	try {
		result = await migratorFor(db, migrations).migrateToLatest();
	} finally {
		if (enforced) raw!.pragma('foreign_keys = ON');
	}
	if (result.error) {
		const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? null;
		throw new MigrationFailed(failed, result.error);
	}
	return result;
}

export { shippedMigrations };
