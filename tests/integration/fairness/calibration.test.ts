import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDb, type TestDb } from '../support/test-db';
import { NOW, buildScoredPeriod, flat, type Fixture } from '../support/coaching-fixture';
import { insertUser } from '../../../src/lib/server/accounts/user.repository';
import { submitSheet } from '../../../src/lib/server/sheets/score-sheet.service';
import { loadResultsJson } from '../../../src/lib/server/results/results.service';
import { loadReviewPage } from '../../../src/lib/server/review/review-page.service';
import { listVisitsOfAssessor } from '../../../src/lib/server/visits/visit.repository';
import { loadAssessorSheet } from '../../../src/lib/server/sheets/sheet-view.service';
import { previewSchedule } from '../../../src/lib/server/visits/visit-planning.service';
import {
	addCalibrationAnchor,
	loadCalibrationSummary,
	markCalibrated,
	requireCalibratedAssessors
} from '../../../src/lib/server/calibration/calibration.service';
import { krippendorffAlpha } from '../../../src/lib/domain/reliability';
import type { SheetValues } from '../../../src/lib/domain/score-sheet';

// docs/rules.md §9.1 end to end on the real migrations: a round on two anchor units, one scored on
// the usual sheets, one imported with `import-scores --calibration`, read by the service and by
// `calibration --format json`; the period's results, flags and leniency stay byte for byte the same.
let t: TestDb;
let f: Fixture;
let p3: number;
let codes: string[];
const dir = mkdtempSync(join(tmpdir(), 'rapor-kalibrasi-'));

function admin(...args: string[]) {
	const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/lib/server/cli/main.ts', ...args], {
		env: { ...process.env, ...t.env },
		encoding: 'utf8'
	});
	return { code: run.status, out: run.stdout, err: run.stderr.replace(/^npm warn.*\n/gm, '') };
}

/** Every indicator at `base`, the first one at `first` (a note on the extremes). */
function sheet(base: number, first: number): SheetValues {
	const values: SheetValues = {};
	codes.forEach((code, i) => {
		const score = i === 0 ? first : base;
		values[code] = { score, note: score === 0 || score === 5 ? 'Terlihat jelas.' : '' };
	});
	return values;
}

async function freshResults(): Promise<string> {
	await t.db.deleteFrom('period_result_cache').execute();
	return (await loadResultsJson(t.db, 'UJI-2025', NOW))!.json;
}

const review = async () => JSON.stringify(await loadReviewPage(t.db, 'UJI-2025', 'all', 1));

beforeAll(async () => {
	t = await createTestDb();
	f = await buildScoredPeriod(t.db, [
		{ code: 'KEL-01', category: 'Kelurahan', score: flat(4) },
		{ code: 'KEL-02', category: 'Kelurahan', score: (i, v) => (i === 0 && v === 2 ? 1 : 3) },
		{ code: 'KEL-03', category: 'Kelurahan', score: flat(2) },
		{ code: 'KEL-04', category: 'Kelurahan', score: flat(3) }
	]);
	p3 = await insertUser(
		t.db,
		{ email: 'p3@uji.ac.id', name: 'p3', role: 'assessor', passwordHash: null },
		NOW
	);
	codes = f.instrument.def.aspects.flatMap((a) => a.indicators.map((i) => i.code));
});
afterAll(() => t.cleanup());

