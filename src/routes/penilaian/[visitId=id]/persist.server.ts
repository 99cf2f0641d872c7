import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { readConfig } from '$lib/server/config';
import { parseSheetForm } from '$lib/server/sheets/sheet-form';
import { loadAssessorSheet } from '$lib/server/sheets/sheet-view.service';
import { saveSheetDraft, submitSheet, type SheetRefusal } from '$lib/server/sheets/score-sheet.service';
import { addEvidence } from '$lib/server/sheets/evidence.service';
import { listProblems, type SheetProblem, type SheetValues } from '$lib/domain/score-sheet';
import { m } from '$lib/paraglide/messages';

export type Persisted =
	| {
			ok: true;
			visitId: number;
			userId: number;
			version: number;
			uploadErrors: string[];
			/** what still stands between the saved sheet and submission (docs/rules.md §4.1) */
			problems: SheetProblem[];
	  }
	| { ok: false; response: ReturnType<typeof fail> };

function failureOf(r: SheetRefusal, values: SheetValues, uploadErrors: string[]) {
	if (r.kind === 'not_found') error(404, r.message);
	switch (r.kind) {
		case 'stale':
			return fail(409, {
				message: r.message,
				differences: r.differences,
				version: r.version,
				values,
				uploadErrors
			});
		case 'locked':
			return fail(409, { message: r.message, uploadErrors });
		case 'incomplete':
			return fail(400, { message: r.message, problems: r.missing, version: r.version, uploadErrors });
		case 'invalid':
			return fail(400, { message: r.message, errors: r.errors, values, uploadErrors });
	}
}

/**
 * The no-JavaScript path of the score sheet: reads the posted sheet, saves (or submits) it through
 * the same service as the autosave endpoint, then stores the files posted with it.
 */
export async function persistPostedSheet(
	event: RequestEvent,
	form: FormData,
	mode: 'save' | 'submit'
): Promise<Persisted> {
	const user = requireRole(event, 'assessor');
	const visitId = Number(event.params.visitId);
	const db = getDb();
	const view = visitId ? await loadAssessorSheet(db, visitId, user.id) : null;
	if (!visitId || !view) error(404, m.srv_visit_not_yours());
	const codes = view.aspects.flatMap((a) => a.indicators.map((i) => i.code));
	const parsed = parseSheetForm(form, codes);
	if (!parsed.ok)
		return {
			ok: false,
			response: fail(400, { message: m.srv_sheet_fields_invalid(), errors: parsed.errors })
		};
	const input = { visitId, userId: user.id, baseVersion: parsed.data.version, values: parsed.data.values };
	const now = new Date();
	const result = mode === 'submit' ? await submitSheet(db, input, now) : await saveSheetDraft(db, input, now);
	const uploadErrors: string[] = [];
	const saved = result.ok || result.kind === 'incomplete';
	if (saved)
		for (const { code, file } of parsed.data.files) {
			const bytes = new Uint8Array(await file.arrayBuffer());
			const r = await addEvidence(
				db,
				readConfig().uploadDir,
				{ visitId, userId: user.id, indicatorCode: code, name: file.name, bytes },
				now
			);
			if (!r.ok) uploadErrors.push(r.message);
		}
	if (!result.ok) return { ok: false, response: failureOf(result, parsed.data.values, uploadErrors) };
	const problems = listProblems(
		view.aspects.flatMap((a) => a.indicators),
		parsed.data.values
	);
	return { ok: true, visitId, userId: user.id, version: result.value.version, uploadErrors, problems };
}
