import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { TestDb } from '../support/test-db';
import { loadShipped } from '../../unit/instrument/shipped';
import { scoredIndicators } from '../../../src/lib/domain/instrument/queries';
import { refreshVisitTotals } from '../../../src/lib/server/sheets/visit-total.repository';
import {
	MAX_IN_FLIGHT,
	readCheckedScoreFile,
	ROWS_PER_BATCH
} from '../../../src/lib/server/sheets/import/score-file-check';
import {
	importScoresFile,
	type ImportProgress
} from '../../../src/lib/server/sheets/import/score-import.service';
import {
	count,
	dbWithPeriod,
	EXAMPLES,
	importScores,
	NOW,
	readStoredVisitTotals,
	tempFile,
	removeTempFiles
} from './support';
afterAll(removeTempFiles);

// The import reads and checks the file on a thread of its own that sends accepted rows in
// batches and waits when the writer falls behind, writes scores and sums in multi-row batches,
// reads the file in 1 MiB chunks and keeps the totals of the visits it creates in memory: none
// of these seams may show.
const HEADER = 'unit_code,visit_no,assessor_email,indicator_code,score,note';
const codes = scoredIndicators(loadShipped('permenpan-17-2017')).map((i) => i.code);
// Long notes put the later sheets past the first 1 MiB read chunk.
const NOTE = 'catatan '.repeat(800);

/** Five sheets (185 rows: no multiple of any batch size), scores varying by row. */
function rows(): string[] {
	const out = [HEADER];
	for (const [unit, visit, email] of [
		['PKM-A', 1, 'ani@univ-a.ac.id'],
		['PKM-A', 1, 'budi@univ-b.ac.id'],
		['PKM-A', 2, 'ani@univ-a.ac.id'],
		['PKM-B', 1, 'budi@univ-b.ac.id'],
		['PKM-B', 3, 'citra@univ-c.ac.id']
	] as const)
		codes.forEach((c, i) => out.push(`${unit},${visit},${email},${c},${1 + ((i + out.length) % 4)},${NOTE}`));
	return out;
}

let t: TestDb;
afterEach(async () => t?.cleanup());

const readTotals = () => readStoredVisitTotals(t.db);

/** The totals the import wrote equal those recomputed from the stored sheets of every visit. */
async function expectTotalsAsRecomputed(imported: Awaited<ReturnType<typeof readTotals>>) {
	const visits = await t.db.selectFrom('visit').select('id').execute();
	await refreshVisitTotals(
		t.db,
		visits.map((v) => v.id)
	);
	expect(await readTotals()).toEqual(imported);
}

