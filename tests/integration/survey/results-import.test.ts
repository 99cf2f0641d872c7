import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { NOW, countResponses, createSurveyFixture, type SurveyFixture } from './fixture';
import { insertSurveyResponses } from '../../../src/lib/server/survey/survey-response.repository';
import { findPeriodByCode } from '../../../src/lib/server/periods/period.repository';
import { findSurveyUnitByCode } from '../../../src/lib/server/survey/survey-unit.repository';
import {
	computePeriodIkm,
	computeUnitsIkm,
	computeRangeIkm,
	unitIkm,
	computeBreakdowns
} from '../../../src/lib/server/survey/survey-results.service';
import { importPaperFile } from '../../../src/lib/server/survey/survey-paper.service';
import { refusalProblems } from '../../../src/lib/server/service-result';
import {
	changeSurveyWindow,
	moderateSuggestion,
	rotateSurveyToken
} from '../../../src/lib/server/survey/survey-admin.service';
import { openSurvey } from '../../../src/lib/server/survey/intake/survey.service';
import { ikmJson } from '../../../src/lib/domain/survey';

let t: SurveyFixture;
beforeEach(async () => (t = await createSurveyFixture()));
afterEach(() => t.cleanup());

const profile = { sex: null, age_band: null, education: null, occupation: null, service: null };
const row = (
	unitId: number,
	answers: number[],
	extra: Partial<Parameters<typeof insertSurveyResponses>[1][number]> = {}
) => ({
	periodId: t.periods.current,
	unitId,
	submittedAt: NOW.getTime(),
	answers,
	profile,
	suggestion: null,
	source: 'online' as const,
	enteredBy: null,
	...extra
});

const csv = (text: string) => ({ name: 'kuesioner.csv', bytes: new TextEncoder().encode(text) });
const period = async () => (await findPeriodByCode(t.db, 'P-2026'))!;

describe('IKM of a period', () => {
	it('follows the spec arithmetic per unit and leaves units without answers empty', async () => {
		await insertSurveyResponses(t.db, [
			row(t.units.a.id, [4, 4, 4, 4, 4, 4, 4, 4, 4]),
			row(t.units.a.id, [3, 3, 3, 4, 3, 3, 3, 3, 2], { profile: { ...profile, sex: 'P' } })
		]);
		const r = (await computePeriodIkm(t.db, t.periods.current))!;
		const a = r.units.find((u) => u.code === 'KEL-01')!;
		expect(a.respondents).toBe(2);
		expect(a.target).toBe(278); // N = 1000
		expect(a.result!.nrr.U9).toBe(3);
		expect(a.result!.ikm).toBeCloseTo((4 * 9 + 27) / 2 / 9, 12);
		expect(a.result!.konversi).toBe(87.5);
		expect(a.result!.mutu).toBe('B');
		const b = r.units.find((u) => u.code === 'KEL-02')!;
		expect(b).toMatchObject({ respondents: 0, target: null, result: null });
		// a few units read alone (the mayor's page) say what the whole period's list says of them
		expect(await computeUnitsIkm(t.db, t.periods.current, ['KEL-02', 'KEL-01', 'TIDAK-ADA'])).toEqual([a, b]);
		expect(ikmJson('P-2026', r.units).units[1]).toEqual({
			code: 'KEL-02',
			respondents: 0,
			target: null,
			nrr: null,
			ikm: null,
			ikm_konversi: null,
			mutu: null,
			kinerja: null
		});
		expect((await unitIkm(t.db, t.periods.current, t.units.a.id))!.result!.konversi).toBe(87.5);
		const bySex = (await computeBreakdowns(t.db, { periodId: t.periods.current })).sex;
		expect(bySex.map((g) => [g.label, g.result?.respondents])).toEqual([
			['Perempuan', 1],
			['Tidak diisi', 1]
		]);
	});

	it('reports any date range across periods, by Jakarta dates', async () => {
		await insertSurveyResponses(t.db, [
			row(t.units.a.id, [1, 1, 1, 1, 1, 1, 1, 1, 1], {
				periodId: t.periods.past,
				submittedAt: Date.parse('2025-09-30T16:59:00Z')
			}),
			row(t.units.a.id, [4, 4, 4, 4, 4, 4, 4, 4, 4], { submittedAt: Date.parse('2026-09-30T17:00:00Z') }) // 1 Oct WIB
		]);
		const q3 = await computeRangeIkm(t.db, '2025-07-01', '2025-09-30');
		expect(q3.overall!.konversi).toBe(25);
		expect((await computeRangeIkm(t.db, '2026-10-01', '2026-12-31')).overall!.konversi).toBe(100);
		expect((await computeRangeIkm(t.db, '2026-07-01', '2026-09-30')).overall).toBeNull();
	});
});

