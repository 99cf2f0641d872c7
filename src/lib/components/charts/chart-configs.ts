import type { ChartConfiguration } from 'chart.js';
import { chartLocale } from '$lib/i18n/display';
import { m } from '$lib/paraglide/messages';
import { radarPointLabel } from './radar-labels';

// Chart configurations of the report card, built from plain numbers (no chart.js import at
// runtime: only the ChartCanvas wrapper loads the library).

export function aspectRadarConfig(
	aspects: { code: string; name: string; score: number | null; categoryMean: number | null }[],
	labels: { unit: string; category: string }
): ChartConfiguration {
	return {
		type: 'radar',
		data: {
			labels: aspects.map((a) => `${a.code}. ${a.name}`),
			datasets: [
				{
					label: labels.unit,
					data: aspects.map((a) => a.score ?? 0),
					borderColor: '#0f4c81',
					backgroundColor: 'rgba(15, 76, 129, 0.2)',
					pointBackgroundColor: '#0f4c81'
				},
				{
					label: labels.category,
					data: aspects.map((a) => a.categoryMean ?? 0),
					borderColor: '#a15c00',
					backgroundColor: 'rgba(255, 209, 102, 0.15)',
					borderDash: [6, 4],
					pointBackgroundColor: '#a15c00'
				}
			]
		},
		options: {
			maintainAspectRatio: false,
			layout: { padding: 4 },
			scales: {
				r: {
					min: 0,
					max: 5,
					ticks: { stepSize: 1 },
					pointLabels: {
						font: { size: 11 },
						// `this` is the radial scale: its chart's width decides code or wrapped name.
						callback(this: { chart: { width: number } }, _label: string, index: number) {
							return radarPointLabel(aspects[index], this.chart.width);
						}
					}
				}
			},
			locale: chartLocale()
		}
	};
}

export function trendLineConfig(
	points: { periodCode: string; ipp: number; instrumentChanged: boolean }[],
	label: string
): ChartConfiguration {
	return {
		type: 'line',
		data: {
			labels: points.map((p) =>
				p.instrumentChanged ? `${p.periodCode} (${m.rapor_instrument_changed()})` : p.periodCode
			),
			datasets: [
				{
					label,
					data: points.map((p) => p.ipp),
					borderColor: '#0f4c81',
					backgroundColor: '#0f4c81',
					// A change of instrument is drawn as a larger, differently shaped point.
					pointStyle: points.map((p) => (p.instrumentChanged ? 'triangle' : 'circle')),
					pointRadius: points.map((p) => (p.instrumentChanged ? 8 : 4)),
					segment: { borderDash: (ctx) => (points[ctx.p1DataIndex]?.instrumentChanged ? [6, 4] : undefined) }
				}
			]
		},
		options: {
			maintainAspectRatio: false,
			scales: { y: { min: 0, max: 5 } },
			locale: chartLocale()
		}
	};
}