describe('import-scores across batch and read-chunk boundaries', () => {
	it('stores every row, the sums of each sheet and totals equal to those recomputed from the database', async () => {
		t = await dbWithPeriod(join(EXAMPLES, 'units.csv'), 'permenpan-17-2017');
		const text = rows().join('\n');
		expect(text.length).toBeGreaterThan(1 << 20);
		expect(await importScores(t, tempFile('batches.csv', text))).toMatchObject({
			ok: true,
			value: {
				sheets: 5,
				scores: 5 * codes.length
			}
		});
		expect(await count(t, 'score')).toBe(5 * codes.length);
		const aspects = loadShipped('permenpan-17-2017').aspects.filter((a) => a.weight > 0).length;
		expect(await count(t, 'sheet_aspect_sum')).toBe(5 * aspects);
		const imported = await readTotals();
		expect(imported.map((r) => r.sheet_count)).toEqual([2, 1, 1, 1]);
		await expectTotalsAsRecomputed(imported);
	});

	it('replaces sheets and adds a visit in a second import: ids follow on, the team and totals agree', async () => {
		t = await dbWithPeriod(join(EXAMPLES, 'units.csv'), 'permenpan-17-2017');
		expect(await importScores(t, tempFile('first.csv', rows().join('\n')))).toMatchObject({ ok: true });
		const before = await t.db.selectFrom('score_sheet').select(['id', 'visit_id']).orderBy('id').execute();
		const second = [HEADER];
		for (const [unit, visit, email] of [
			['PKM-A', 1, 'ani@univ-a.ac.id'],
			['PKM-B', 2, 'ani@univ-a.ac.id'],
			['PKM-B', 3, 'citra@univ-c.ac.id']
		] as const)
			codes.forEach((c, i) => second.push(`${unit},${visit},${email},${c},${1 + (i % 4)},`));
		expect(await importScores(t, tempFile('second.csv', second.join('\n')), true)).toMatchObject({
			ok: true,
			value: {
				sheets: 3
			}
		});
		// two sheets replaced, one added, on a new visit: six sheets, each with every score
		expect(await count(t, 'score_sheet')).toBe(6);
		expect(await count(t, 'score')).toBe(6 * codes.length);
		const after = await t.db.selectFrom('score_sheet').select(['id', 'visit_id']).orderBy('id').execute();
		const maxBefore = Math.max(...before.map((r) => r.id));
		expect(after.filter((r) => r.id > maxBefore).map((r) => r.id)).toEqual([
			maxBefore + 1,
			maxBefore + 2,
			maxBefore + 3
		]);
		const newVisit = await t.db
			.selectFrom('visit')
			.innerJoin('unit', 'unit.id', 'visit.unit_id')
			.select('visit.id')
			.where('unit.code', '=', 'PKM-B')
			.where('visit.visit_no', '=', 2)
			.executeTakeFirstOrThrow();
		const team = await t.db
			.selectFrom('visit_assessor')
			.innerJoin('user', 'user.id', 'visit_assessor.user_id')
			.select('user.email')
			.where('visit_id', '=', newVisit.id)
			.execute();
		expect(team.map((r) => r.email)).toEqual(['ani@univ-a.ac.id']);
		await expectTotalsAsRecomputed(await readTotals());
	});

	it('cites a bad row in the middle of a batch and past the first chunk by its own line', async () => {
		t = await dbWithPeriod(join(EXAMPLES, 'units.csv'), 'permenpan-17-2017');
		const lines = rows();
		// Line 100 lies inside the first 128-row batch of scores; line 170 lies past the first MiB.
		for (const line of [100, 170]) lines[line - 1] = lines[line - 1].replace(/,\d,catatan/, ',9,catatan');
		const result = await importScores(t, tempFile('bad.csv', lines.join('\n')));
		expect(result).toMatchObject({
			ok: false,
			status: 400,
			problems: [
				'baris 100: nilai harus bilangan bulat 0 sampai 5 (kini "9")',
				'baris 170: nilai harus bilangan bulat 0 sampai 5 (kini "9")'
			]
		});
		expect(await count(t, 'score')).toBe(0);
	});

	// More rows than the reading thread sends before it must wait for the writer.
	const manySheets = Math.ceil(((MAX_IN_FLIGHT + 2) * ROWS_PER_BATCH) / codes.length) + 1;
	function manyRows(): string[] {
		const out = [HEADER];
		for (let visit = 1; visit <= manySheets; visit++)
			codes.forEach((c, i) =>
				out.push(`PKM-${visit % 2 ? 'A' : 'B'},${visit},ani@univ-a.ac.id,${c},${1 + ((i + visit) % 4)},`)
			);
		return out;
	}

	it('stores a file longer than the reading thread may run ahead of the writer, sums and totals included', async () => {
		t = await dbWithPeriod(join(EXAMPLES, 'units.csv'), 'permenpan-17-2017');
		expect(await importScores(t, tempFile('many.csv', manyRows().join('\n')))).toMatchObject({
			ok: true,
			value: {
				sheets: manySheets,
				scores: manySheets * codes.length
			}
		});
		expect(await count(t, 'score')).toBe(manySheets * codes.length);
		const stored = await t.db
			.selectFrom('score')
			.innerJoin('score_sheet', 'score_sheet.id', 'score.sheet_id')
			.innerJoin('visit', 'visit.id', 'score_sheet.visit_id')
			.select(({ fn }) => ['visit.visit_no', fn.sum<number>('score.score').as('total')])
			.groupBy('visit.visit_no')
			.orderBy('visit.visit_no')
			.execute();
		const expected = Array.from({ length: manySheets }, (_, v) =>
			codes.reduce((sum, _c, i) => sum + 1 + ((i + v + 1) % 4), 0)
		);
		expect(stored.map((r) => Number(r.total))).toEqual(expected);
		const aspects = loadShipped('permenpan-17-2017').aspects.filter((a) => a.weight > 0).length;
		expect(await count(t, 'sheet_aspect_sum')).toBe(manySheets * aspects);
		await expectTotalsAsRecomputed(await readTotals());
	});

	it('tells its progress: the lines read, batch after batch, then once that it writes', async () => {
		t = await dbWithPeriod(join(EXAMPLES, 'units.csv'), 'permenpan-17-2017');
		const lines = manyRows();
		const seen: ImportProgress[] = [];
		const path = tempFile('many-progress.csv', lines.join('\n'));
		const result = await importScoresFile(
			t,
			{ periodCode: 'P1', path, replace: false, userId: null, onProgress: (p) => seen.push(p) },
			NOW
		);
		expect(result.ok).toBe(true);
		const read = seen.flatMap((p) => (p.phase === 'reading' ? [p.lines] : []));
		expect(read.length).toBeGreaterThanOrEqual(MAX_IN_FLIGHT + 2);
		expect(read).toEqual([...read].sort((a, b) => a - b));
		expect(new Set(read).size).toBe(read.length);
		expect(read.at(-1)).toBe(lines.length);
		expect(seen.at(-1)).toEqual({ phase: 'writing' });
		expect(seen.filter((p) => p.phase === 'writing')).toHaveLength(1);
	});

	it('cites a bad row of the last batch by its line and stores nothing', async () => {
		t = await dbWithPeriod(join(EXAMPLES, 'units.csv'), 'permenpan-17-2017');
		const lines = manyRows();
		const last = lines.length;
		lines[last - 1] = lines[last - 1].replace(/,\d,$/, ',7,');
		expect(await importScores(t, tempFile('many-bad.csv', lines.join('\n')))).toMatchObject({
			ok: false,
			status: 400,
			problems: [`baris ${last}: nilai harus bilangan bulat 0 sampai 5 (kini "7")`]
		});
		expect(await count(t, 'score')).toBe(0);
		expect(await count(t, 'score_sheet')).toBe(0);
	});

	it("stops reading when the writer fails, and hands on the writer's error", async () => {
		const path = tempFile('many-stop.csv', manyRows().join('\n'));
		let batches = 0;
		const reading = readCheckedScoreFile(
			{
				path,
				def: loadShipped('permenpan-17-2017'),
				periodCode: 'P1',
				periodUnits: ['PKM-A', 'PKM-B'],
				otherUnits: []
			},
			() => {
				if (++batches === 2) throw new Error('disk full');
			}
		);
		await expect(reading).rejects.toThrow('disk full');
		expect(batches).toBe(2);
	});

	it('refuses a file that is not there with its name, before any row', async () => {
		t = await dbWithPeriod(join(EXAMPLES, 'units.csv'), 'permenpan-17-2017');
		const missing = join(EXAMPLES, 'tidak-ada.csv');
		expect(await importScores(t, missing)).toMatchObject({
			ok: false,
			status: 400,
			problems: [`berkas tidak ditemukan: ${missing}`]
		});
	});
});
