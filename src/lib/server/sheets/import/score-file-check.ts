import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import type { InstrumentDef } from '../../../domain/instrument';
import type { ImportProblem } from '../../../domain/import/score-import';
import { TableFileError } from '../../files/table-stream';

// `import-scores` reads and checks its file on a thread of its own (score-file-check.worker.ts)
// while the caller writes the rows already checked: reading and checking are a fifth of a
// national import, and on two cores they need not wait for the writes (README, "Benchmark").
// The thread sends the accepted rows in batches; it stops reading while MAX_IN_FLIGHT batches
// wait here, so memory stays flat however large the file.

/** What the reading thread checks against: the instrument, and which units the period holds. */
export interface ScoreFileCheckInput {
	path: string;
	def: InstrumentDef;
	periodCode: string;
	periodUnits: string[];
	/** Units that exist but are not in the period (named as such in the problem). */
	otherUnits: string[];
}

/** A sheet met for the first time: its first row is in the same batch. */
export interface NewSheet {
	sheet: number;
	unit: string;
	visitNo: number;
	/** Lower case. */
	email: string;
	line: number;
}

/** Accepted rows in file order (refused rows are left out and counted in problemsSoFar). */
export interface CheckedRows {
	count: number;
	sheets: Int32Array;
	/** Indicator positions in instrument order (scoreImportPlan). */
	indicators: Int32Array;
	scores: Int8Array;
	/** The rows (position in this batch, ascending) that carry a note, and their notes. */
	noteRows: number[];
	notes: string[];
	newSheets: NewSheet[];
	/** Problems the reading thread has found up to the end of this batch. */
	problemsSoFar: number;
	/** The spreadsheet line read last when the batch was sent (for progress). */
	linesRead: number;
}

export interface CheckedFile {
	sheetCount: number;
	/** The first MAX_PROBLEMS_SHOWN problems found while reading, by line (the order found). */
	readingProblems: ImportProblem[];
	/** The first MAX_PROBLEMS_SHOWN found once the file was read (empty file, no score rows, incomplete sheets), by line. */
	endProblems: ImportProblem[];
	/** Every problem the thread found, those left out of the lists included. */
	problemCount: number;
	/** Σ w·s of every scored aspect of every sheet (aspectSumPlan order), sheet by sheet; empty when there were problems. */
	aspectSums: Float64Array;
}

export type CheckMessage =
	| { kind: 'rows'; rows: CheckedRows }
	| { kind: 'end'; file: CheckedFile }
	| { kind: 'failed'; unreadable: boolean; message: string };

/**
 * Problems shown at the most; the rest are counted. A file for the wrong period has a problem on
 * every row: millions of them would cost gigabytes to send and nobody reads past the first pages.
 */
export const MAX_PROBLEMS_SHOWN = 5000;
/** Accepted rows per batch. */
export const ROWS_PER_BATCH = 4096;
/** Batches sent but not yet written; the reading thread waits beyond this many. */
export const MAX_IN_FLIGHT = 8;

// The import runs from source: the command line through tsx, the tests and benchmarks through
// vitest or tsx (the built server does not import it, and a bundle would not hold the thread's
// file). The thread's module is then TypeScript and is loaded through tsx's API, as Node 20
// applies no `--import` loader given to a worker. Compiled to JavaScript file by file, both
// modules would sit side by side as .js and the thread would start as it is.
const here = import.meta.url;
const fromSource = new URL(here).pathname.endsWith('.ts');
const workerModule = new URL(`./score-file-check.worker.${fromSource ? 'ts' : 'js'}`, here);

/** tsx's ESM API as its package exports it to `import` (the CommonJS build cannot load it here). */
function tsxEsmApi(): string {
	const require = createRequire(here);
	const manifest = require.resolve('tsx/package.json');
	const exported = (require(manifest) as { exports: Record<string, { import: { default: string } }> })
		.exports['./esm/api'].import.default;
	return join(dirname(manifest), exported);
}

function startWorker(workerData: unknown): Worker {
	if (!fromSource) return new Worker(workerModule, { workerData });
	const tsxApi = pathToFileURL(tsxEsmApi()).href;
	const target = JSON.stringify(workerModule.href);
	const boot = `import(${JSON.stringify(tsxApi)}).then(({ tsImport }) => tsImport(${target}, ${target}))`;
	return new Worker(boot, { eval: true, workerData });
}

/**
 * Reads and checks a score file on its own thread; onRows gets each batch of accepted rows in
 * file order and must handle it before returning. Resolves with what only the whole file tells;
 * rejects with TableFileError when the file cannot be read, or with what onRows threw.
 */
export function readCheckedScoreFile(
	input: ScoreFileCheckInput,
	onRows: (rows: CheckedRows) => void
): Promise<CheckedFile> {
	const inFlight = new Int32Array(new SharedArrayBuffer(4));
	const worker = startWorker({ ...input, inFlight: inFlight.buffer });
	return new Promise((resolve, reject) => {
		let settled = false;
		const settle = (done: () => void) => {
			if (settled) return;
			settled = true;
			// Wakes a thread waiting for room before stopping it.
			Atomics.store(inFlight, 0, -MAX_IN_FLIGHT);
			Atomics.notify(inFlight, 0);
			void worker.terminate();
			done();
		};
		worker.on('message', (message: CheckMessage) => {
			if (settled) return;
			if (message.kind === 'rows') {
				try {
					onRows(message.rows);
				} catch (e) {
					settle(() => reject(e));
					return;
				}
				Atomics.sub(inFlight, 0, 1);
				Atomics.notify(inFlight, 0);
			} else if (message.kind === 'end') settle(() => resolve(message.file));
			else
				settle(() =>
					reject(message.unreadable ? new TableFileError(message.message) : new Error(message.message))
				);
		});
		worker.on('error', (e) => settle(() => reject(e)));
		worker.on('exit', (code) => settle(() => reject(new Error(`score file reader stopped (exit ${code})`))));
	});
}
