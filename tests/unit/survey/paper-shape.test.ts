import { describe, expect, it } from 'vitest';
import {
	checkPaperHeader,
	ikmCsv,
	parsePaperDate,
	unitIkmOf,
	sumAnswers,
	validatePaperRows
} from '../../../src/lib/domain/survey';

describe('paper questionnaires', () => {
	it('reads ISO and Indonesian dates and rejects impossible ones', () => {
		expect(parsePaperDate('2026-10-03')).toBe('2026-10-03');
		expect(parsePaperDate('3/10/2026')).toBe('2026-10-03');
		expect(parsePaperDate('03-10-2026')).toBe('2026-10-03');
		expect(parsePaperDate('31/02/2026')).toBeNull();
		expect(parsePaperDate('kemarin')).toBeNull();
	});

	it('names missing and unknown columns on line 1', () => {
		expect(
			checkPaperHeader(['unit_code', 'date', 'u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9'])
		).toEqual([]);
		expect(checkPaperHeader(['unit_code', 'date', 'u1', 'kota'])).toEqual([
			'baris 1: kolom wajib tidak ada: u2, u3, u4, u5, u6, u7, u8, u9',
			'baris 1: kolom tidak dikenal: kota'
		]);
	});

	it('dates a paper answer at noon in Jakarta and reports every problem of a row', () => {
		const ctx = { unitIds: new Map([['KEL-01', 7]]), window: { from: '2026-09-01', to: '2026-12-15' } };
		const full = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`u${i + 1}`, '4']));
		const ok = validatePaperRows(
			[{ line: 2, record: { unit_code: 'KEL-01', date: '2026-10-03', ...full } }],
			ctx
		);
		expect(ok.ok && ok.responses[0].submittedAt).toBe(Date.parse('2026-10-03T05:00:00Z'));
		const bad = validatePaperRows([{ line: 5, record: { unit_code: '', date: '', ...full, u1: 'x' } }], ctx);
		expect(bad).toEqual({
			ok: false,
			problems: [
				'baris 5: kode unit kosong',
				'baris 5: tanggal "" tidak valid (TTTT-BB-HH atau HH/BB/TTTT)',
				'baris 5: U1 Persyaratan harus bernilai 1 sampai 4'
			]
		});
		expect(validatePaperRows([], ctx)).toEqual({ ok: false, problems: ['tidak ada kuesioner yang diisi'] });
	});
});

describe('survey results shape', () => {
	it('writes CSV with dot decimals and blanks for units without answers', () => {
		const unit = {
			id: 1,
			code: 'PKM-01',
			name: 'Puskesmas, Selatan',
			category: 'Puskesmas',
			yearlyServiceUsers: 100
		};
		const answered = unitIkmOf(
			unit,
			sumAnswers([
				[4, 4, 4, 4, 4, 4, 4, 4, 4],
				[3, 3, 3, 3, 3, 3, 3, 3, 3]
			])
		);
		const empty = unitIkmOf({ ...unit, code: 'PKM-02', yearlyServiceUsers: null }, undefined);
		const lines = ikmCsv([answered, empty]).trim().split('\n');
		expect(lines[1]).toBe('PKM-01,2,80,3.5,3.5,3.5,3.5,3.5,3.5,3.5,3.5,3.5,3.5,87.5,B,Baik');
		expect(lines[2]).toBe('PKM-02,0,,,,,,,,,,,,,,');
	});
});
