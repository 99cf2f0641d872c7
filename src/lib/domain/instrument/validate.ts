import { formatDecimalId } from '../scoring/display';
import type {
	InstrumentDef,
	InstrumentIssue,
	InstrumentIssueCode,
	InstrumentIssueParams,
	InstrumentValidation
} from './types';

// Tolerances of docs/rules.md §3. The extra 1e-9 keeps a sum such as 0.99 (stored as
// 0.9899999999999999) on the side of the boundary its decimal value is on.
const ASPECT_SUM_TOLERANCE = 0.001;
const INDICATOR_SUM_OK = 0.001;
const INDICATOR_SUM_WARN = 0.01;
const NOISE = 1e-9;

const fmt = (x: number) => formatDecimalId(x, 3);
const inUnitRange = (w: number) => w >= 0 && w <= 1;

/** Checks an instrument version before it is saved (docs/rules.md §3). */
export function validateInstrument(def: InstrumentDef): InstrumentValidation {
	const errors: InstrumentIssue[] = [];
	const warnings: InstrumentIssue[] = [];
	const error = (path: string, code: InstrumentIssueCode, params: InstrumentIssueParams, message: string) =>
		errors.push({ path, code, params, message });

	if (def.aspects.length === 0)
		error('aspects', 'no_aspects', {}, 'Instrumen harus memiliki minimal satu aspek');
	const aspectSum = def.aspects.reduce((s, a) => s + a.weight, 0);
	if (def.aspects.length > 0 && Math.abs(aspectSum - 1) > ASPECT_SUM_TOLERANCE + NOISE) {
		error(
			'aspects',
			'aspect_sum',
			{ sum: aspectSum },
			`Jumlah bobot aspek ${fmt(aspectSum)}, harus 1 (toleransi 0,001)`
		);
	}

	const aspectSeen = new Map<string, number>();
	const indicatorSeen = new Map<string, string>();
	def.aspects.forEach((aspect, index) => {
		const ap = aspect.code;
		const earlier = aspectSeen.get(ap);
		if (earlier !== undefined) {
			error(
				ap,
				'aspect_duplicate',
				{ aspect: ap, position: index + 1, earlier: earlier + 1 },
				`Kode aspek ${ap} ganda (aspek ke-${index + 1} dan ke-${earlier + 1})`
			);
		} else aspectSeen.set(ap, index);
		if (!inUnitRange(aspect.weight)) {
			error(
				ap,
				'aspect_weight_range',
				{ aspect: ap, weight: aspect.weight },
				`Bobot aspek ${ap} (${fmt(aspect.weight)}) harus antara 0 dan 1`
			);
		}
		if (aspect.indicators.length === 0) {
			error(ap, 'aspect_no_indicators', { aspect: ap }, `Aspek ${ap} harus memiliki minimal satu indikator`);
			return;
		}

		for (const ind of aspect.indicators) {
			const ip = `${ap}/${ind.code}`;
			const other = indicatorSeen.get(ind.code);
			if (other !== undefined) {
				error(
					ip,
					'indicator_duplicate',
					{ indicator: ind.code, aspect: other },
					`Kode indikator ${ind.code} ganda (sudah dipakai di aspek ${other})`
				);
			} else indicatorSeen.set(ind.code, ap);
			if (!inUnitRange(ind.weight)) {
				error(
					ip,
					'indicator_weight_range',
					{ indicator: ind.code, weight: ind.weight },
					`Bobot indikator ${ind.code} (${fmt(ind.weight)}) harus antara 0 dan 1`
				);
			}
			// docs/rules.md §3: an indicator of weight 0 is recorded only, so its descriptors may be incomplete.
			if (ind.weight > 0) {
				for (let level = 0; level < 6; level++) {
					if ((ind.levels[level] ?? '').trim() === '') {
						error(
							`${ip}/levels/${level}`,
							'level_empty',
							{ indicator: ind.code, level },
							`Indikator ${ind.code}: deskripsi level ${level} kosong`
						);
					}
				}
				if (ind.levels.length > 6) {
					error(
						`${ip}/levels`,
						'levels_too_many',
						{ indicator: ind.code },
						`Indikator ${ind.code} memiliki lebih dari enam level (0 sampai 5)`
					);
				}
			}
			if (aspect.weight === 0 && ind.weight !== 0) {
				error(
					ip,
					'zero_aspect_indicator',
					{ aspect: ap, indicator: ind.code, weight: ind.weight },
					`Aspek ${ap} berbobot 0, maka indikator ${ind.code} juga harus berbobot 0 (kini ${fmt(ind.weight)})`
				);
			}
		}

		if (aspect.weight === 0) return;
		const sum = aspect.indicators.reduce((s, i) => s + i.weight, 0);
		const off = Math.abs(sum - 1);
		if (off <= INDICATOR_SUM_OK + NOISE) return;
		// Published weights are rounded (17/2017 aspect I sums to 0.995): accepted with a warning.
		const message = `Jumlah bobot indikator aspek ${ap} ${fmt(sum)}`;
		if (off <= INDICATOR_SUM_WARN + NOISE) {
			warnings.push({
				path: ap,
				code: 'indicator_sum_rounded',
				params: { aspect: ap, sum },
				message: `${message}, bukan 1; dipakai apa adanya (toleransi 0,01)`
			});
		} else {
			error(ap, 'indicator_sum', { aspect: ap, sum }, `${message}, harus 1 (toleransi 0,01)`);
		}
	});

	return { errors, warnings };
}
