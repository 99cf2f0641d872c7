import type { Db } from '../db/connection';
import { textAsBytes } from '../db/dialect';
import { sql } from 'kysely';
import type { ResultsDocument } from '../../domain/scoring/results-shape';
import { publishedSnapshots } from './snapshot-cache';

// The one reader of published results: the results document each publication froze (README,
// "Results JSON"), parsed here and nowhere else. The latest revision of a period is the one that
// counts; earlier revisions stay for the record and for certificate checks.

export interface PublishedRevision {
	periodId: number;
	periodCode: string;
	periodName: string;
	instrumentCode: string;
	startsOn: string;
	revision: number;
	publishedAt: Date;
}

/** A revision with the document it froze; the document is shared and frozen (snapshot-cache.ts). */
export interface PublishedResults extends PublishedRevision {
	results: ResultsDocument;
}

function revisions(db: Db) {
	return db
		.selectFrom('publication as p')
		.innerJoin('period', 'period.id', 'p.period_id')
		.innerJoin('instrument', 'instrument.id', 'period.instrument_id')
		.select([
			'p.id',
			'p.period_id',
			'period.code',
			'period.name',
			'instrument.code as instrumentCode',
			'period.starts_on',
			'p.revision',
			'p.published_at'
		]);
}

function latestRevisions(db: Db) {
	return revisions(db).where(({ eb, selectFrom }) =>
		eb(
			'p.revision',
			'=',
			selectFrom('publication as q')
				.select((q) => q.fn.max('q.revision').as('r'))
				.whereRef('q.period_id', '=', 'p.period_id')
		)
	);
}

type RevisionRow = Awaited<ReturnType<ReturnType<typeof revisions>['execute']>>[number];

async function withResults(db: Db, r: RevisionRow): Promise<PublishedResults> {
	const results = await publishedSnapshots.parsed(
		db,
		{ publicationId: r.id, publishedAt: r.published_at },
		async () => {
			const row = await db
				.selectFrom('publication')
				.select('snapshot')
				.where('id', '=', r.id)
				.executeTakeFirstOrThrow();
			return row.snapshot;
		}
	);
	return {
		periodId: r.period_id,
		periodCode: r.code,
		periodName: r.name,
		instrumentCode: r.instrumentCode,
		startsOn: r.starts_on,
		revision: r.revision,
		publishedAt: new Date(r.published_at),
		results
	};
}

/**
 * withResults for each row, one after the other: a national snapshot is 27 MB of text before it
 * is parsed, and reading every period's at once (PostgreSQL sends them in parallel) held them all.
 */
async function withResultsInTurn(db: Db, rows: readonly RevisionRow[]): Promise<PublishedResults[]> {
	const out: PublishedResults[] = [];
	for (const r of rows) out.push(await withResults(db, r));
	return out;
}

/** The latest revision of a period with its results; null before the first publication. */
export async function findLatestPublished(db: Db, periodId: number): Promise<PublishedResults | null> {
	const r = await latestRevisions(db).where('p.period_id', '=', periodId).executeTakeFirst();
	return r ? withResults(db, r) : null;
}

/** The latest revision of every published (or archived) period, oldest period first. */
export async function listLatestPublished(db: Db): Promise<PublishedResults[]> {
	const rows = await latestRevisions(db)
		.where('period.status', 'in', ['published', 'archived'])
		.orderBy('period.starts_on')
		.execute();
	return withResultsInTurn(db, rows);
}

/** Every revision of the published and archived periods, by period, newest revision first. */
export async function listPublishedRevisions(db: Db): Promise<PublishedResults[]> {
	const rows = await revisions(db)
		.where('period.status', 'in', ['published', 'archived'])
		.orderBy('period.id')
		.orderBy('p.revision', 'desc')
		.execute();
	return withResultsInTurn(db, rows);
}

/** The latest snapshot as UTF-8 bytes, for the API to serve as stored (no parse, no re-encode). */
export async function findLatestPublishedBytes(db: Db, periodId: number): Promise<Uint8Array | null> {
	const r = await db
		.selectFrom('publication')
		.select(textAsBytes(db, sql.ref('snapshot')).as('bytes'))
		.where('period_id', '=', periodId)
		.orderBy('revision', 'desc')
		.limit(1)
		.executeTakeFirst();
	return r?.bytes ?? null;
}