describe('calibration round (docs/rules.md §9.1)', { timeout: 240_000 }, () => {
	let before: string;
	let reviewBefore: string;

	it('adds an anchor with invited assessors who see it as a calibration visit', async () => {
		before = await freshResults();
		reviewBefore = await review();
		const [p1, p2] = f.users.assessors;
		const refused = await addCalibrationAnchor(
			t.db,
			{ periodCode: 'UJI-2025', unitCode: 'KEL-01', assessorIds: [p1], actorId: f.users.admin },
			NOW
		);
		expect(refused).toEqual({
			ok: false,
			status: 400,
			message: 'Pilih sedikitnya dua penilai untuk unit jangkar baru.'
		});
		const added = await addCalibrationAnchor(
			t.db,
			{ periodCode: 'UJI-2025', unitCode: 'KEL-01', assessorIds: [p1, p2, p3], actorId: f.users.admin },
			NOW
		);
		expect(added.ok).toBe(true);
		const visitId = added.ok ? added.value : 0;
		const listed = (await listVisitsOfAssessor(t.db, p3)).find((v) => v.visitId === visitId);
		expect(listed).toMatchObject({ kind: 'calibration', unitCode: 'KEL-01', sheetState: 'not_started' });
		expect((await loadAssessorSheet(t.db, visitId, p3))?.visit.calibration).toBe(true);

		for (const [who, values] of [
			[p1, sheet(3, 3)],
			[p2, sheet(3, 5)],
			[p3, sheet(4, 1)]
		] as const) {
			const r = await submitSheet(t.db, { visitId, userId: who, baseVersion: 1, values }, NOW);
			expect(r.ok).toBe(true);
		}
		const audit = await t.db
			.selectFrom('audit_log')
			.select('action')
			.where('action', '=', 'calibration.anchor')
			.execute();
		expect(audit).toHaveLength(1);
	});

	it('computes consensus, MAD, exact agreement, large deviations and the ordinal alpha by hand', async () => {
		const n = codes.length;
		const { summary } = (await loadCalibrationSummary(t.db, 'UJI-2025'))!;
		// Consensus: first indicator median(3, 5, 1) = 3, every other median(3, 3, 4) = 3.
		expect(summary.indicators).toHaveLength(n);
		expect(summary.indicators.every((i) => i.consensus === 3 && i.scores === 3)).toBe(true);
		const by = Object.fromEntries(summary.assessors.map((a) => [a.assessor, a]));
		expect(by['p1@uji.ac.id']).toMatchObject({ mad: 0, exact: 1, large: [], briefing: false });
		expect(by['p2@uji.ac.id']).toMatchObject({ mad: 2 / n, exact: (n - 1) / n, briefing: false });
		expect(by['p2@uji.ac.id'].large.map((d) => [d.indicator, d.deviation])).toEqual([[codes[0], 2]]);
		expect(by['p3@uji.ac.id']).toMatchObject({ mad: (n + 1) / n, exact: 0, briefing: true });
		expect(by['p3@uji.ac.id'].large.map((d) => [d.indicator, d.deviation])).toEqual([[codes[0], -2]]);
		const units = codes.map((_, i) => (i === 0 ? [3, 5, 1] : [3, 3, 4]));
		expect(summary.alphaOrdinal).toBeCloseTo(krippendorffAlpha(units, 'ordinal')!, 12);
	});

	it('imports a second anchor with --calibration and prints the JSON README "Calibration round" names', async () => {
		const rows = ['unit_code,visit_no,assessor_email,indicator_code,score,note'];
		for (const email of ['p1@uji.ac.id', 'p3@uji.ac.id'])
			for (const c of codes) rows.push(`KEL-02,1,${email},${c},3,`);
		const file = join(dir, 'kalibrasi.csv');
		writeFileSync(file, rows.join('\n') + '\n');
		const imported = admin('import-scores', '--period', 'UJI-2025', '--calibration', file);
		expect(imported).toMatchObject({ code: 0, err: '' });
		expect(imported.out).toMatch(/^Nilai kalibrasi diimpor ke UJI-2025: 2 lembar/);
		const again = admin('import-scores', '--period', 'UJI-2025', '--calibration', file);
		expect(again.code).toBe(1);
		expect(again.err).toContain('baris 2: lembar unit KEL-02 kunjungan 1 penilai p1@uji.ac.id sudah ada');

		const out = admin('calibration', '--period', 'UJI-2025', '--format', 'json');
		expect(out.code).toBe(0);
		const json = JSON.parse(out.out);
		const n = codes.length;
		expect(Object.keys(json)).toEqual(['alpha_ordinal', 'reading', 'assessors', 'indicators']);
		expect(json.assessors).toEqual([
			{ email: 'p1@uji.ac.id', mad: 0, exact: 1, briefing: false },
			{ email: 'p2@uji.ac.id', mad: 2 / n, exact: (n - 1) / n, briefing: false },
			{ email: 'p3@uji.ac.id', mad: (n + 1) / (2 * n), exact: n / (2 * n), briefing: false }
		]);
		expect(json.indicators[0]).toEqual({ unit: 'KEL-01', code: codes[0], consensus: 3, scores: 3 });
		expect(json.indicators[n]).toEqual({ unit: 'KEL-02', code: codes[0], consensus: 3, scores: 2 });
		expect(['reliable', 'tentative', 'unreliable']).toContain(json.reading);
		expect(admin('calibration', '--period', 'NOPE', '--format', 'json')).toMatchObject({ code: 1 });
	});

	it('leaves the results JSON, flags and leniency byte-identical', async () => {
		expect(await freshResults()).toBe(before);
		expect(await review()).toBe(reviewBefore);
		const visits = await t.db.selectFrom('visit').select('kind').where('kind', '=', 'calibration').execute();
		expect(visits).toHaveLength(2);
	});

	it('refuses a fourth anchor unit, but adds assessors to an existing one', async () => {
		const [p1, p2] = f.users.assessors;
		const input = { periodCode: 'UJI-2025', assessorIds: [p1, p2], actorId: f.users.admin };
		expect((await addCalibrationAnchor(t.db, { ...input, unitCode: 'KEL-03' }, NOW)).ok).toBe(true);
		const fourth = await addCalibrationAnchor(t.db, { ...input, unitCode: 'KEL-04' }, NOW);
		expect(fourth).toEqual({
			ok: false,
			status: 409,
			message: 'Putaran kalibrasi paling banyak 3 unit jangkar.'
		});
		expect((await addCalibrationAnchor(t.db, { ...input, unitCode: 'KEL-02' }, NOW)).ok).toBe(true);
	});

	it('lets the planner use calibrated assessors only when the period says so', async () => {
		const before = await previewSchedule(t.db, 'UJI-2025');
		expect(before.ok && before.value.loads.map((l) => l.name).sort()).toEqual(['p1', 'p2', 'p3']);
		await markCalibrated(
			t.db,
			{ periodCode: 'UJI-2025', userId: f.users.assessors[0], calibrated: true, actorId: f.users.admin },
			NOW
		);
		await markCalibrated(
			t.db,
			{ periodCode: 'UJI-2025', userId: p3, calibrated: true, actorId: f.users.admin },
			NOW
		);
		await requireCalibratedAssessors(
			t.db,
			{ periodCode: 'UJI-2025', required: true, actorId: f.users.admin },
			NOW
		);
		const after = await previewSchedule(t.db, 'UJI-2025');
		expect(after.ok && after.value.loads.map((l) => l.name).sort()).toEqual(['p1', 'p3']);
		const actions = await t.db
			.selectFrom('audit_log')
			.select('action')
			.where('action', 'like', '%calibrat%')
			.execute();
		expect(actions.map((a) => a.action)).toEqual([
			'calibration.anchor',
			'calibration_scores.import',
			'calibration.anchor',
			'calibration.anchor',
			'calibration.mark',
			'calibration.mark',
			'period.require_calibrated'
		]);
	});
});
