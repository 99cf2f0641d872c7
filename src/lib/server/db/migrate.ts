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
import { engineOf, PostgresSchemaPlugin } from './dialect';

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
	// PostgreSQL runs the same migrations translated by the dialect module (one migration set).
	const target = raw
		? new Kysely<unknown>({ dialect: new TransactionalDdlDialect({ database: raw }) })
		: engineOf(db) === 'postgres'
			? db.withPlugin(new PostgresSchemaPlugin())
			: db;
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
	// SQLite changes a constraint only by rebuilding the table, which its documentation does with
	// foreign keys off (they cannot be switched inside the transaction); such a migration runs
	// `pragma foreign_key_check` before it ends, so a broken reference still rolls everything back.
	const raw = rawHandleOf(db);
	const enforced = raw?.pragma('foreign_keys', { simple: true }) === 1;
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
