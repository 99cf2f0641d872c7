import type { ImportProblem } from './score-import';
import { cellOf, isBlankRecord, readHeader } from './table-header';

// Validation of an imported unit list (contracts: `import-units`): code, name, category and
// an optional parent code. Whole-file checks only; the database decides insert or update.

export const UNIT_COLUMNS = {
	required: ['code', 'name', 'category'] as const,
	optional: ['parent'] as const
};

export interface UnitImportRow {
	line: number;
	code: string;
	name: string;
	category: string;
	parent: string | null;
}

const CODE = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,39}$/;

export function validateUnitRecords(records: readonly { cells: readonly string[]; line: number }[]): {
	rows: UnitImportRow[];
	problems: ImportProblem[];
} {
	const problems: ImportProblem[] = [];
	const rows: UnitImportRow[] = [];
	if (records.length === 0)
		return { rows, problems: [{ line: 1, reason: 'berkas kosong: baris judul tidak ada' }] };
	const head = readHeader(records[0].cells, UNIT_COLUMNS);
	if ('problems' in head)
		return { rows, problems: head.problems.map((reason) => ({ line: records[0].line, reason })) };
	const col = head.columns;
	const seen = new Map<string, number>();
	for (const { cells, line } of records.slice(1)) {
		if (isBlankRecord(cells)) continue;
		const code = cellOf(cells, col.code);
		const name = cellOf(cells, col.name);
		const category = cellOf(cells, col.category);
		const parent = cellOf(cells, col.parent);
		const before = problems.length;
		if (!CODE.test(code))
			problems.push({
				line,
				reason: `kode unit "${code}" tidak sah (huruf, angka, titik, garis bawah atau tanda hubung, tanpa garis miring; maks. 40)`
			});
		if (name === '' || name.length > 200)
			problems.push({ line, reason: 'nama unit wajib diisi (maks. 200 karakter)' });
		if (category === '' || category.length > 80)
			problems.push({ line, reason: 'kategori wajib diisi (maks. 80 karakter)' });
		if (parent !== '' && !CODE.test(parent))
			problems.push({ line, reason: `kode induk "${parent}" tidak sah` });
		const earlier = seen.get(code);
		if (code !== '' && earlier !== undefined) {
			problems.push({ line, reason: `baris ganda: kode unit ${code} sudah ada di baris ${earlier}` });
		} else if (code !== '') seen.set(code, line);
		if (problems.length === before)
			rows.push({ line, code, name, category, parent: parent === '' ? null : parent });
	}
	if (records.length === 1 || (rows.length === 0 && problems.length === 0))
		problems.push({ line: 1, reason: 'berkas tidak berisi baris unit' });
	return { rows, problems };
}
