import { parentPort, workerData } from 'node:worker_threads';
import { ScoreImport, scoreImportPlan, type ImportProblem } from '../../../domain/import/score-import';
import { aspectSumPlan } from '../../../domain/scoring/aspect-scores';
import { readTableFile, TableFileError } from '../../files/table-stream';
import {
	MAX_IN_FLIGHT,
	MAX_PROBLEMS_SHOWN,
	ROWS_PER_BATCH,
	type CheckedRows,
	type CheckMessage,
	type ScoreFileCheckInput
} from './score-file-check';

// The reading thread of `import-scores` (score-file-check.ts): reads the file, checks every row
// with the domain's ScoreImport, and sends the accepted rows in batches.

const input = workerData as ScoreFileCheckInput & { inFlight: SharedArrayBuffer };
const inFlight = new Int32Array(input.inFlight);
const port = parentPort!;
const send = (message: CheckMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

const periodUnits = new Set(input.periodUnits);
const otherUnits = new Set(input.otherUnits);
const plan = scoreImportPlan(input.def);
const checker = new ScoreImport(
	plan,
	(code) =>
		periodUnits.has(code)
			? null
			: otherUnits.has(code)
				? `unit ${code} tidak termasuk periode ${input.periodCode}`
				: `unit "${code}" tidak dikenal`,
	MAX_PROBLEMS_SHOWN
);

const emptyBatch = (): CheckedRows => ({
	count: 0,
	sheets: new Int32Array(ROWS_PER_BATCH),
	indicators: new Int32Array(ROWS_PER_BATCH),
	scores: new Int8Array(ROWS_PER_BATCH),
	noteRows: [],
	notes: [],
	newSheets: [],
	problemsSoFar: 0,
	linesRead: 0
});
let batch = emptyBatch();

function sendBatch(): void {
	if (batch.count === 0) return;
	batch.problemsSoFar = checker.problemCount;
	batch.linesRead = linesRead;
	const { sheets, indicators, scores } = batch;
	send({ kind: 'rows', rows: batch }, [sheets.buffer, indicators.buffer, scores.buffer] as ArrayBuffer[]);
	batch = emptyBatch();
	// Waits while the writer is MAX_IN_FLIGHT batches behind (it counts down as it writes).
	let waiting = Atomics.add(inFlight, 0, 1) + 1;
	while (waiting >= MAX_IN_FLIGHT) {
		Atomics.wait(inFlight, 0, waiting);
		waiting = Atomics.load(inFlight, 0);
	}
}

let headerOk: boolean | null = null;
let linesRead = 0;
function onRecord(cells: string[], line: number): void {
	linesRead = line;
	if (headerOk === null) {
		headerOk = checker.header(cells, line);
		return;
	}
	if (!headerOk) return;
	const row = checker.accept(cells, line);
	if (!row) return;
	const i = batch.count++;
	if (row.newSheet)
		batch.newSheets.push({
			sheet: row.sheet,
			unit: checker.sheetUnit[row.sheet],
			visitNo: checker.sheetVisit[row.sheet],
			email: checker.sheetEmail[row.sheet],
			line
		});
	batch.sheets[i] = row.sheet;
	batch.indicators[i] = row.indicator;
	batch.scores[i] = row.score;
	if (row.note !== null) {
		batch.noteRows.push(i);
		batch.notes.push(row.note);
	}
	if (batch.count === ROWS_PER_BATCH) sendBatch();
}

try {
	await readTableFile(input.path, onRecord, (line, reason) => checker.problem(line, reason));
	sendBatch();
	// The problems of the rows, then (kept anew) those only the whole file shows.
	const readingCount = checker.problemCount;
	const readingProblems: ImportProblem[] = checker.problems.splice(0);
	if (headerOk === null) checker.problem(1, 'berkas kosong: baris judul tidak ada');
	else if (headerOk && checker.sheetCount === 0 && readingCount === 0)
		checker.problem(2, 'berkas tidak berisi baris nilai');
	checker.checkSheetsComplete();
	const sumPlan = aspectSumPlan(input.def);
	const width = sumPlan.aspects.length;
	const clean = checker.problemCount === 0;
	const aspectSums = new Float64Array(clean ? checker.sheetCount * width : 0);
	if (clean)
		for (let s = 0; s < checker.sheetCount; s++)
			checker.sheetAspectSums(s, sumPlan, aspectSums.subarray(s * width, (s + 1) * width));
	// Both lists are in line order as found, so they hold the first problems by line.
	send(
		{
			kind: 'end',
			file: {
				sheetCount: checker.sheetCount,
				readingProblems,
				endProblems: checker.problems,
				problemCount: checker.problemCount,
				aspectSums
			}
		},
		[aspectSums.buffer]
	);
} catch (e) {
	const unreadable = e instanceof TableFileError;
	send({ kind: 'failed', unreadable, message: unreadable ? e.message : ((e as Error).stack ?? String(e)) });
}
