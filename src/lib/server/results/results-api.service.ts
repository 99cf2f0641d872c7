import type { Db } from '../db/connection';
import type { Role } from '../../domain/auth/user';
import { canSeeResults } from '../../domain/results-access';
import { isPublished } from '../../domain/period-status';
import { aspectCodesOf, resultsTable, type ResultsTable } from '../../domain/scoring/results-table';
import { filterCategory, loadResultsBytes, loadResultsJson, type ResultsDocument } from './results.service';

// The results API (README): what a caller may see, as the cached JSON string when possible.

export type ApiResults =
	{ ok: true; json: string | Uint8Array; published: boolean } | { ok: false; status: 404; error: string };

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;

export async function resultsForCaller(
	db: Db,
	code: string,
	role: Role | null,
	category: string | null,
	now: Date
): Promise<ApiResults> {
	const missing = {
		ok: false as const,
		status: 404 as const,
		error: `Periode "${code}" tidak ditemukan atau hasilnya belum terbit.`
	};
	if (!CODE.test(code)) return missing;
	if (category === null) {
		const found = await loadResultsBytes(db, code, now);
		if (!found || !canSeeResults(role, found.period.status)) return missing;
		return { ok: true, json: found.body, published: isPublished(found.period.status) };
	}
	const found = await loadResultsJson(db, code, now);
	if (!found || !canSeeResults(role, found.period.status)) return missing;
	const published = isPublished(found.period.status);
	const filtered = filterCategory(JSON.parse(found.json) as ResultsDocument, category);
	if (!filtered)
		return {
			ok: false,
			status: 404,
			error: `Kategori "${category}" tidak ada dalam hasil periode ${found.period.code}.`
		};
	return { ok: true, json: JSON.stringify(filtered), published };
}

/** The flat table of the CSV and XLSX exports. */
export function tableOf(json: string | Uint8Array): { table: ResultsTable; doc: ResultsDocument } {
	const doc = JSON.parse(
		typeof json === 'string' ? json : Buffer.from(json).toString('utf8')
	) as ResultsDocument;
	return { doc, table: resultsTable(doc, aspectCodesOf(doc)) };
}
