import type { Db } from '../db/connection';
import type { Role } from '../../domain/auth/user';
import { canSeeResults } from '../../domain/results-access';
import { isPublished } from '../../domain/period-status';
import { aspectCodesOf, resultsTable, type ResultsTable } from '../../domain/scoring/results-table';
import { ok, refuse, type ServiceResult } from '../service-result';
import { filterCategory, loadResultsBytes, loadResultsJson, type ResultsDocument } from './results.service';

// The results API (README): what a caller may see, as the cached JSON string when possible.

export type ApiResults = ServiceResult<{ json: string | Uint8Array; published: boolean }>;

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;

export async function resultsForCaller(
	db: Db,
	code: string,
	role: Role | null,
	category: string | null,
	now: Date
): Promise<ApiResults> {
	const missing = refuse(404, 'srv_results_not_published', { period: code });
	if (!CODE.test(code)) return missing;
	if (category === null) {
		const found = await loadResultsBytes(db, code, now);
		if (!found || !canSeeResults(role, found.period.status)) return missing;
		return ok({ json: found.body, published: isPublished(found.period.status) });
	}
	const found = await loadResultsJson(db, code, now);
	if (!found || !canSeeResults(role, found.period.status)) return missing;
	const published = isPublished(found.period.status);
	const filtered = filterCategory(JSON.parse(found.json) as ResultsDocument, category);
	if (!filtered) return refuse(404, 'srv_results_category_missing', { category, period: found.period.code });
	return ok({ json: JSON.stringify(filtered), published });
}

/** The flat table of the CSV and XLSX exports. */
export function tableOf(json: string | Uint8Array): { table: ResultsTable; doc: ResultsDocument } {
	const doc = JSON.parse(
		typeof json === 'string' ? json : Buffer.from(json).toString('utf8')
	) as ResultsDocument;
	return { doc, table: resultsTable(doc, aspectCodesOf(doc)) };
}