describe('paper questionnaires', () => {
	it('imports a valid CSV (semicolons, BOM, Indonesian dates and labels) as paper answers', async () => {
		const file = csv(
			'\uFEFFunit_code;date;u1;u2;u3;u4;u5;u6;u7;u8;u9;sex;suggestion\nKEL-01;03/10/2026;4;4;4;4;4;4;4;4;4;Perempuan;"Ruang; tunggu panas"\nKEL-02;2026-10-04;2;2;2;2;2;2;2;2;2;;\n'
		);
		const r = await importPaperFile(t.db, t.adminId, await period(), file, NOW);
		expect(r).toEqual({ ok: true, value: { count: 2 } });
		const rows = await t.db.selectFrom('survey_response').selectAll().orderBy('id').execute();
		expect(rows.map((x) => [x.source, x.sex, x.suggestion, x.suggestion_status, x.entered_by])).toEqual([
			['paper', 'P', 'Ruang; tunggu panas', 'pending', t.adminId],
			['paper', null, null, null, t.adminId]
		]);
	});

	it('refuses the whole file with line-numbered reasons and stores nothing', async () => {
		const file = csv(
			'unit_code,date,u1,u2,u3,u4,u5,u6,u7,u8,u9\nKEL-01,2026-10-03,4,4,4,4,4,4,4,4,4\nKEL-99,2026-10-03,4,4,4,5,4,4,4,4,\nKEL-01,2025-01-01,4,4,4,4,4,4,4,4,4\n'
		);
		const r = await importPaperFile(t.db, t.adminId, await period(), file, NOW);
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.problems).toEqual([
			'baris 3: unit KEL-99 tidak termasuk periode ini',
			'baris 3: U4 Biaya/Tarif harus bernilai 1 sampai 4',
			'baris 3: U9 Sarana dan Prasarana belum dijawab',
			'baris 4: tanggal 2025-01-01 di luar jendela survei 2026-09-01 s.d. 2026-12-15'
		]);
		expect(await countResponses(t)).toBe(0);
	});

	it('reports a bad header on line 1 and reads XLSX the same way', async () => {
		const bad = await importPaperFile(
			t.db,
			t.adminId,
			await period(),
			csv('unit,date,u1\nKEL-01,2026-10-03,4\n'),
			NOW
		);
		expect(bad.ok === false && refusalProblems(bad)[0]).toMatch(
			/^baris 1: kolom wajib tidak ada: unit_code, u2/
		);
		const book = new ExcelJS.Workbook();
		const sheet = book.addWorksheet('Kuesioner');
		sheet.addRow(['unit_code', 'date', 'u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9', 'education']);
		sheet.addRow(['KEL-02', new Date(Date.UTC(2026, 9, 5)), 3, 3, 3, 4, 3, 3, 3, 3, 3, 'S1']);
		sheet.addRow(['KEL-02', '2026-10-06', 3, 3, 3, 4, 3, 3, 3, 3, 0, '']);
		const bytes = new Uint8Array(await book.xlsx.writeBuffer());
		const r = await importPaperFile(t.db, t.adminId, await period(), { name: 'k.xlsx', bytes }, NOW);
		expect(r).toMatchObject({
			ok: false,
			status: 400,
			problems: ['baris 3: U9 Sarana dan Prasarana harus bernilai 1 sampai 4']
		});
		sheet.spliceRows(3, 1);
		const ok = await importPaperFile(
			t.db,
			t.adminId,
			await period(),
			{ name: 'k.xlsx', bytes: new Uint8Array(await book.xlsx.writeBuffer()) },
			NOW
		);
		expect(ok).toEqual({ ok: true, value: { count: 1 } });
	});
});

describe('administration', () => {
	it('rotates a unit token so that the old link stops working', async () => {
		const unit = (await findSurveyUnitByCode(t.db, 'KEL-01'))!;
		await rotateSurveyToken(t.db, t.adminId, unit, NOW);
		expect(await openSurvey(t, t.units.a.token, NOW)).toBeNull();
		const fresh = (await findSurveyUnitByCode(t.db, 'KEL-01'))!.surveyToken;
		expect(fresh).not.toBe(t.units.a.token);
		expect((await openSurvey(t, fresh, NOW))?.unit.code).toBe('KEL-01');
	});

	it('validates survey windows and closes the survey when the window moves', async () => {
		const p = await period();
		expect(
			await changeSurveyWindow(t.db, t.adminId, p, { from: '2026-12-01', to: '2026-11-01' }, NOW)
		).toMatchObject({ ok: false, errors: { survey_to: expect.any(String) } });
		expect(
			await changeSurveyWindow(t.db, t.adminId, p, { from: '2026-02-30', to: '2026-11-01' }, NOW)
		).toMatchObject({ ok: false, errors: { survey_from: expect.any(String) } });
		expect(
			await changeSurveyWindow(t.db, t.adminId, p, { from: '2026-11-01', to: '2026-11-30' }, NOW)
		).toEqual({ ok: true });
		expect((await openSurvey(t, t.units.a.token, NOW))?.period).toBeNull(); // NOW is 15 October
	});

	it('moderates suggestions of the period only', async () => {
		await insertSurveyResponses(t.db, [
			row(t.units.a.id, [3, 3, 3, 3, 3, 3, 3, 3, 3], { suggestion: 'Nomor HP saya 0812' })
		]);
		const { id } = await t.db.selectFrom('survey_response').select('id').executeTakeFirstOrThrow();
		expect(await moderateSuggestion(t.db, t.adminId, t.periods.past, id, 'approved', NOW)).toEqual({
			ok: false,
			status: 404,
			message: 'Saran tidak ditemukan pada periode ini.'
		});
		expect(await moderateSuggestion(t.db, t.adminId, t.periods.current, id, 'rejected', NOW)).toEqual({
			ok: true,
			value: undefined
		});
		const r = await t.db.selectFrom('survey_response').select('suggestion_status').executeTakeFirstOrThrow();
		expect(r.suggestion_status).toBe('rejected');
	});
});
