import type { Db } from '../db/connection';
import { checkPaperHeader, validatePaperRows, type PaperRow } from '../../domain/survey/paper';
import { type Period } from '../periods/period.repository';
import { listPeriodSurveyUnitsByCode } from './survey-period.repository';
import { insertSurveyResponses } from './survey-response.repository';
import { readConfig } from '../config';
import { auditTrail } from '../audit/audit.repository';
import { readTableBytes } from '../files/table-file';
import { ok, refuseProblems, refusalText, type ProblemsRefusal, type ServiceResult } from '../service-result';
import { rowProblemText } from '../files/row-problem-text';

// Paper questionnaires (source = 'paper'): all rows or none, with `baris N: reason` problems
// worded in the reader's language (rowProblemText).

/** A stack of paper questionnaires can outgrow the preview pages' row limit; 5 MB still bounds it. */
const PAPER_MAX_ROWS = 200_000;

/** How many questionnaires were entered. */
export type PaperEntry = { count: number };

export async function enterPaperResponses(
	db: Db,
	userId: number,
	period: Period,
	rows: readonly PaperRow[],
	now: Date,
	origin: 'form' | 'file' = 'form'
): Promise<ServiceResult<PaperEntry, ProblemsRefusal>> {
	const named = [...new Set(rows.map((r) => (r.record.unit_code ?? '').trim()).filter((c) => c !== ''))];
	const units = await listPeriodSurveyUnitsByCode(db, period.id, named);
	const checked = validatePaperRows(
		rows,
		{
			unitIds: new Map(units.map((u) => [u.code, u.id])),
			window: { from: period.surveyFrom, to: period.surveyTo },
			timeZone: readConfig().timeZone
		},
		rowProblemText
	);
	if (!checked.ok) return refuseProblems(400, checked.problems);
	await db.transaction().execute(async (trx) => {
		await insertSurveyResponses(
			trx,
			checked.responses.map((r) => ({
				periodId: period.id,
				unitId: r.unitId,
				submittedAt: r.submittedAt,
				answers: r.answers,
				profile: r.profile,
				suggestion: r.suggestion,
				source: 'paper',
				enteredBy: userId
			}))
		);
		await auditTrail(trx, userId, now).record('enter_paper_survey', 'period', period.id, {
			count: checked.responses.length,
			origin
		});
	});
	return ok({ count: checked.responses.length });
}

export async function importPaperFile(
	db: Db,
	userId: number,
	period: Period,
	file: { name: string; bytes: Uint8Array },
	now: Date
): Promise<ServiceResult<PaperEntry, ProblemsRefusal>> {
	if (!/\.(csv|txt|xlsx)$/i.test(file.name))
		return refuseProblems(400, [refusalText('srv_paper_file_format')]);
	const table = await readTableBytes(file.name, file.bytes, PAPER_MAX_ROWS);
	if (!table.ok) return refuseProblems(400, table.problems);
	const headerProblems = checkPaperHeader(table.data.columns, rowProblemText);
	if (headerProblems.length) return refuseProblems(400, headerProblems);
	const rows = table.data.rows.map((r) => ({ line: r.line, record: r.cells }));
	return enterPaperResponses(db, userId, period, rows, now, 'file');
}
