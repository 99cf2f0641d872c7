import type { Db } from '../db/connection';
import { findInstrumentByCode, insertInstrument } from './instrument.repository';
import { countPeriodsUsingInstrument, updateInstrumentContent } from './instrument-edit.repository';
import { auditTrail } from '../audit/audit.repository';
import { validateInstrument, type InstrumentIssue } from '../../domain/instrument';
import { applyInstrumentEdits } from '../../domain/instrument/edit';
import {
	ok,
	refuseField,
	refusalText,
	type RefusalArgs,
	type RefusalCode,
	type ServiceResult
} from '../service-result';

/**
 * An edit's answer: besides errors, a version carries warnings (docs/rules.md §3) that are shown
 * whether it was saved or not, so this one use-case keeps its own shape.
 */
export type InstrumentEditResult =
	| { ok: true; code: string; warnings: InstrumentIssue[] }
	| { ok: false; status: 400 | 404 | 409; errors: InstrumentIssue[]; warnings: InstrumentIssue[] };

const INSTRUMENT_CODE = /^[a-z0-9][a-z0-9._-]{2,59}$/;
const fail = <K extends RefusalCode>(
	status: 400 | 404 | 409,
	path: string,
	code: K,
	...params: RefusalArgs<K>
): InstrumentEditResult => ({
	ok: false,
	status,
	errors: [{ path, message: refusalText(code, ...params) }],
	warnings: []
});

export async function cloneInstrument(
	db: Db,
	sourceCode: string,
	code: string,
	name: string,
	actorId: number,
	now: Date
): Promise<ServiceResult<string>> {
	const source = await findInstrumentByCode(db, sourceCode);
	if (!source) return refuseField(404, 'source', 'srv_instrument_source_not_found');
	const newCode = code.trim().toLowerCase();
	if (!INSTRUMENT_CODE.test(newCode)) return refuseField(400, 'code', 'srv_instrument_code_format');
	if (name.trim().length < 3 || name.length > 200)
		return refuseField(400, 'name', 'srv_instrument_name_length');
	if (await findInstrumentByCode(db, newCode))
		return refuseField(409, 'code', 'srv_instrument_code_taken', { code: newCode });
	await db.transaction().execute(async (trx) => {
		await insertInstrument(
			trx,
			{ ...source.def, code: newCode, name: name.trim() },
			{ notes: source.notes, sources: source.sources, basedOnId: source.id },
			now
		);
		await auditTrail(trx, actorId, now).record('clone', 'instrument', newCode, { from: sourceCode });
	});
	return ok(newCode);
}

/** docs/rules.md §3: errors block saving, warnings are shown; a version used by a period is never edited. */
export async function editInstrument(
	db: Db,
	code: string,
	fields: Record<string, string>,
	actorId: number,
	now: Date
): Promise<InstrumentEditResult> {
	const stored = await findInstrumentByCode(db, code);
	if (!stored) return fail(404, '_form', 'srv_instrument_not_found');
	if ((await countPeriodsUsingInstrument(db, stored.id)) > 0)
		return fail(409, '_form', 'srv_instrument_in_use');
	const { def, issues } = applyInstrumentEdits(stored.def, fields);
	if (issues.length) return { ok: false, status: 400, errors: issues, warnings: [] };
	const { errors, warnings } = validateInstrument(def);
	if (errors.length) return { ok: false, status: 400, errors, warnings };
	await db.transaction().execute(async (trx) => {
		await updateInstrumentContent(trx, stored.id, def, stored.indicatorIds);
		await auditTrail(trx, actorId, now).record('update', 'instrument', code);
	});
	return { ok: true, code, warnings };
}
