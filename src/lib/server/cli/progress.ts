// A progress line for long commands (`import-scores` of a national file runs for minutes on
// PostgreSQL): rewritten in place on a terminal, at most four times a second; never written when
// stderr is a file or a pipe, so that scripts, logs and tests see only the result.

export interface ProgressStream {
	isTTY?: boolean;
	write(text: string): unknown;
}

export interface ProgressLine {
	/** Shows text in place of the last line; `now` shows it even within the quarter second. */
	show(text: string, now?: boolean): void;
	/** Removes the line before the command prints its result. */
	clear(): void;
}

const EVERY_MS = 250;
/** Carriage return, then erase to the end of the line (ECMA-48 EL). */
const REWRITE = '\r\x1b[K';

export function progressLine(stream: ProgressStream, clock: () => number = Date.now): ProgressLine {
	if (!stream.isTTY) return { show() {}, clear() {} };
	let last = -Infinity;
	let shown = false;
	return {
		show(text, now = false) {
			const t = clock();
			if (!now && t - last < EVERY_MS) return;
			last = t;
			shown = true;
			stream.write(REWRITE + text);
		},
		clear() {
			if (shown) stream.write(REWRITE);
			shown = false;
		}
	};
}
