import type { OpenDatabase } from '../db/connection';
import { aspectSumPlan } from '../../domain/scoring/aspect-scores';
import { formatProblem, ScoreImport, scoreImportPlan } from '../../domain/import/score-import';
import { findInstrumentById } from '../periods/instrument.repository';
import { findPeriodByCode, mapPeriodUnitIds, setPeriodStatus } from '../periods/period.repository';
import { listUnitCodes } from '../units/unit.repository';
import { mapAccountsByEmail } from '../accounts/user.repository';
import { createScoreImportWriter } from './score-import.repository';
import { refreshVisitTotals } from './visit-total.repository';
import { createDeferredScoreImportWriter } from './score-import-deferred.repository';
import { invalidatePeriodResults } from '../results/result-cache.repository';
import { auditTrail } from '../audit/audit.repository';
import { readTableFile, TableFileError } from '../files/table-file';
import { mapConflictReasons } from '../accounts/assessor-conflict.repository';
import { isPublished } from '../../domain/period-status';
import { periodAcceptsSheets } from '../corrections/correction.service';
import { calibrationAnchorIds } from '../calibration/calibration.repository';
import { MAX_ANCHORS } from '../../domain/reliability';

// `import-scores` (README): one transaction; any problem rolls everything back.

export interface ScoreImportInput {
	periodCode: string;
	path: string;
	replace: boolean;
	userId: number | null;
	/** Every sheet becomes a calibration sheet (README "Calibration round"); results stay as they were. */
	calibration?: boolean;
}

export type ScoreImportResult =
	| {
			ok: true;
			sheets: number;
			scores: number;
			replaced: number;
			newAssessors: number;
			startedPeriod: boolean;
	  }
	| { ok: false; problems: string[] };

class Rollback extends Error {}

/** Problems beyond this many are summarised in one line so a wrong file cannot flood the terminal. */
const MAX_PROBLEMS = 5000;

