import { randomInt } from 'node:crypto';
import type { Db } from '../db/connection';
import { formatProblem } from '../../domain/import/score-import';
import { validateUnitRecords } from '../../domain/import/unit-import';
import {
	addUnitToOpenPeriods,
	findOrCreateCategory,
	findUnitIdByCode,
	insertUnit,
	nextCategoryPosition,
	updateUnitFromImport
} from '../repositories/unit.repository';
import { recordAudit } from '../repositories/audit.repository';
import { readTableFile, TableFileError } from '../import/table-file';

// `import-units` (contracts): categories are created by name, existing codes are updated.

export type UnitImportResult =
	{ ok: true; created: number; updated: number } | { ok: false; problems: string[] };

const TOKEN_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

function surveyToken(): string {
	let t = '';
	for (let i = 0; i < 20; i++) t += TOKEN_ALPHABET[randomInt(TOKEN_ALPHABET.length)];
	return t;
}

export async function importUnitsFile(
	db: Db,
	path: string,
	userId: number | null,
	now: Date
): Promise<UnitImportResult> {
	const records: { cells: string[]; line: number }[] = [];
	const problems: { line: number; reason: string }[] = [];
	try {
		await readTableFile(
			path,
			(cells, line) => records.push({ cells, line }),
			(line, reason) => problems.push({ line, reason })
		);
	} catch (e) {
		if (e instanceof TableFileError) return { ok: false, problems: [e.message] };
		throw e;
	}
	const checked = validateUnitRecords(records);
	problems.push(...checked.problems);
	if (problems.length)
		return { ok: false, problems: problems.sort((a, b) => a.line - b.line).map(formatProblem) };

	return db.transaction().execute(async (trx) => {
		let created = 0;
		let updated = 0;
		const categories = new Map<string, number>();
		for (const row of checked.rows) {
			let categoryId = categories.get(row.category);
			if (categoryId === undefined) {
				categoryId = await findOrCreateCategory(trx, row.category, await nextCategoryPosition(trx));
				categories.set(row.category, categoryId);
			}
			const existing = await findUnitIdByCode(trx, row.code);
			if (existing !== null) {
				await updateUnitFromImport(
					trx,
					existing,
					{ name: row.name, categoryId, parentCode: row.parent },
					now
				);
				updated++;
			} else {
				const id = await insertUnit(
					trx,
					{ code: row.code, name: row.name, categoryId, parentCode: row.parent, surveyToken: surveyToken() },
					now
				);
				await addUnitToOpenPeriods(trx, id, categoryId);
				created++;
			}
		}
		await recordAudit(
			trx,
			{ userId, action: 'units.import', entity: 'unit', detail: { created, updated } },
			now
		);
		return { ok: true as const, created, updated };
	});
}
