import type { Db } from '../db/connection';
import { sheetIncompleteText } from '$lib/i18n/sheet-text';
import {
	diffEntries,
	isVisitEditable,
	NOTE_MAX,
	submitProblems,
	scoresOf,
	type EntryChange,
	type SheetProblem,
	type SheetValues
} from '../../domain/score-sheet';
import { sheetAspectSums } from '../../domain/scoring';
import {
	advanceSheetVersion,
	findOrCreateDraftSheet,
	findSheetOf,
	listSheetEntries,
	replaceAspectSums,
	setSheetStatus,
	upsertScore
} from './score-sheet.repository';
import { auditTrail } from '../audit/audit.repository';
import { invalidatePeriodResults } from '../results/result-cache.repository';
import { openVisitForAssessor, type AssessorVisit } from './sheet-access';
import {
	ok,
	refuse,
	refusalText,
	type FieldErrors,
	type Refusal,
	type ServiceResult
} from '../service-result';

export interface SaveInput {
	visitId: number;
	userId: number;
	/** the sheet version the values were edited from; a sheet not yet created is version 1 */
	baseVersion: number;
	values: SheetValues;
}

/** A saved sheet: its version now, how many entries changed, and when. */
export interface SheetSaved {
	version: number;
	changed: number;
	savedAt: Date;
}

/**
 * Why a save or a submission was refused, with what the assessor's page and device act on: the
 * stored version and what differs (stale), or what still stands between the saved draft and
 * submission (incomplete, docs/rules.md §4.1). The JSON answer keeps these names
 * (routes/penilaian/[visitId=id]/sheet-answer.ts), the incomplete list as `problems`.
 */
export type SheetRefusal = Refusal &
	(
		| { kind: 'not_found' }
		| { kind: 'invalid'; errors: FieldErrors }
		| { kind: 'locked' }
		| { kind: 'stale'; version: number; differences: EntryChange[] }
		| { kind: 'incomplete'; version: number; missing: SheetProblem[] }
	);

export type SheetResult = ServiceResult<SheetSaved, SheetRefusal>;

const notFound = (): SheetRefusal => ({ ...refuse(404, 'srv_visit_not_found'), kind: 'not_found' });
const locked = (code: 'srv_period_locked' | 'srv_sheet_locked'): SheetRefusal => ({
	...refuse(409, code),
	kind: 'locked'
});

/** Known indicator codes only, levels 0..5, notes within bounds; every problem by indicator code. */
export function checkValues(visit: AssessorVisit, values: SheetValues): Record<string, string> {
	const known = new Set(visit.instrument.def.aspects.flatMap((a) => a.indicators.map((i) => i.code)));
	const errors: Record<string, string> = {};
	for (const [code, e] of Object.entries(values)) {
		if (!known.has(code)) errors[code] = refusalText('srv_objection_indicator_unknown', { indicator: code });
		else if (e.score !== null && !(Number.isInteger(e.score) && e.score >= 0 && e.score <= 5))
			errors[code] = refusalText('srv_sheet_score_range', { code });
		else if (e.note.length > NOTE_MAX)
			errors[code] = refusalText('srv_sheet_note_too_long', { code, max: NOTE_MAX });
	}
	return errors;
}

async function applyValues(trx: Db, visit: AssessorVisit, input: SaveInput, now: Date): Promise<SheetResult> {
	if (!isVisitEditable(visit.ctx)) return locked('srv_period_locked');
	const sheet = await findOrCreateDraftSheet(trx, input.visitId, input.userId, now);
	if (sheet.status === 'submitted') return locked('srv_sheet_locked');
	const def = visit.instrument.def;
	const current = await listSheetEntries(trx, sheet.id);
	const stale = (version: number, entries: typeof current): SheetRefusal => ({
		...refuse(409, 'srv_sheet_stale'),
		kind: 'stale',
		version,
		differences: diffEntries(def, entries, input.values)
	});
	const changes = diffEntries(def, current, input.values);
	// Nothing to write is no conflict, whatever version it was made from: a second tab that took
	// over this browser's draft sends the values already stored, and there is nothing to choose.
	if (changes.length === 0) return ok({ version: sheet.version, changed: 0, savedAt: now });
	if (sheet.version !== input.baseVersion) return stale(sheet.version, current);
	const version = sheet.version + 1;
	// The version moves first, as a compare-and-set: a save through another process that read the
	// same version waits for this row and then finds it moved on (README "When one machine is not
	// enough"), so it answers 409 instead of overwriting.
	if (!(await advanceSheetVersion(trx, sheet.id, input.baseVersion, now))) {
		const moved = (await findSheetOf(trx, input.visitId, input.userId))!;
		return stale(moved.version, await listSheetEntries(trx, moved.id));
	}
	for (const c of changes) {
		const note = c.after.note.trim();
		await upsertScore(trx, sheet.id, {
			indicatorId: visit.instrument.indicatorIds.get(c.code)!,
			score: c.after.score,
			note: note === '' ? null : note
		});
		await auditTrail(trx, input.userId, now).record('score_change', 'score_sheet', sheet.id, {
			indicator: c.code,
			old: c.before,
			new: { score: c.after.score, note },
			version
		});
	}
	return ok({ version, changed: changes.length, savedAt: now });
}

const invalid = (errors: FieldErrors): SheetRefusal => ({
	...refuse(400, 'srv_sheet_invalid'),
	kind: 'invalid',
	errors
});

/** Saves a draft: only what differs is written, each change audited, stale versions refused. */
export async function saveSheetDraft(db: Db, input: SaveInput, now: Date): Promise<SheetResult> {
	const visit = await openVisitForAssessor(db, input.visitId, input.userId);
	if (!visit) return notFound();
	const errors = checkValues(visit, input.values);
	if (Object.keys(errors).length) return invalid(errors);
	return db.transaction().execute((trx) => applyValues(trx, visit, input, now));
}

/** Saves, then submits when docs/rules.md §4.1 holds; the draft is kept even when problems remain. */
export async function submitSheet(db: Db, input: SaveInput, now: Date): Promise<SheetResult> {
	const visit = await openVisitForAssessor(db, input.visitId, input.userId);
	if (!visit) return notFound();
	const errors = checkValues(visit, input.values);
	if (Object.keys(errors).length) return invalid(errors);
	return db.transaction().execute(async (trx): Promise<SheetResult> => {
		const saved = await applyValues(trx, visit, input, now);
		if (!saved.ok) return saved;
		const sheet = (await findSheetOf(trx, input.visitId, input.userId))!;
		const values = await listSheetEntries(trx, sheet.id);
		const problems = submitProblems(visit.instrument.def, values);
		if (problems.length)
			return {
				ok: false,
				status: 400,
				message: sheetIncompleteText(problems.length),
				kind: 'incomplete',
				missing: problems,
				version: saved.value.version
			};
		const sums = sheetAspectSums(visit.instrument.def, scoresOf(values));
		await replaceAspectSums(
			trx,
			sheet.id,
			Object.entries(sums).map(([code, weightedSum]) => ({
				aspectId: visit.instrument.aspectIds.get(code)!,
				weightedSum
			}))
		);
		await setSheetStatus(trx, sheet.id, 'submitted', now);
		await invalidatePeriodResults(trx, visit.ctx.periodId);
		await auditTrail(trx, input.userId, now).record('submit', 'score_sheet', sheet.id, {
			visitId: input.visitId
		});
		return ok({ version: sheet.version + 1, changed: saved.value.changed, savedAt: now });
	});
}
