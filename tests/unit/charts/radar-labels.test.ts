import { describe, expect, it } from 'vitest';
import { aspectRadarConfig } from '../../../src/lib/components/charts/chart-configs';
import {
	RADAR_CODES_ONLY_BELOW,
	radarPointLabel,
	wrapWords
} from '../../../src/lib/components/charts/radar-labels';

const aspects = [
	{ code: 'A', name: 'Kebijakan Pelayanan', score: 4.2, categoryMean: 3.9 },
	{ code: 'F', name: 'Sistem Informasi Pelayanan Publik', score: 3.1, categoryMean: 3.4 }
];

/** The point labels chart.js would draw on a canvas of the given width. */
function pointLabels(width: number): (string | string[])[] {
	const config = aspectRadarConfig(aspects, { unit: 'Kelurahan Mrican', category: 'Rata-rata' });
	type Callback = (this: unknown, label: string, index: number) => string | string[];
	const r = (config.options?.scales as Record<string, { pointLabels: { callback: Callback } }>).r;
	return aspects.map((a, i) => r.pointLabels.callback.call({ chart: { width } }, `${a.code}. ${a.name}`, i));
}

describe('aspect radar labels', () => {
	it('labels each point with the aspect code only on a phone (the table below names the codes)', () => {
		expect(pointLabels(342)).toEqual(['A', 'F']);
		expect(pointLabels(RADAR_CODES_ONLY_BELOW - 1)).toEqual(['A', 'F']);
	});

	it('wraps the aspect name over short lines on a wide chart', () => {
		expect(pointLabels(1200)).toEqual([
			['A. Kebijakan', 'Pelayanan'],
			['F. Sistem', 'Informasi', 'Pelayanan Publik']
		]);
	});

	it('keeps a word longer than a line whole and never returns an empty line', () => {
		expect(wrapWords('  Profesionalisme   SDM ', 10)).toEqual(['Profesionalisme', 'SDM']);
		expect(radarPointLabel({ code: 'B', name: '' }, 900)).toEqual(['B.']);
	});
});
