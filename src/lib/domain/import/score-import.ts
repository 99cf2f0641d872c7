import type { InstrumentDef } from '../instrument/types';
import { cellOf, isBlankRecord, readHeader, type ColumnMap } from './table-header';
import { hasUnsafeCharacters } from '../text-safety';
import { unsafeCellReason } from './tabular';
import { plannedAspectSums, type AspectSumPlan } from '../scoring/aspect-scores';

// Validation of an imported score file (README: `import-scores`; docs/rules.md §4.1). Each
// (unit, visit, assessor) group is one sheet; it must cover every scored indicator, and a
// score of 0 or 5 needs a note. Built for millions of rows: sheets live in typed arrays.

export const SCORE_COLUMNS = {
	required: ['unit_code', 'visit_no', 'assessor_email', 'indicator_code', 'score'] as const,
	optional: ['note'] as const
};
type ScoreColumn = (typeof SCORE_COLUMNS.required)[number] | (typeof SCORE_COLUMNS.optional)[number];

export interface ImportProblem {
	line: number;
	reason: string;
}

export interface ScoreImportPlan {
	instrumentCode: string;
	/** Every indicator in instrument order. */
	codes: string[];
	index: Map<string, number>;
	/** Scored indicators (weight above 0 in an aspect of weight above 0) must be on every sheet. */
	required: boolean[];
}

export function scoreImportPlan(def: InstrumentDef): ScoreImportPlan {
	const codes: string[] = [];
	const required: boolean[] = [];
	for (const aspect of def.aspects)
		for (const ind of aspect.indicators) {
			codes.push(ind.code);
			required.push(aspect.weight > 0 && ind.weight > 0);
		}
	return { instrumentCode: def.code, codes, index: new Map(codes.map((c, i) => [c, i])), required };
}

/** The accepted row just read; one object reused for every row (millions of rows). */
export interface ScoreRow {
	sheet: number;
	newSheet: boolean;
	indicator: number;
	score: number;
	note: string | null;
}

