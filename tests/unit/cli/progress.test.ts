import { describe, expect, it } from 'vitest';
import { progressLine } from '../../../src/lib/server/cli/progress';

function terminal(isTTY: boolean) {
	const written: string[] = [];
	let time = 0;
	const line = progressLine({ isTTY, write: (text: string) => written.push(text) }, () => time);
	return { line, written, advance: (ms: number) => (time += ms) };
}

describe('the progress line of a long command', () => {
	it('rewrites one line in place on a terminal, at most four times a second, and clears it', () => {
		const { line, written, advance } = terminal(true);
		line.show('100 baris');
		advance(100);
		line.show('200 baris');
		advance(200);
		line.show('300 baris');
		line.show('menulis', true);
		line.clear();
		line.clear();
		expect(written).toEqual(['\r\x1b[K100 baris', '\r\x1b[K300 baris', '\r\x1b[Kmenulis', '\r\x1b[K']);
	});

	it('writes nothing when stderr is a file or a pipe', () => {
		const { line, written } = terminal(false);
		line.show('100 baris');
		line.show('menulis', true);
		line.clear();
		expect(written).toEqual([]);
	});
});
