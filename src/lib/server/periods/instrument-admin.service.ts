import type { Db } from '../db/connection';
import { findInstrumentByCode, insertInstrument } from './instrument.repository';
import { countPeriodsUsingInstrument, updateInstrumentContent } from './instrument-edit.repository';
import { auditTrail } from '../audit/audit.repository';
import { validateInstrument, type InstrumentIssue } from '../../domain/instrument';
import { applyInstrumentEdits } from '../../domain/instrument/edit';
import { ok, refuse, refuseField, type Refusal, type ServiceResult } from '../service-result';

/**
 * A version carries warnings (docs/rules.md §3), shown whether it was saved or not: a saved edit
 * answers them, and a refusal for the content names every problem (`issues`) with them.
 */
export interface InstrumentSaved {
	code: string;
	warnings: InstrumentIssue[];
}
export type InstrumentEditRefusal = Refusal & { issues?: InstrumentIssue[]; warnings?: InstrumentIssue[] };

const notSaved = (issues: InstrumentIssue[], warnings: InstrumentIssue[]): InstrumentEditRefusal => ({
	...refuse(400, 'srv_instrument_not_saved', { count: issues.length }),
	issues,
	warnings
});

const INSTRUMENT_CODE = /^[a-z0-9][a-z0-9._-]{2,59}$/;

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
): Promise<ServiceResult<InstrumentSaved, InstrumentEditRefusal>> {
	const stored = await findInstrumentByCode(db, code);
	if (!stored) return refuse(404, 'srv_instrument_not_found');
	if ((await countPeriodsUsingInstrument(db, stored.id)) > 0) return refuse(409, 'srv_instrument_in_use');
	const { def, issues } = applyInstrumentEdits(stored.def, fields);
	if (issues.length) return notSaved(issues, []);
	const { errors, warnings } = validateInstrument(def);
	if (errors.length) return notSaved(errors, warnings);
	await db.transaction().execute(async (trx) => {
		await updateInstrumentContent(trx, stored.id, def, stored.indicatorIds);
		await auditTrail(trx, actorId, now).record('update', 'instrument', code);
	});
	return ok({ code, warnings });
}
