import { describe, expect, it } from 'vitest';
import type { InstrumentDef } from '../../../src/lib/domain/instrument/types';
import { validateInstrument } from '../../../src/lib/domain/instrument/validate';
import { loadShipped } from './shipped';

const levels = ['nol', 'satu', 'dua', 'tiga', 'empat', 'lima'];

/** Two aspects (0.6 / 0.4) of two indicators each, all valid. */
function sample(): InstrumentDef {
	const ind = (code: string, weight: number) => ({
		code,
		title: code,
		weight,
		levels: [...levels],
		evidence: []
	});
	return {
		code: 'uji',
		name: 'Uji',
		aspects: [
			{ code: 'I', name: 'Satu', weight: 0.6, indicators: [ind('1.a', 0.5), ind('1.b', 0.5)] },
			{ code: 'II', name: 'Dua', weight: 0.4, indicators: [ind('2.a', 0.7), ind('2.b', 0.3)] }
		]
	};
}

describe('validateInstrument', () => {
	it('accepts 17/2017 with a single warning for aspect I, whose weights sum to 0,995', () => {
		const { errors, warnings } = validateInstrument(loadShipped('permenpan-17-2017'));
		expect(errors).toEqual([]);
		// II and III sum to 0.999: within 0.001, so no warning for them.
		expect(warnings).toEqual([
			{
				path: 'I',
				code: 'indicator_sum_rounded',
				params: { aspect: 'I', sum: expect.closeTo(0.995, 9) },
				message: expect.stringContaining('0,995')
			}
		]);
	});

	it('accepts 29/2022 including its weight-0 Informasi Tambahan aspect, without warnings', () => {
		expect(validateInstrument(loadShipped('pekppp-29-2022'))).toEqual({ errors: [], warnings: [] });
	});

	it('accepts a valid instrument without issues', () => {
		expect(validateInstrument(sample())).toEqual({ errors: [], warnings: [] });
	});

	it('rejects aspect weights that sum further than 0,001 from 1 and accepts them within', () => {
		const def = sample();
		def.aspects[1].weight = 0.398;
		expect(validateInstrument(def).errors).toEqual([
			{
				path: 'aspects',
				code: 'aspect_sum',
				params: { sum: expect.closeTo(0.998, 9) },
				message: 'Jumlah bobot aspek 0,998, harus 1 (toleransi 0,001)'
			}
		]);
		def.aspects[1].weight = 0.4009;
		expect(validateInstrument(def).errors).toEqual([]);
	});

	it('warns when indicator weights are within 0,01 of 1 and rejects them beyond', () => {
		const def = sample();
		def.aspects[1].indicators[1].weight = 0.2905; // sum 0.9905
		expect(validateInstrument(def)).toEqual({
			errors: [],
			warnings: [
				{
					path: 'II',
					code: 'indicator_sum_rounded',
					params: { aspect: 'II', sum: expect.closeTo(0.9905, 9) },
					message: expect.stringContaining('0,991')
				}
			]
		});
		def.aspects[1].indicators[1].weight = 0.29; // sum 0.99: still within 0.01
		expect(validateInstrument(def).errors).toEqual([]);
		expect(validateInstrument(def).warnings).toHaveLength(1);
		def.aspects[1].indicators[1].weight = 0.285; // sum 0.985
		expect(validateInstrument(def)).toEqual({
			errors: [
				{
					path: 'II',
					code: 'indicator_sum',
					params: { aspect: 'II', sum: expect.closeTo(0.985, 9) },
					message: expect.stringContaining('harus 1')
				}
			],
			warnings: []
		});
		def.aspects[1].indicators[1].weight = 0.3009; // sum 1.0009
		expect(validateInstrument(def)).toEqual({ errors: [], warnings: [] });
	});

	it('requires at least one indicator in every aspect and at least one aspect', () => {
		const def = sample();
		def.aspects[1].indicators = [];
		expect(validateInstrument(def).errors).toEqual([
			{
				path: 'II',
				code: 'aspect_no_indicators',
				params: { aspect: 'II' },
				message: 'Aspek II harus memiliki minimal satu indikator'
			}
		]);
		expect(validateInstrument({ ...def, aspects: [] }).errors).toEqual([
			{
				path: 'aspects',
				code: 'no_aspects',
				params: {},
				message: 'Instrumen harus memiliki minimal satu aspek'
			}
		]);
	});

	it('requires six non-empty descriptors on scored indicators only', () => {
		const def = sample();
		def.aspects[0].indicators[1].levels[3] = '  ';
		expect(validateInstrument(def).errors).toEqual([
			{
				path: 'I/1.b/levels/3',
				code: 'level_empty',
				params: { indicator: '1.b', level: 3 },
				message: 'Indikator 1.b: deskripsi level 3 kosong'
			}
		]);
		def.aspects[0].indicators[1].levels = ['nol'];
		expect(validateInstrument(def).errors.map((e) => e.path)).toEqual(
			[1, 2, 3, 4, 5].map((l) => `I/1.b/levels/${l}`)
		);
		// A recorded-only indicator may lack descriptors.
		def.aspects[0].indicators[1].levels = ['', '', '', '', '', ''];
		def.aspects[0].indicators[1].weight = 0;
		def.aspects[0].indicators[0].weight = 1;
		expect(validateInstrument(def).errors).toEqual([]);
	});

	it('rejects duplicate aspect codes and indicator codes repeated in any aspect', () => {
		const def = sample();
		def.aspects[1].code = 'I';
		def.aspects[1].indicators[0].code = '1.a';
		expect(validateInstrument(def).errors).toEqual([
			{
				path: 'I',
				code: 'aspect_duplicate',
				params: { aspect: 'I', position: 2, earlier: 1 },
				message: 'Kode aspek I ganda (aspek ke-2 dan ke-1)'
			},
			{
				path: 'I/1.a',
				code: 'indicator_duplicate',
				params: { indicator: '1.a', aspect: 'I' },
				message: 'Kode indikator 1.a ganda (sudah dipakai di aspek I)'
			}
		]);
	});

	it('requires every indicator of a weight-0 aspect to weigh 0', () => {
		const def = sample();
		def.aspects[0].weight = 1;
		def.aspects.push({
			code: 'VII',
			name: 'Informasi Tambahan',
			weight: 0,
			indicators: [{ code: 'INF.01', title: 'Antrian', weight: 0.2, levels: [...levels], evidence: [] }]
		});
		def.aspects[1].weight = 0;
		def.aspects[1].indicators.forEach((i) => (i.weight = 0));
		expect(validateInstrument(def).errors).toEqual([
			{
				path: 'VII/INF.01',
				code: 'zero_aspect_indicator',
				params: { aspect: 'VII', indicator: 'INF.01', weight: 0.2 },
				message: expect.stringContaining('Aspek VII berbobot 0')
			}
		]);
		def.aspects[2].indicators[0].weight = 0;
		expect(validateInstrument(def)).toEqual({ errors: [], warnings: [] });
	});

	it('rejects weights outside 0..1', () => {
		const def = sample();
		def.aspects[0].indicators[0].weight = 1.5;
		def.aspects[0].indicators[1].weight = -0.5;
		const paths = validateInstrument(def).errors.map((e) => e.message);
		expect(paths).toContain('Bobot indikator 1.a (1,500) harus antara 0 dan 1');
		expect(paths).toContain('Bobot indikator 1.b (-0,500) harus antara 0 dan 1');
		const def2 = sample();
		def2.aspects[0].weight = 1.2;
		def2.aspects[1].weight = -0.2;
		expect(validateInstrument(def2).errors).toEqual([
			{
				path: 'I',
				code: 'aspect_weight_range',
				params: { aspect: 'I', weight: 1.2 },
				message: 'Bobot aspek I (1,200) harus antara 0 dan 1'
			},
			{
				path: 'II',
				code: 'aspect_weight_range',
				params: { aspect: 'II', weight: -0.2 },
				message: 'Bobot aspek II (-0,200) harus antara 0 dan 1'
			}
		]);
	});
});
