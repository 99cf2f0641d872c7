import pg from 'pg';
import {
	ColumnDefinitionNode,
	CreateTableNode,
	DataTypeNode,
	GeneratedNode,
	OperationNodeTransformer,
	PostgresAdapter,
	RawNode,
	sql,
	type Expression,
	type KyselyPlugin,
	type PluginTransformQueryArgs,
	type PluginTransformResultArgs,
	type QueryResult,
	type RawBuilder,
	type RootOperationNode,
	type SqlBool,
	type UnknownRow
} from 'kysely';
import type { Db } from './connection';

// Every place where SQLite and PostgreSQL need different SQL (README "When one machine is not
// enough"). Repositories ask this module instead of testing the engine themselves.

export type Engine = 'sqlite' | 'postgres';

/** The engine behind db (also inside a transaction). */
export function engineOf(db: Db): Engine {
	return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/**
 * qb with `FOR UPDATE` on PostgreSQL: the rows it reads stay locked until the transaction ends, so
 * a rule that reads and then writes (a count, a counter) holds for requests that arrive together.
 * SQLite runs one write transaction at a time and has no row locks.
 */
export function forUpdate<QB extends { forUpdate(): QB }>(db: Db, qb: QB): QB {
	return engineOf(db) === 'postgres' ? qb.forUpdate() : qb;
}

/** qb with `FOR SHARE` on PostgreSQL: like forUpdate, but readers that share do not wait for each other. */
export function forShare<QB extends { forShare(): QB }>(db: Db, qb: QB): QB {
	return engineOf(db) === 'postgres' ? qb.forShare() : qb;
}

/**
 * Whether e is the refusal of a UNIQUE constraint (a name, code or email that another request
 * wrote first), on either engine: better-sqlite3's code or PostgreSQL's SQLSTATE 23505.
 */
export function isUniqueViolation(e: unknown): boolean {
	const code = (e as { code?: unknown } | null)?.code;
	return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}

/** `x like pattern` ignoring ASCII case on both engines (SQLite's LIKE does; PostgreSQL needs ILIKE). */
export function likeOperator(db: Db): 'like' | 'ilike' {
	return engineOf(db) === 'postgres' ? 'ilike' : 'like';
}

/**
 * A search box over several text columns: any of them contains `query` (case as likeOperator).
 * `%`, `_` and `\\` in the query stand for themselves: each is escaped with a backslash, and the
 * explicit `escape` clause makes both engines read it so (SQLite's LIKE has no escape character
 * unless one is named, so "50%" would otherwise match every row).
 */
export function anyColumnContains(db: Db, columns: string[], query: string): RawBuilder<SqlBool> {
	const like = `%${query.replace(/[%_\\]/g, (c) => '\\' + c)}%`;
	const op = sql.raw(likeOperator(db));
	return sql<SqlBool>`(${sql.join(
		columns.map((c) => sql`${sql.ref(c)} ${op} ${like} escape '\\'`),
		sql` or `
	)})`;
}

/** The values of expr in the group joined by separator. */
export function groupConcat(db: Db, expr: Expression<unknown>, separator: string): RawBuilder<string> {
	return engineOf(db) === 'postgres'
		? sql<string>`string_agg(${expr}, ${sql.lit(separator)})`
		: sql<string>`group_concat(${expr}, ${sql.lit(separator)})`;
}

/** A text column as its UTF-8 bytes, so large JSON is served without decoding it. */
export function textAsBytes(db: Db, expr: Expression<unknown>): RawBuilder<Uint8Array> {
	return engineOf(db) === 'postgres'
		? sql<Uint8Array>`convert_to(${expr}, 'UTF8')`
		: sql<Uint8Array>`cast(${expr} as blob)`;
}

// Any fixed number unique to this application; Kysely's migrator holds its own, different one.
const STARTUP_LOCK = 7_150_315;

/**
 * Runs fn while no other process runs it against the same database: several app processes
 * started at once on an empty PostgreSQL database would otherwise ship the instruments and seed
 * the demo city twice. A session advisory lock, held on one connection of the pool while fn uses
 * others. SQLite needs none: the server-lock file keeps it to one serving process.
 */
export async function withStartupLock<T>(db: Db, fn: () => Promise<T>): Promise<T> {
	if (engineOf(db) !== 'postgres') return fn();
	return db.connection().execute(async (holder) => {
		await sql`select pg_advisory_lock(${STARTUP_LOCK})`.execute(holder);
		try {
			return await fn();
		} finally {
			await sql`select pg_advisory_unlock(${STARTUP_LOCK})`.execute(holder);
		}
	});
}

// pg hands 64-bit integers and numerics over as strings to avoid losing precision. Every integer
// here is an id, a count or epoch milliseconds, all far below 2^53, and the code expects numbers
// exactly as better-sqlite3 returns them.
let parsersSet = false;
export function setPostgresTypeParsers(): void {
	if (parsersSet) return;
	parsersSet = true;
	const toNumber = (v: string) => Number(v);
	pg.types.setTypeParser(pg.types.builtins.INT8, toNumber);
	pg.types.setTypeParser(pg.types.builtins.NUMERIC, toNumber);
}

const TYPES: Record<string, DataTypeNode['dataType']> = {
	// SQLite's INTEGER is 64-bit: epoch milliseconds overflow PostgreSQL's 32-bit integer.
	integer: 'bigint',
	real: 'double precision',
	blob: 'bytea'
};

/**
 * Turns the migrations, written for SQLite and never edited once landed (docs/rules.md), into
 * PostgreSQL DDL: 64-bit integers, `id integer primary key [autoincrement]` as an identity column, no `strict` or
 * `without rowid` table options, and `glob` checks as `similar to` (the same bracket patterns).
 */
class PostgresSchemaTransformer extends OperationNodeTransformer {
	protected override transformDataType(node: DataTypeNode): DataTypeNode {
		const to = TYPES[node.dataType];
		return to ? DataTypeNode.create(to) : node;
	}

	protected override transformColumnDefinition(node: ColumnDefinitionNode): ColumnDefinitionNode {
		const out = super.transformColumnDefinition(node);
		const isRowId =
			out.primaryKey &&
			out.column.column.name === 'id' &&
			DataTypeNode.is(out.dataType) &&
			out.dataType.dataType === 'bigint' &&
			!out.references;
		// SQLite's AUTOINCREMENT (never reuse an id) is what an identity column does anyway.
		return isRowId
			? ColumnDefinitionNode.cloneWith(out, {
					autoIncrement: false,
					generated: GeneratedNode.create({ identity: true, byDefault: true })
				})
			: out;
	}

	protected override transformCreateTable(node: CreateTableNode): CreateTableNode {
		const out = super.transformCreateTable(node);
		return { ...out, endModifiers: undefined };
	}

	protected override transformRaw(node: RawNode): RawNode {
		const out = super.transformRaw(node);
		return { ...out, sqlFragments: out.sqlFragments.map((f) => f.replace(/\bglob\b/g, 'similar to')) };
	}
}

/** Kysely plugin applying PostgresSchemaTransformer to migration queries on PostgreSQL. */
export class PostgresSchemaPlugin implements KyselyPlugin {
	readonly #transformer = new PostgresSchemaTransformer();

	transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
		return this.#transformer.transformNode(args.node);
	}

	async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
		return args.result;
	}
}
