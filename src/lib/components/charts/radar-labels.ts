// Point labels of the aspect radar that fit the canvas. Chart.js shrinks the radar until the
// labels fit, and clips what still does not: on a 360-390 px phone the aspect names left a
// thumbnail-sized radar with its outer labels cut off. Narrow charts therefore label each
// point with the aspect's code only (the table under the chart names every code), wider ones
// wrap the name over short lines.

/** Below this canvas width (CSS pixels) a point shows the aspect code only. */
export const RADAR_CODES_ONLY_BELOW = 560;
const LINE_CHARS = 18;

/** Splits text at spaces into lines of at most `max` characters (a longer word stays whole). */
export function wrapWords(text: string, max = LINE_CHARS): string[] {
	const lines: string[] = [];
	for (const word of text.split(/\s+/).filter(Boolean)) {
		const last = lines.length - 1;
		if (last >= 0 && lines[last].length + 1 + word.length <= max) lines[last] += ` ${word}`;
		else lines.push(word);
	}
	return lines;
}

export function radarPointLabel(
	aspect: { code: string; name: string },
	chartWidth: number
): string | string[] {
	if (chartWidth < RADAR_CODES_ONLY_BELOW) return aspect.code;
	return wrapWords(`${aspect.code}. ${aspect.name}`);
}
