import type { OpenDatabase } from '../../db/connection';
import { aspectSumPlan } from '../../../domain/scoring/aspect-scores';
import {
	formatProblem,
	scoreImportPlan,
	sortProblems,
	type ImportProblem
} from '../../../domain/import/score-import';
import { findInstrumentById } from '../../periods/instrument.repository';
import { findPeriodByCode, mapPeriodUnitIds, setPeriodStatus } from '../../periods/period.repository';
import { listUnitCodes } from '../../units/unit.repository';
import { mapAccountsByEmail } from '../../accounts/user.repository';
import { createScoreImportWriter } from './score-import.repository';
import { refreshVisitTotals } from '../visit-total.repository';
import { clearUnitReviews } from '../../review/unit-review.repository';
import { createDeferredScoreImportWriter } from './score-import-deferred.repository';
import { invalidatePeriodResults } from '../../results/result-cache.repository';
import { auditTrail } from '../../audit/audit.repository';
import { TableFileError } from '../../files/table-stream';
import {
	MAX_PROBLEMS_SHOWN,
	readCheckedScoreFile,
	type CheckedRows,
	type NewSheet
} from './score-file-check';
import { mapConflictReasons } from '../../accounts/assessor-conflict.repository';
import { isPublished } from '../../../domain/period-status';
import { periodAcceptsSheets } from '../../corrections/correction.service';
import { calibrationAnchorIds } from '../../calibration/calibration.repository';
import { MAX_ANCHORS } from '../../../domain/reliability';
import { ok, refuseProblems, type ProblemsRefusal, type ServiceResult } from '../../service-result';

// `import-scores` (README): one transaction; any problem rolls everything back.

export interface ScoreImportInput {
	periodCode: string;
	path: string;
	replace: boolean;
	userId: number | null;
	/** Every sheet becomes a calibration sheet (README "Calibration round"); results stay as they were. */
	calibration?: boolean;
	/** Told how far the import is: lines read so far, then once that the rows are being written. */
	onProgress?: (progress: ImportProgress) => void;
}

export type ImportProgress = { phase: 'reading'; lines: number } | { phase: 'writing' };

/** What an accepted file wrote. */
export interface ScoreImportSummary {
	sheets: number;
	scores: number;
	replaced: number;
	newAssessors: number;
	startedPeriod: boolean;
}

/** Thrown to roll the import back, with the first problems by line and how many there are in all. */
class Rollback extends Error {
	constructor(
		readonly problems: ImportProblem[],
		readonly count: number
	) {
		super('import rolled back');
	}
}