export async function importScoresFile(
	conn: OpenDatabase,
	input: ScoreImportInput,
	now: Date
): Promise<ScoreImportResult> {
	const { db, sqlite } = conn;
	const period = await findPeriodByCode(db, input.periodCode);
	if (!period) return { ok: false, problems: [`periode "${input.periodCode}" tidak ditemukan`] };
	// docs/rules.md §8.3: a published period takes scores only inside an open correction.
	if (isPublished(period.status) && !(await periodAcceptsSheets(db, period)))
		return {
			ok: false,
			problems: [
				`periode ${period.code} sudah ${period.status === 'published' ? 'terbit' : 'diarsipkan'}; nilai tidak dapat diimpor lagi`
			]
		};
	const instrument = (await findInstrumentById(db, period.instrumentId))!;
	const plan = scoreImportPlan(instrument.def);
	const indicatorIds = plan.codes.map((c) => instrument.indicatorIds.get(c)!);
	const periodUnits = await mapPeriodUnitIds(db, period.id);
	const allUnits = await listUnitCodes(db);
	const accounts = await mapAccountsByEmail(db);
	const conflicts = await mapConflictReasons(db);
	const checker = new ScoreImport(plan, (code) =>
		periodUnits.has(code)
			? null
			: allUnits.has(code)
				? `unit ${code} tidak termasuk periode ${period.code}`
				: `unit "${code}" tidak dikenal`
	);

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
			const assessorOf = (email: string, line: number): number => {
				const found = accounts.get(email);
				if (found) {
					if (found.role !== 'assessor')
						checker.problem(line, `akun ${email} bukan penilai (peran ${found.role})`);
					return found.id;
				}
				// On PostgreSQL a new account's id is a negative placeholder until the writer flushes.
				const creates = checker.problems.length === 0;
				const id = creates ? writer.createAssessor(email, email.split('@')[0]) : -1;
				accounts.set(email, { id, role: 'assessor' });
				if (creates) newAssessors++;
				return id;
			};
			let headerOk: boolean | null = null;
			const onRecord = (cells: string[], line: number) => {
				if (headerOk === null) {
					headerOk = checker.header(cells, line);
					return;
				}
				if (!headerOk) return;
				const row = checker.accept(cells, line);
				if (!row) return;
				if (row.newSheet) {
					const s = row.sheet;
					const email = checker.sheetEmail[s];
					const assessorId = assessorOf(email, line);
					const unitId = periodUnits.get(checker.sheetUnit[s])!;
					anchors?.add(unitId);
					if (anchors && anchors.size > MAX_ANCHORS)
						checker.problem(
							line,
							`kalibrasi paling banyak ${MAX_ANCHORS} unit jangkar; ${checker.sheetUnit[s]} melebihinya`
						);
					// Spec 8.5: a declared conflict of interest holds on the import path too.
					if (assessorId > 0 && conflicts.has(`${assessorId}:${unitId}`)) {
						const reason = conflicts.get(`${assessorId}:${unitId}`);
						checker.problem(
							line,
							`penilai ${email} menyatakan konflik kepentingan dengan unit ${checker.sheetUnit[s]}${reason ? ` (${reason})` : ''}; lembarnya tidak boleh diimpor`
						);
					}
					const knownVisit = writer.findVisitId(unitId, checker.sheetVisit[s]);
					const existing =
						knownVisit !== null && assessorId > 0 ? writer.existingSheet(knownVisit, assessorId) : null;
					if (existing !== null && !input.replace) {
						checker.problem(
							line,
							`lembar unit ${checker.sheetUnit[s]} kunjungan ${checker.sheetVisit[s]} penilai ${email} sudah ada; pakai --replace untuk menggantinya`
						);
					}
					if (checker.problems.length) {
						sheetIds[s] = -1;
						return;
					}
					if (existing !== null) {
						writer.deleteSheet(existing);
						replaced.push({
							sheetId: existing,
							unit: checker.sheetUnit[s],
							visit: checker.sheetVisit[s],
							assessor: email
						});
					}
					sheetIds[s] = writer.insertSheet(
						knownVisit ?? writer.visitId(unitId, checker.sheetVisit[s]),
						assessorId
					);
				}
				if (checker.problems.length) return;
				writer.addScore(sheetIds[row.sheet], indicatorIds[row.indicator], row.score, row.note);
				scores++;
			};
			await readTableFile(input.path, onRecord, (line, reason) => checker.problem(line, reason));
			if (headerOk === null) checker.problem(1, 'berkas kosong: baris judul tidak ada');
			else if (headerOk && checker.sheetCount === 0 && checker.problems.length === 0)
				checker.problem(2, 'berkas tidak berisi baris nilai');
			checker.checkSheetsComplete();
			if (checker.problems.length) throw new Rollback();

			const sumPlan = aspectSumPlan(instrument.def);
			const aspectIds = sumPlan.aspects.map((code) => instrument.aspectIds.get(code)!);
			const sums = new Float64Array(aspectIds.length);
			for (let s = 0; s < checker.sheetCount; s++) {
				checker.sheetAspectSums(s, sumPlan, sums);
				for (let a = 0; a < aspectIds.length; a++) writer.addAspectSum(sheetIds[s], aspectIds[a], sums[a]);
			}
			await writer.flush();
			await refreshVisitTotals(trx, writer.visitsToRefresh());
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
					sheets: checker.sheetCount,
					scores,
					replaced: replaced.length,
					newAssessors
				}
			);
			return {
				ok: true as const,
				sheets: checker.sheetCount,
				scores,
				replaced: replaced.length,
				newAssessors,
				startedPeriod
			};
		});
	} catch (e) {
		if (e instanceof TableFileError) return { ok: false, problems: [e.message] };
		if (!(e instanceof Rollback)) throw e;
		const sorted = checker.sortedProblems();
		const shown = sorted.slice(0, MAX_PROBLEMS).map(formatProblem);
		if (sorted.length > MAX_PROBLEMS) shown.push(`... dan ${sorted.length - MAX_PROBLEMS} masalah lain`);
		return { ok: false, problems: shown };
	}
}
