import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Db } from '../../../src/lib/server/db/connection';
import { createTestDb, type TestDb } from '../support/test-db';
import { seedInstruments } from '../../../db/seeds/demo-city';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { applyUnitImport } from '../../../src/lib/server/units/unit-import.service';
import { readTableBytes } from '../../../src/lib/server/files/table-file';
import { createDefaultPeriod } from '../support/periods';
import { importScoresFile } from '../../../src/lib/server/sheets/import/score-import.service';

export const NOW = new Date('2026-11-22T03:00:00Z');
export const EXAMPLES = join(import.meta.dirname, '../../unit/scoring/fixtures/examples');

let tempDir: string | null = null;

/** Writes text to a temporary file (one folder per test file; removeTempFiles() deletes it). */
export function tempFile(name: string, content: string | Buffer): string {
	if (!tempDir) {
		const dir = mkdtempSync(join(tmpdir(), 'rapor-import-'));
		tempDir = dir;
	}
	const path = join(mkdtempSync(join(tempDir, 'f-')), name);
	writeFileSync(path, content);
	return path;
}

/** Removes the files tempFile wrote (call in afterAll). */
export function removeTempFiles(): void {
	if (tempDir) rmSync(tempDir, { recursive: true, force: true });
	tempDir = null;
}

/**
 * A fresh database with both instruments, the units of an example folder and a draft period.
 * The worked example's settings name no minimum of ranked units for awards (it predates
 * docs/rules.md §8.2), so its period gives awards from one ranked unit up.
 */
export async function dbWithPeriod(unitsCsv: string, instrument: string, code = 'P1'): Promise<TestDb> {
	const t = await createTestDb();
	await seedInstruments(t.db, NOW);
	const read = await readTableBytes(basename(unitsCsv), readFileSync(unitsCsv));
	if (!read.ok) throw new Error(read.problems.join('\n'));
	const units = await applyUnitImport(t.db, read.data, null, NOW);
	if (!units.ok) throw new Error(units.problems.join('\n'));
	await createDefaultPeriod(t.db, { code, instrument, minRankedForAwards: 1 }, NOW);
	return t;
}

export async function importScores(t: TestDb, path: string, replace = false, periodCode = 'P1') {
	return importScoresFile(t, { periodCode, path, replace, userId: null }, NOW);
}

export async function count(
	t: TestDb,
	table: 'score' | 'score_sheet' | 'user' | 'visit' | 'sheet_aspect_sum' | 'audit_log'
) {
	const r = await t.db
		.selectFrom(table)
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow();
	return Number(r.n);
}

export interface StoredVisitTotal {
	visit_id: number;
	sheet_count: number;
	assessor_ids: string;
	aspect_sums: string;
}

/**
 * The stored totals (table unit_visit_total) visit by visit, in visit id order: one entry per
 * regular visit with submitted sheets, its sums as stored.
 */
export async function readStoredVisitTotals(db: Db): Promise<StoredVisitTotal[]> {
	const visits = await db
		.selectFrom('visit')
		.select(['id', 'period_id', 'unit_id', 'visit_no'])
		.where('kind', '=', 'regular')
		.execute();
	const visitId = new Map(visits.map((v) => [`${v.period_id}:${v.unit_id}:${v.visit_no}`, v.id]));
	const out: StoredVisitTotal[] = [];
	for (const row of await db.selectFrom('unit_visit_total').selectAll().execute()) {
		const stored = JSON.parse(row.visits) as [number, number, string, unknown][];
		// Kept in visit order.
		expect(stored.map(([visitNo]) => visitNo)).toEqual(
			stored.map(([visitNo]) => visitNo).sort((a, b) => a - b)
		);
		for (const [visitNo, sheets, assessors, sums] of stored)
			out.push({
				visit_id: visitId.get(`${row.period_id}:${row.unit_id}:${visitNo}`)!,
				sheet_count: sheets,
				assessor_ids: assessors,
				aspect_sums: JSON.stringify(sums)
			});
	}
	return out.sort((a, b) => a.visit_id - b.visit_id);
}
