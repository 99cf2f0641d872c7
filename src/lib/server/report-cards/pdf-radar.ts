import type PDFDocument from 'pdfkit';
import { radarPoint, radarPolygon } from '../../domain/report-card/radar-geometry';

type Doc = InstanceType<typeof PDFDocument>;

export interface RadarSeries {
	label: string;
	values: (number | null)[];
	color: string;
	dashed?: boolean;
}

/** The aspect radar in vector primitives: rings 1..5, one axis per aspect, one polygon per series. */
export function drawRadar(
	doc: Doc,
	x: number,
	y: number,
	size: number,
	axisLabels: string[],
	series: RadarSeries[]
): void {
	const radius = size / 2 - 34;
	const cx = x + size / 2;
	const cy = y + size / 2;
	const n = axisLabels.length;
	doc.save().lineWidth(0.5).strokeColor('#9aa5b1');
	for (let ring = 1; ring <= 5; ring++) {
		const pts = Array.from({ length: n }, (_, i) => radarPoint(cx, cy, radius, i, n, ring / 5));
		doc.polygon(...pts.map((p) => [p.x, p.y] as [number, number])).stroke();
		const label = radarPoint(cx, cy, radius, 0, n, ring / 5);
		doc
			.fillColor('#5b6470')
			.fontSize(6)
			.text(String(ring), label.x + 2, label.y - 7, { lineBreak: false });
	}
	for (let i = 0; i < n; i++) {
		const end = radarPoint(cx, cy, radius, i, n, 1);
		doc.moveTo(cx, cy).lineTo(end.x, end.y).stroke();
		const at = radarPoint(cx, cy, radius + 16, i, n, 1);
		doc
			.fillColor('#1c2430')
			.fontSize(8)
			.text(axisLabels[i], at.x - 20, at.y - 5, { width: 40, align: 'center', lineBreak: false });
	}
	doc.restore();
	for (const s of series) {
		const pts = radarPolygon(cx, cy, radius, s.values).map((p) => [p.x, p.y] as [number, number]);
		doc.save().lineWidth(1.5).strokeColor(s.color);
		if (s.dashed) doc.dash(4, { space: 3 });
		doc.polygon(...pts);
		if (s.dashed) doc.stroke();
		else doc.fillOpacity(0.18).fillAndStroke(s.color, s.color);
		doc.restore();
	}
	// Legend under the chart.
	let ly = y + size - 4;
	for (const s of series) {
		doc.save().lineWidth(2).strokeColor(s.color);
		if (s.dashed) doc.dash(3, { space: 2 });
		doc
			.moveTo(x + 10, ly + 4)
			.lineTo(x + 30, ly + 4)
			.stroke()
			.restore();
		doc
			.fillColor('#1c2430')
			.fontSize(8)
			.text(s.label, x + 36, ly, { lineBreak: false });
		ly += 12;
	}
}
