// Geometry of the aspect radar drawn into the PDF: axis i points up and turns clockwise, and a
// value v on a 0..max scale sits at v/max of the radius. Pure numbers, so it can be tested.

export interface Point {
	x: number;
	y: number;
}

export function radarPoint(
	cx: number,
	cy: number,
	radius: number,
	axis: number,
	axes: number,
	ratio: number
): Point {
	const angle = -Math.PI / 2 + (2 * Math.PI * axis) / axes;
	const r = radius * Math.max(0, Math.min(1, ratio));
	return { x: cx + r * Math.cos(angle), y: cy + r * Math.sin(angle) };
}

export function radarPolygon(
	cx: number,
	cy: number,
	radius: number,
	values: readonly (number | null)[],
	max = 5
): Point[] {
	return values.map((v, i) => radarPoint(cx, cy, radius, i, values.length, (v ?? 0) / max));
}
