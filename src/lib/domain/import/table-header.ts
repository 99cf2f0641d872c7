// Header line of an imported table: which column holds which field (README: imported files).

export interface HeaderSpec<K extends string> {
	required: readonly K[];
	optional: readonly K[];
}

export type ColumnMap<K extends string> = Record<K, number>;

/**
 * Maps column names (any order, case and surrounding spaces ignored) to positions.
 * Returns the problems of an empty or wrong header instead when there are any.
 */
export function readHeader<K extends string>(
	cells: readonly string[],
	spec: HeaderSpec<K>
): { columns: ColumnMap<K> } | { problems: string[] } {
	const names = cells.map((c) => c.trim().toLowerCase());
	if (names.every((n) => n === '')) {
		return {
			problems: [
				`baris judul kosong; kolom yang diharapkan: ${[...spec.required, ...spec.optional].join(',')}`
			]
		};
	}
	const known = new Set<string>([...spec.required, ...spec.optional]);
	const problems: string[] = [];
	const columns = {} as ColumnMap<K>;
	for (const [i, name] of names.entries()) {
		if (name === '') continue;
		if (!known.has(name)) problems.push(`kolom "${cells[i].trim()}" tidak dikenal`);
		else if (columns[name as K] !== undefined) problems.push(`kolom "${name}" muncul dua kali`);
		else columns[name as K] = i;
	}
	const missing = spec.required.filter((k) => columns[k] === undefined);
	if (missing.length) problems.push(`kolom wajib tidak ada: ${missing.join(', ')}`);
	if (problems.length) {
		problems.push(`baris judul harus berisi: ${[...spec.required, ...spec.optional].join(',')}`);
		return { problems: [problems.join('; ')] };
	}
	for (const k of spec.optional) if (columns[k] === undefined) columns[k] = -1;
	return { columns };
}

/** Cell of a column, trimmed; '' when the column is absent (-1) or the row is short. */
export function cellOf(cells: readonly string[], column: number): string {
	if (column < 0 || column >= cells.length) return '';
	const v = cells[column];
	return v.length > 0 && (v.charCodeAt(0) <= 32 || v.charCodeAt(v.length - 1) <= 32) ? v.trim() : v;
}

/** True for a record with no content (a blank spreadsheet row). */
export function isBlankRecord(cells: readonly string[]): boolean {
	for (const c of cells) if (c.trim() !== '') return false;
	return true;
}
