import { sql } from 'kysely';
import type { Db } from '../db/connection';
import type { AnswerSums } from '../../domain/survey/ikm';
import type { SurveyProfile } from '../../domain/survey/submission';
import type { BreakdownField } from '../../domain/survey/breakdown';
import { SURVEY_CHANNELS, type ChannelCounts, type SurveyChannel } from '../../domain/survey/channel';

// Aggregates are summed in SQL (integers, exact); the IKM itself is computed by the domain.
const FIELDS = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9'] as const;
const sums = FIELDS.map((f) => sql<number>`sum(${sql.ref(f)})`.as(`s_${f}`));

type SumRow = { n: number } & Record<`s_${(typeof FIELDS)[number]}`, number>;

const toSums = (r: SumRow): AnswerSums => ({
	respondents: Number(r.n),
	sums: FIELDS.map((f) => Number(r[`s_${f}`]))
});

export interface ResponseFilter {
	periodId?: number;
	unitId?: number;
	/** at most IN_LIST_SLICE units (db/slices.ts) */
	unitIds?: readonly number[];
	/** epoch ms, inclusive start and exclusive end */
	start?: number;
	end?: number;
}

function filtered(db: Db, f: ResponseFilter) {
	let q = db.selectFrom('survey_response');
	if (f.periodId !== undefined) q = q.where('period_id', '=', f.periodId);
	if (f.unitId !== undefined) q = q.where('unit_id', '=', f.unitId);
	if (f.unitIds !== undefined) q = q.where('unit_id', 'in', f.unitIds.length ? [...f.unitIds] : [-1]);
	if (f.start !== undefined) q = q.where('submitted_at', '>=', f.start);
	if (f.end !== undefined) q = q.where('submitted_at', '<', f.end);
	return q;
}

export async function sumAnswersByUnit(db: Db, f: ResponseFilter): Promise<Map<number, AnswerSums>> {
	const rows = await filtered(db, f)
		.select((eb) => ['unit_id', eb.fn.countAll<number>().as('n'), ...sums])
		.groupBy('unit_id')
		.execute();
	return new Map(rows.map((r) => [r.unit_id, toSums(r as unknown as SumRow)]));
}

export async function sumAnswersBy(
	db: Db,
	field: BreakdownField,
	f: ResponseFilter
): Promise<{ value: string | null; sums: AnswerSums }[]> {
	const rows = await filtered(db, f)
		.select((eb) => [sql.ref<string | null>(field).as('value'), eb.fn.countAll<number>().as('n'), ...sums])
		.groupBy(field)
		.execute();
	return rows.map((r) => ({ value: r.value, sums: toSums(r as unknown as SumRow) }));
}

export async function countSourcesOfPeriod(db: Db, periodId: number): Promise<ChannelCounts> {
	const rows = await db
		.selectFrom('survey_response')
		.select((eb) => ['source', eb.fn.countAll<number>().as('n')])
		.where('period_id', '=', periodId)
		.groupBy('source')
		.execute();
	const get = (s: string) => Number(rows.find((r) => r.source === s)?.n ?? 0);
	return Object.fromEntries(SURVEY_CHANNELS.map((c) => [c, get(c)])) as ChannelCounts;
}

export type SuggestionStatus = 'pending' | 'approved' | 'rejected';

export interface Suggestion {
	id: number;
	unitCode: string;
	unitName: string;
	submittedAt: Date;
	text: string;
	status: SuggestionStatus;
	source: SurveyChannel;
}

export async function listSuggestions(
	db: Db,
	q: { periodId: number; unitId?: number; status?: SuggestionStatus; limit: number; offset: number }
): Promise<{ total: number; items: Suggestion[] }> {
	let base = db
		.selectFrom('survey_response')
		.innerJoin('unit', 'unit.id', 'survey_response.unit_id')
		.where('survey_response.period_id', '=', q.periodId)
		.where('survey_response.suggestion', 'is not', null);
	if (q.unitId !== undefined) base = base.where('survey_response.unit_id', '=', q.unitId);
	if (q.status) base = base.where('survey_response.suggestion_status', '=', q.status);
	const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
	const rows = await base
		.select([
			'survey_response.id',
			'unit.code',
			'unit.name',
			'survey_response.submitted_at',
			'survey_response.suggestion',
			'survey_response.suggestion_status',
			'survey_response.source'
		])
		.orderBy('survey_response.submitted_at', 'desc')
		.orderBy('survey_response.id', 'desc')
		.limit(q.limit)
		.offset(q.offset)
		.execute();
	return {
		total: Number(n),
		items: rows.map((r) => ({
			id: r.id,
			unitCode: r.code,
			unitName: r.name,
			submittedAt: new Date(r.submitted_at),
			text: r.suggestion ?? '',
			status: r.suggestion_status ?? 'pending',
			source: r.source
		}))
	};
}

/** Moderates one suggestion of the period; false when there is no such suggestion. */
export async function setSuggestionStatus(
	db: Db,
	periodId: number,
	responseId: number,
	status: SuggestionStatus
): Promise<boolean> {
	const r = await db
		.updateTable('survey_response')
		.set({ suggestion_status: status })
		.where('id', '=', responseId)
		.where('period_id', '=', periodId)
		.where('suggestion', 'is not', null)
		.executeTakeFirst();
	return Number(r.numUpdatedRows) > 0;
}

export interface NewSurveyResponse {
	periodId: number;
	unitId: number;
	submittedAt: number;
	answers: readonly number[];
	profile: SurveyProfile;
	suggestion: string | null;
	suggestionStatus?: SuggestionStatus;
	source: SurveyChannel;
	enteredBy: number | null;
	deviceId?: string | null;
}

/** Bulk insert in chunks (SQLite's bound-parameter limit); callers wrap it in a transaction. */
export async function insertSurveyResponses(db: Db, rows: readonly NewSurveyResponse[]): Promise<number> {
	for (let i = 0; i < rows.length; i += 500) {
		const slice = rows.slice(i, i + 500);
		// Only enumerators' questionnaires carry a device id: other batches leave the column out, so
		// the demo survey also seeds a database from before that column (an upgrade test).
		const withDevice = slice.some((r) => r.deviceId);
		const chunk = slice.map((r) => ({
			period_id: r.periodId,
			unit_id: r.unitId,
			submitted_at: r.submittedAt,
			...Object.fromEntries(FIELDS.map((f, k) => [f, r.answers[k]])),
			...r.profile,
			suggestion: r.suggestion,
			suggestion_status: r.suggestion ? (r.suggestionStatus ?? 'pending') : null,
			source: r.source,
			entered_by: r.enteredBy,
			...(withDevice ? { device_id: r.deviceId ?? null } : {})
		}));
		await db
			.insertInto('survey_response')
			.values(chunk as never)
			.execute();
	}
	return rows.length;
}
