import { describe, expect, it } from 'vitest';
import {
	InstrumentParseError,
	parseInstrumentJson,
	safeParseInstrumentJson
} from '../../../src/lib/domain/instrument/parse';
import { readShippedJson } from './shipped';

function minimal(): Record<string, unknown> {
	return {
		code: 'uji',
		name: 'Instrumen uji',
		aspects: [
			{
				code: 'I',
				name: 'Kebijakan Pelayanan',
				weight: 1,
				indicators: [
					{
						code: '1.a',
						title: 'Standar pelayanan',
						weight: 1,
						levels: { '5': 'lima', '0': 'nol', '1': 'satu', '2': 'dua', '3': 'tiga', '4': 'empat' },
						evidence: ['Dokumen SP']
					}
				]
			}
		]
	};
}

function issuesOf(raw: unknown) {
	const result = safeParseInstrumentJson(raw);
	if (result.ok) throw new Error('expected the instrument to be rejected');
	return result.issues;
}

describe('parseInstrumentJson', () => {
	it('turns the levels object keyed "0".."5" into an array indexed by level', () => {
		const def = parseInstrumentJson(minimal());
		expect(def.aspects[0].indicators[0].levels).toEqual(['nol', 'satu', 'dua', 'tiga', 'empat', 'lima']);
		expect(def.aspects[0].indicators[0].evidence).toEqual(['Dokumen SP']);
	});

	it('reads both shipped instruments with their indicator counts and levels', () => {
		const old = parseInstrumentJson(readShippedJson('permenpan-17-2017'));
		expect(old.code).toBe('permenpan-17-2017');
		expect(old.regulation).toContain('17/2017');
		expect(old.aspects.map((a) => a.weight)).toEqual([0.3, 0.18, 0.15, 0.15, 0.15, 0.07]);
		expect(old.aspects.flatMap((a) => a.indicators)).toHaveLength(37);
		const k3 = old.aspects[0].indicators.find((i) => i.code === '1.a.K3')!;
		expect(k3.levels[0]).toBe('Tidak ada sistem antrian.');
		expect(k3.levels[2]).toBe('Nomor antrian manual yang dipanggil petugas.');

		const pekppp = parseInstrumentJson(readShippedJson('pekppp-29-2022'));
		expect(pekppp.aspects.map((a) => a.code)).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII']);
		expect(pekppp.aspects.flatMap((a) => a.indicators)).toHaveLength(31);
		expect(pekppp.publicItems).toHaveLength(14);
		expect(pekppp.aspects[6].indicators[0].note).toMatch(/tidak dihitung/);
	});

	it('fills missing descriptors with empty text and leaves the six-level rule to validation', () => {
		const raw = minimal();
		const ind = (raw.aspects as { indicators: Record<string, unknown>[] }[])[0].indicators[0];
		ind.levels = { '0': 'nol' };
		delete ind.evidence;
		const def = parseInstrumentJson(raw);
		expect(def.aspects[0].indicators[0].levels).toEqual(['nol', '', '', '', '', '']);
		expect(def.aspects[0].indicators[0].evidence).toEqual([]);
	});

	it('rejects an unknown level key with an Indonesian message at the indicator path', () => {
		const raw = minimal();
		const ind = (raw.aspects as { indicators: Record<string, unknown>[] }[])[0].indicators[0];
		ind.levels = { '0': 'nol', '6': 'enam' };
		expect(issuesOf(raw)).toEqual([
			{
				path: 'I/1.a/levels',
				code: 'file_invalid',
				params: {},
				message: 'Level tidak dikenal: 6 (hanya "0" sampai "5")'
			}
		]);
	});

	it('names aspects and indicators by code, or by position when the code is missing', () => {
		const raw = minimal();
		const aspect = (raw.aspects as Record<string, unknown>[])[0];
		const ind = (aspect.indicators as Record<string, unknown>[])[0];
		ind.weight = '0,5';
		delete ind.title;
		(raw.aspects as unknown[]).push({ name: 'Tanpa kode', weight: 0, indicators: [] });
		expect(issuesOf(raw)).toEqual(
			expect.arrayContaining([
				{ path: 'I/1.a/title', code: 'file_invalid', params: {}, message: 'Judul indikator wajib diisi' },
				{
					path: 'I/1.a/weight',
					code: 'file_invalid',
					params: {},
					message: 'Bobot indikator harus berupa angka terhingga'
				},
				{ path: 'aspek ke-2/code', code: 'file_invalid', params: {}, message: 'Kode aspek wajib diisi' }
			])
		);
	});

	it('rejects blank codes and a non-object with clear messages', () => {
		const raw = minimal();
		raw.code = '   ';
		expect(issuesOf(raw)).toEqual([
			{ path: 'code', code: 'file_invalid', params: {}, message: 'Kode instrumen tidak boleh kosong' }
		]);
		expect(issuesOf(null)).toEqual([
			{ path: '', code: 'file_invalid', params: {}, message: 'Instrumen harus berupa objek JSON' }
		]);
		expect(issuesOf({ code: 'x', name: 'y', aspects: {} })).toEqual([
			{ path: 'aspects', code: 'file_invalid', params: {}, message: 'Daftar aspek harus berupa daftar' }
		]);
	});

	it('throws an InstrumentParseError carrying every issue', () => {
		const raw = minimal();
		raw.name = 5;
		raw.aspects = 'none';
		try {
			parseInstrumentJson(raw);
			expect.unreachable();
		} catch (e) {
			expect(e).toBeInstanceOf(InstrumentParseError);
			expect((e as InstrumentParseError).issues).toHaveLength(2);
			expect((e as Error).message).toContain('name: Nama instrumen harus berupa teks');
		}
	});
});