export async function importScoresFile(
	conn: OpenDatabase,
	input: ScoreImportInput,
	now: Date
): Promise<ServiceResult<ScoreImportSummary, ProblemsRefusal>> {
	const { db, sqlite } = conn;
	const period = await findPeriodByCode(db, input.periodCode);
	// The command line reads Indonesian (README "Where translation happens"), as the file checks do.
	if (!period) return refuseProblems(404, [`periode "${input.periodCode}" tidak ditemukan`]);
	// docs/rules.md §8.3: a published period takes scores only inside an open correction.
	if (isPublished(period.status) && !(await periodAcceptsSheets(db, period)))
		return refuseProblems(409, [
			`periode ${period.code} sudah ${period.status === 'published' ? 'terbit' : 'diarsipkan'}; nilai tidak dapat diimpor lagi`
		]);
	const instrument = (await findInstrumentById(db, period.instrumentId))!;
	const indicatorIds = scoreImportPlan(instrument.def).codes.map((c) => instrument.indicatorIds.get(c)!);
	const periodUnits = await mapPeriodUnitIds(db, period.id);
	const otherUnits = [...(await listUnitCodes(db))].filter((code) => !periodUnits.has(code));
	const accounts = await mapAccountsByEmail(db);
	const conflicts = await mapConflictReasons(db);

	// Problems found here, against the database; the reading thread finds the file's own.
	const problems: ImportProblem[] = [];
	const problem = (line: number, reason: string) => problems.push({ line, reason });
	let readingProblems = 0;
	const clean = () => readingProblems === 0 && problems.length === 0;
	let scores = 0;
	let newAssessors = 0;
	const replaced: { sheetId: number; unit: string; visit: number; assessor: string }[] = [];
	try {
		return await db.transaction().execute(async (trx) => {
			// SQLite writes through prepared statements on the same connection as trx; PostgreSQL
			// through trx itself once the file is read (score-import-deferred.repository.ts).
			const kind = input.calibration ? 'calibration' : 'regular';
			const writer = sqlite
				? createScoreImportWriter(sqlite, period.id, now, kind)
				: await createDeferredScoreImportWriter(trx, period.id, now, kind);
			const anchors = input.calibration ? await calibrationAnchorIds(trx, period.id) : null;
			const sheetIds: number[] = [];
			const assessorOf = (email: string): number => {
				const found = accounts.get(email);
				if (found) return found.id;
				// On PostgreSQL a new account's id is a negative placeholder until the writer flushes.
				const creates = clean();
				const id = creates ? writer.createAssessor(email, email.split('@')[0]) : -1;
				accounts.set(email, { id, role: 'assessor' });
				if (creates) newAssessors++;
				return id;
			};
			const startSheet = ({ sheet, unit, visitNo, email, line }: NewSheet) => {
				const role = accounts.get(email)?.role;
				if (role !== undefined && role !== 'assessor')
					problem(line, `akun ${email} bukan penilai (peran ${role})`);
				const assessorId = assessorOf(email);
				const unitId = periodUnits.get(unit)!;
				anchors?.add(unitId);
				if (anchors && anchors.size > MAX_ANCHORS)
					problem(line, `kalibrasi paling banyak ${MAX_ANCHORS} unit jangkar; ${unit} melebihinya`);
				// docs/rules.md §8.5: a declared conflict of interest holds on the import path too.
				if (assessorId > 0 && conflicts.has(`${assessorId}:${unitId}`)) {
					const reason = conflicts.get(`${assessorId}:${unitId}`);
					problem(
						line,
						`penilai ${email} menyatakan konflik kepentingan dengan unit ${unit}${reason ? ` (${reason})` : ''}; lembarnya tidak boleh diimpor`
					);
				}
				const knownVisit = writer.findVisitId(unitId, visitNo);
				const existing =
					knownVisit !== null && assessorId > 0 ? writer.existingSheet(knownVisit, assessorId) : null;
				if (existing !== null && !input.replace)
					problem(
						line,
						`lembar unit ${unit} kunjungan ${visitNo} penilai ${email} sudah ada; pakai --replace untuk menggantinya`
					);
				if (!clean()) return;
				if (existing !== null) {
					writer.deleteSheet(existing);
					replaced.push({ sheetId: existing, unit, visit: visitNo, assessor: email });
				}
				sheetIds[sheet] = writer.insertSheet(knownVisit ?? writer.visitId(unitId, visitNo), assessorId);
			};
			const onRows = (rows: CheckedRows) => {
				readingProblems = rows.problemsSoFar;
				input.onProgress?.({ phase: 'reading', lines: rows.linesRead });
				// A batch's sheets go in before its scores: the same rows as row by row, in fewer steps.
				for (const sheet of rows.newSheets) startSheet(sheet);
				if (!clean()) return; // everything rolls back; the rest of the file is only checked
				const { sheets, indicators, scores: values, noteRows, notes } = rows;
				for (let i = 0, n = 0; i < rows.count; i++) {
					const note = noteRows[n] === i ? notes[n++] : null;
					writer.addScore(sheetIds[sheets[i]], indicatorIds[indicators[i]], values[i], note);
				}
				scores += rows.count;
			};
			const file = await readCheckedScoreFile(
				{
					path: input.path,
					def: instrument.def,
					periodCode: period.code,
					periodUnits: [...periodUnits.keys()],
					otherUnits
				},
				onRows
			);
			const count = file.problemCount + problems.length;
			// By line; on one line in the order a row-by-row check meets them: the row's, the
			// database's, then those only the whole file shows (incomplete sheets). Each list is in
			// line order, so the first of all are among the first of each.
			const first = [...file.readingProblems, ...problems.slice(0, MAX_PROBLEMS_SHOWN), ...file.endProblems];
			if (count) throw new Rollback(sortProblems(first).slice(0, MAX_PROBLEMS_SHOWN), count);

			// On PostgreSQL every write happens from here on (score-import-deferred.repository.ts).
			input.onProgress?.({ phase: 'writing' });
			const aspectIds = aspectSumPlan(instrument.def).aspects.map((code) => instrument.aspectIds.get(code)!);
			const width = aspectIds.length;
			for (let s = 0; s < file.sheetCount; s++)
				for (let a = 0; a < width; a++)
					writer.addAspectSum(sheetIds[s], aspectIds[a], file.aspectSums[s * width + a]);
			await writer.flush();
			// The import's units get their review figures when the next review reads them (the
			// import keeps aspect sums, not scores, in memory); cleared last, after every sheet write
			// (review/unit-review.repository.ts).
			if (!input.calibration) await clearUnitReviews(trx, period.id);
			await refreshVisitTotals(trx, writer.visitsToRefresh(), { reviewsCleared: !input.calibration });
			// Calibration sheets start nothing and change no result (docs/rules.md §9.1).
			const startedPeriod = !input.calibration && period.status === 'draft';
			if (startedPeriod) await setPeriodStatus(trx, period.id, 'running', now);
			if (!input.calibration) await invalidatePeriodResults(trx, period.id);
			for (const r of replaced)
				await auditTrail(trx, input.userId, now).record('score_sheet.replace', 'score_sheet', r.sheetId, {
					period: period.code,
					unit: r.unit,
					visit: r.visit,
					assessor: r.assessor,
					source: 'import'
				});
			await auditTrail(trx, input.userId, now).record(
				input.calibration ? 'calibration_scores.import' : 'scores.import',
				'period',
				period.id,
				{
					period: period.code,
					sheets: file.sheetCount,
					scores,
					replaced: replaced.length,
					newAssessors
				}
			);
			return ok({
				sheets: file.sheetCount,
				scores,
				replaced: replaced.length,
				newAssessors,
				startedPeriod
			});
		});
	} catch (e) {
		if (e instanceof TableFileError) return refuseProblems(400, [e.message]);
		if (!(e instanceof Rollback)) throw e;
		// Problems beyond MAX_PROBLEMS_SHOWN are summarised in one line: a wrong file cannot flood the terminal.
		const shown = e.problems.map(formatProblem);
		if (e.count > e.problems.length) shown.push(`... dan ${e.count - e.problems.length} masalah lain`);
		return refuseProblems(400, shown);
	}
}