const EMAIL = /^[^\s@,;"]+@[^\s@,;"]+\.[^\s@,;"]+$/;

export class ScoreImport {
	/** The first problems found (at most `kept` at a time), in the order found. */
	readonly problems: ImportProblem[] = [];
	/** Every problem found, those not kept included. */
	problemCount = 0;
	private columns: ColumnMap<ScoreColumn> | null = null;
	private readonly k: number;
	private readonly sheetIndex = new Map<string, number>();
	/** Each assessor email once, as its own string (see addSheet). */
	private readonly emails = new Map<string, string>();
	/** Per sheet: unit code, visit number, assessor email (lower case), first row. */
	readonly sheetUnit: string[] = [];
	readonly sheetVisit: number[] = [];
	readonly sheetEmail: string[] = [];
	readonly sheetFirstLine: number[] = [];
	private lines = new Int32Array(0);
	private scores = new Int8Array(0);
	private readonly row: ScoreRow = { sheet: -1, newSheet: false, indicator: -1, score: 0, note: null };
	private last = { unit: '', visit: '', email: '', sheet: -1 };
	private nextIndicator = 0;

	constructor(
		private readonly plan: ScoreImportPlan,
		/** Null when the unit may be scored in this period, else the reason it may not. */
		private readonly checkUnit: (code: string) => string | null,
		/** Problems kept in `problems`: a file for the wrong period has one on each of millions of rows. */
		private readonly kept = Infinity
	) {
		this.k = plan.codes.length;
	}

	get sheetCount(): number {
		return this.sheetUnit.length;
	}

	problem(line: number, reason: string): void {
		this.problemCount++;
		if (this.problems.length < this.kept) this.problems.push({ line, reason });
	}

	/** Reads the header line; false (with a problem on line 1) when it is empty or wrong. */
	header(cells: readonly string[], line: number): boolean {
		const read = readHeader(cells, SCORE_COLUMNS);
		if ('problems' in read) {
			for (const p of read.problems) this.problem(line, p);
			return false;
		}
		this.columns = read.columns;
		return true;
	}

	/** Validates one data row; the accepted score, or null (problem recorded, or a blank row). */
	accept(cells: readonly string[], line: number): ScoreRow | null {
		const col = this.columns;
		if (!col) throw new Error('header() first');
		const unit = cellOf(cells, col.unit_code);
		const visit = cellOf(cells, col.visit_no);
		const email = cellOf(cells, col.assessor_email);
		const code = cellOf(cells, col.indicator_code);
		const raw = cellOf(cells, col.score);
		if (unit === '' && visit === '' && email === '' && code === '' && raw === '' && isBlankRecord(cells))
			return null;
		const before = this.problemCount;

		let sheet = -1;
		let newSheet = false;
		if (unit === this.last.unit && visit === this.last.visit && email === this.last.email) {
			sheet = this.last.sheet;
		} else {
			const unitProblem = unit === '' ? 'kode unit kosong' : this.checkUnit(unit);
			if (unitProblem) this.problem(line, unitProblem);
			const visitNo = /^\d+$/.test(visit) ? Number(visit) : NaN;
			if (!(visitNo >= 1))
				this.problem(line, `nomor kunjungan harus bilangan bulat minimal 1 (kini "${visit}")`);
			if (!EMAIL.test(email)) this.problem(line, `email penilai tidak sah: "${email}"`);
			if (this.problemCount === before) {
				const lower = email.toLowerCase();
				const key = `${unit}\u0000${visitNo}\u0000${lower}`;
				const found = this.sheetIndex.get(key);
				if (found === undefined) {
					sheet = this.addSheet(key, unit, visitNo, lower, line);
					newSheet = true;
				} else sheet = found;
				this.last = { unit, visit, email, sheet };
			}
		}

		// A sheet's rows usually follow the instrument: comparing with the expected code is cheaper
		// than hashing every row's fresh string for the map.
		const next = this.nextIndicator;
		const indicator = this.plan.codes[next] === code ? next : this.plan.index.get(code);
		if (indicator === undefined) {
			this.problem(
				line,
				code === ''
					? 'kode indikator kosong'
					: `indikator "${code}" tidak ada dalam instrumen ${this.plan.instrumentCode} periode ini`
			);
		}
		const score = raw.length === 1 ? raw.charCodeAt(0) - 48 : -1;
		if (!(score >= 0 && score <= 5))
			this.problem(line, `nilai harus bilangan bulat 0 sampai 5 (kini "${raw}")`);
		const note = col.note >= 0 ? cellOf(cells, col.note) : '';
		if ((score === 0 || score === 5) && note === '') {
			this.problem(line, `nilai ${score} wajib disertai catatan (kolom note)`);
		}
		if (note !== '' && hasUnsafeCharacters(note)) this.problem(line, unsafeCellReason('note', col.note));
		if (sheet >= 0 && indicator !== undefined) {
			const slot = sheet * this.k + indicator;
			const earlier = this.lines[slot];
			if (earlier !== 0) {
				this.problem(
					line,
					`baris ganda: unit ${unit} kunjungan ${visit} penilai ${email} indikator ${code} sudah ada di baris ${earlier}`
				);
			} else {
				this.lines[slot] = line;
				if (score >= 0 && score <= 5) this.scores[slot] = score;
			}
		}
		if (indicator !== undefined) this.nextIndicator = indicator + 1;
		if (this.problemCount !== before) return null;
		const row = this.row;
		row.sheet = sheet;
		row.newSheet = newSheet;
		row.indicator = indicator!;
		row.score = score;
		row.note = note === '' ? null : note;
		return row;
	}

	/** Sheets that miss scored indicators, each cited at its first row (call after the last row). */
	checkSheetsComplete(): void {
		const { k, plan } = this;
		for (let s = 0; s < this.sheetCount; s++) {
			const missing: string[] = [];
			for (let i = 0; i < k; i++)
				if (plan.required[i] && this.lines[s * k + i] === 0) missing.push(plan.codes[i]);
			if (missing.length) {
				const shown = missing.length > 8 ? `${missing.slice(0, 8).join(', ')}, ...` : missing.join(', ');
				this.problem(
					this.sheetFirstLine[s],
					`lembar unit ${this.sheetUnit[s]} kunjungan ${this.sheetVisit[s]} penilai ${this.sheetEmail[s]} belum menilai ${missing.length} indikator: ${shown}`
				);
			}
		}
	}

	/** Scores of a sheet keyed by indicator code (absent optional indicators left out). */
	sheetScores(sheet: number): Record<string, number> {
		const out: Record<string, number> = {};
		const base = sheet * this.k;
		for (let i = 0; i < this.k; i++)
			if (this.lines[base + i] !== 0) out[this.plan.codes[i]] = this.scores[base + i];
		return out;
	}

	/** Σ w_i·s_i per scored aspect of a sheet that passed checkSheetsComplete, into out (see plannedAspectSums). */
	sheetAspectSums(sheet: number, sums: AspectSumPlan, out: Float64Array): void {
		plannedAspectSums(sums, this.scores, sheet * this.k, out);
	}

	private addSheet(key: string, unit: string, visitNo: number, email: string, line: number): number {
		const s = this.sheetUnit.length;
		this.sheetIndex.set(key, s);
		this.sheetUnit.push(unit);
		this.sheetVisit.push(visitNo);
		// A cell may be a slice of the whole chunk of file text it was read from; kept per sheet it
		// would keep every chunk, i.e. the whole file, alive until the import ends (README,
		// "Benchmark": memory). One flat copy per distinct email instead.
		let kept = this.emails.get(email);
		if (kept === undefined) this.emails.set((kept = flatCopy(email)), kept);
		this.sheetEmail.push(kept);
		this.sheetFirstLine.push(line);
		const need = (s + 1) * this.k;
		if (need > this.lines.length) {
			const cap = Math.max(need, this.lines.length * 2, 64 * this.k);
			const lines = new Int32Array(cap);
			lines.set(this.lines);
			const scores = new Int8Array(cap);
			scores.set(this.scores);
			this.lines = lines;
			this.scores = scores;
		}
		return s;
	}
}

/** A copy of s that shares no memory with a larger string (split() cells may be slices of a chunk). */
function flatCopy(s: string): string {
	return s.split('').join('');
}

/** Problems sorted by line; problems of one line keep their order. */
export function sortProblems(problems: readonly ImportProblem[]): ImportProblem[] {
	return problems
		.map((p, i) => ({ p, i }))
		.sort((a, b) => a.p.line - b.p.line || a.i - b.i)
		.map((x) => x.p);
}

export function formatProblem(p: ImportProblem): string {
	return `baris ${p.line}: ${p.reason}`;
}
