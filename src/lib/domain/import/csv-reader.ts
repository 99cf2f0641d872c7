// Streaming CSV reader for imported files (README: "Files that are imported"): UTF-8 with an
// optional byte-order mark, comma or semicolon taken from the header line, RFC 4180 quoting.
// Records are numbered as a spreadsheet shows them (the header is line 1; a quoted cell that
// spans lines is still one row), blank lines included so that numbers match the spreadsheet.

export type RecordHandler = (cells: string[], line: number) => void;
export type ProblemHandler = (line: number, reason: string) => void;

/** Comma or semicolon, whichever occurs more often outside quotes in the header line. */
export function detectSeparator(headerLine: string): ',' | ';' {
	let commas = 0;
	let semicolons = 0;
	let quoted = false;
	for (let i = 0; i < headerLine.length; i++) {
		const c = headerLine.charCodeAt(i);
		if (c === 34) quoted = !quoted;
		else if (!quoted && c === 44) commas++;
		else if (!quoted && c === 59) semicolons++;
	}
	return semicolons > commas ? ';' : ',';
}

export class CsvReader {
	private pending = '';
	private started = false;
	private sep: ',' | ';' = ',';
	private line = 0;

	constructor(
		private readonly onRecord: RecordHandler,
		private readonly onProblem: ProblemHandler
	) {}

	get separator(): ',' | ';' {
		return this.sep;
	}

	/** Feeds decoded text; complete records are handed on at once, a partial one waits. */
	push(chunk: string): void {
		if (this.started && this.pending !== '' && this.pending.indexOf('"') === -1) {
			// The unquoted record cut at the chunk's start is finished on a short string of its own,
			// then the chunk is read in place: joining the two would copy each megabyte once more
			// (a fifth of the reading of a national score file). The head holds that one record:
			// it is either read whole or, a quote opening in it, left for the joined text below.
			const nl = chunk.indexOf('\n');
			const head = nl === -1 ? '' : this.pending + chunk.slice(0, nl + 1);
			if (nl !== -1 && this.consume(head, false, 0) === head.length) {
				this.pending = chunk.slice(this.consume(chunk, false, nl + 1));
				return;
			}
		}
		let text = this.pending + chunk;
		if (!this.started) {
			if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
			const nl = text.indexOf('\n');
			if (nl === -1) {
				this.pending = text;
				return;
			}
			this.sep = detectSeparator(text.slice(0, nl));
			this.started = true;
		}
		this.pending = text.slice(this.consume(text, false, 0));
	}

	/** Flushes the last record (a file need not end with a newline). */
	end(): void {
		let text = this.pending;
		this.pending = '';
		if (!this.started) {
			if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
			this.sep = detectSeparator(text);
			this.started = true;
		}
		if (text.length > 0) this.consume(text, true, 0);
	}

	/** Parses whole records from text at `from`; returns where the unfinished rest starts. */
	private consume(text: string, final: boolean, from: number): number {
		const sep = this.sep;
		let pos = from;
		const n = text.length;
		// Next quote at or after pos; searched again only once passed (else every line rescans the chunk).
		let quote = -2;
		// Likewise the next separator: a file of one column has none, and must not rescan per line.
		let sepAt = -2;
		/**
		 * text.slice(start, end).split(sep) without the intermediate line string: an import reads
		 * millions of lines, and the split was the largest single cost of reading (README, "Benchmark").
		 */
		const splitLine = (start: number, end: number): string[] => {
			const cells: string[] = [];
			for (let i = start; ;) {
				if (sepAt !== -1 && sepAt < i) sepAt = text.indexOf(sep, i);
				if (sepAt === -1 || sepAt >= end) {
					cells.push(text.slice(i, end));
					return cells;
				}
				cells.push(text.slice(i, sepAt));
				i = sepAt + 1;
			}
		};
		while (pos < n) {
			let nl = text.indexOf('\n', pos);
			if (nl === -1) {
				if (!final) return pos;
				nl = n;
			}
			if (quote !== -1 && quote < pos) quote = text.indexOf('"', pos);
			if (quote === -1 || quote > nl) {
				// Fast path: a record without quotes is one line split at the separator.
				let end = nl;
				if (end > pos && text.charCodeAt(end - 1) === 13) end--;
				this.line++;
				this.onRecord(end === pos ? [] : splitLine(pos, end), this.line);
				pos = nl + 1;
				continue;
			}
			const next = this.quotedRecord(text, pos, final);
			if (next === -1) return pos;
			pos = next;
		}
		return pos;
	}

	/** RFC 4180 record starting at `start`; -1 when it continues past the text (not final). */
	private quotedRecord(text: string, start: number, final: boolean): number {
		const sep = this.sep.charCodeAt(0);
		const cells: string[] = [];
		const n = text.length;
		let i = start;
		let cell = '';
		for (;;) {
			if (i < n && text.charCodeAt(i) === 34) {
				// Quoted cell: "" is a literal quote; it may span lines.
				i++;
				let closed = false;
				while (i < n) {
					const q = text.indexOf('"', i);
					if (q === -1) {
						cell += text.slice(i);
						i = n;
						break;
					}
					cell += text.slice(i, q);
					if (q + 1 < n && text.charCodeAt(q + 1) === 34) {
						cell += '"';
						i = q + 2;
					} else if (q + 1 >= n && !final) {
						return -1; // cannot tell "" from a closing quote yet
					} else {
						i = q + 1;
						closed = true;
						break;
					}
				}
				if (!closed) {
					if (!final) return -1;
					this.line++;
					this.onProblem(this.line, 'tanda kutip (") tidak ditutup sampai akhir berkas');
					return n;
				}
			}
			// Unquoted part (or text after a closing quote) up to the separator or end of line.
			let j = i;
			while (j < n) {
				const c = text.charCodeAt(j);
				if (c === sep || c === 10) break;
				j++;
			}
			if (j >= n && !final) return -1;
			let piece = text.slice(i, j);
			if (j < n && text.charCodeAt(j) === 10 && piece.endsWith('\r')) piece = piece.slice(0, -1);
			else if (j >= n && piece.endsWith('\r')) piece = piece.slice(0, -1);
			cells.push(cell + piece);
			cell = '';
			if (j < n && text.charCodeAt(j) === sep) {
				i = j + 1;
				continue;
			}
			this.line++;
			this.onRecord(cells, this.line);
			return j + 1;
		}
	}
}

/** Whole-text convenience (tests, small files). */
export function parseCsvText(text: string): {
	records: { cells: string[]; line: number }[];
	problems: { line: number; reason: string }[];
} {
	const records: { cells: string[]; line: number }[] = [];
	const problems: { line: number; reason: string }[] = [];
	const reader = new CsvReader(
		(cells, line) => records.push({ cells, line }),
		(line, reason) => problems.push({ line, reason })
	);
	reader.push(text);
	reader.end();
	return { records, problems };
}
