import type { Db } from '../db/connection';
import type { Role } from '../../domain/auth/user';
import { canSeeResults } from '../../domain/results-access';
import { isPublished } from '../../domain/period-status';
import { aspectCodesOf, resultsTable, type ResultsTable } from '../../domain/scoring/results-table';
import { ok, refuse, type ServiceResult } from '../service-result';
import type { ResultsDocument } from '../../domain/scoring/results-shape';
import { filterCategory, loadResults, loadResultsBytes } from './results.service';

// The results API (README): what a caller may see, as the cached JSON string when possible.

export type ApiResults = ServiceResult<{ json: string | Uint8Array; published: boolean }>;

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;

/** The document a caller may read: the whole period, or one category of it. */
async function documentForCaller(
	db: Db,
	code: string,
	role: Role | null,
	category: string | null,
	now: Date
): Promise<ServiceResult<{ doc: ResultsDocument; published: boolean }>> {
	const found = CODE.test(code) ? await loadResults(db, code, now) : null;
	if (!found || !canSeeResults(role, found.period.status))
		return refuse(404, 'srv_results_not_published', { period: code });
	const published = isPublished(found.period.status);
	if (category === null) return ok({ doc: found.doc, published });
	const doc = filterCategory(found.doc, category);
	if (!doc) return refuse(404, 'srv_results_category_missing', { category, period: found.period.code });
	return ok({ doc, published });
}

export async function resultsForCaller(
	db: Db,
	code: string,
	role: Role | null,
	category: string | null,
	now: Date
): Promise<ApiResults> {
	if (category === null && CODE.test(code)) {
		const found = await loadResultsBytes(db, code, now);
		if (!found || !canSeeResults(role, found.period.status))
			return refuse(404, 'srv_results_not_published', { period: code });
		return ok({ json: found.body, published: isPublished(found.period.status) });
	}
	const found = await documentForCaller(db, code, role, category, now);
	return found.ok ? ok({ json: JSON.stringify(found.value.doc), published: found.value.published }) : found;
}

/** The flat table of the CSV and XLSX exports, for what the caller may read. */
export async function resultsTableForCaller(
	db: Db,
	code: string,
	role: Role | null,
	category: string | null,
	now: Date
): Promise<ServiceResult<{ doc: ResultsDocument; table: ResultsTable; published: boolean }>> {
	const found = await documentForCaller(db, code, role, category, now);
	if (!found.ok) return found;
	const { doc, published } = found.value;
	return ok({ doc, published, table: resultsTable(doc, aspectCodesOf(doc)) });
}
