import { checkColumns, lineProblem, type TabularData } from './tabular';

// Import of units (README: `import-units FILE`): columns code,name,category and optional parent;
// categories are created by name when missing; existing codes are updated.

// No `/`: a code is a path segment (/unit/{code}/rapor/...), and a slash would split it.
export const UNIT_CODE = /^[A-Z0-9][A-Z0-9._-]{0,39}$/;

export interface ExistingUnit {
	code: string;
	name: string;
	category: string;
	parentCode: string | null;
}

export type ImportAction = 'create' | 'update' | 'unchanged';

export interface UnitImportItem {
	line: number;
	code: string;
	name: string;
	category: string;
	parentCode: string | null;
	action: ImportAction;
}

export interface UnitImportPlan {
	items: UnitImportItem[];
	newCategories: string[];
}

export type UnitImportCheck = { ok: true; plan: UnitImportPlan } | { ok: false; problems: string[] };

export function normalizeUnitCode(raw: string): string {
	return raw.trim().toUpperCase();
}

export function planUnitImport(
	data: TabularData,
	existingUnits: readonly ExistingUnit[],
	existingCategories: readonly string[]
): UnitImportCheck {
	const problems = checkColumns(data, ['code', 'name', 'category'], ['parent']);
	if (problems.length) return { ok: false, problems };
	if (data.rows.length === 0)
		return { ok: false, problems: [lineProblem(data.headerLine, 'tidak ada baris data')] };
	const units = new Map(existingUnits.map((u) => [u.code, u]));
	// Category names match case-insensitively, keeping the spelling already in use.
	const categories = new Map(existingCategories.map((c) => [c.toLowerCase(), c]));
	const newCategories: string[] = [];
	const firstLineOf = new Map<string, number>();
	const items: UnitImportItem[] = [];
	for (const { line, cells } of data.rows) {
		const code = normalizeUnitCode(cells.code ?? '');
		const name = (cells.name ?? '').replace(/\s+/g, ' ');
		const categoryRaw = (cells.category ?? '').replace(/\s+/g, ' ');
		const parentRaw = normalizeUnitCode(cells.parent ?? '');
		const here: string[] = [];
		if (code === '') here.push('kode unit kosong');
		else if (!UNIT_CODE.test(code))
			here.push(
				`kode unit "${cells.code}" tidak valid (huruf, angka, titik, garis bawah atau tanda hubung, tanpa garis miring; maks. 40)`
			);
		if (name.length < 3) here.push('nama unit kosong atau kurang dari 3 karakter');
		else if (name.length > 200) here.push('nama unit lebih dari 200 karakter');
		if (categoryRaw === '') here.push('kategori kosong');
		else if (categoryRaw.length > 80) here.push('nama kategori lebih dari 80 karakter');
		if (parentRaw !== '' && !UNIT_CODE.test(parentRaw)) here.push(`kode induk "${cells.parent}" tidak valid`);
		if (parentRaw !== '' && parentRaw === code) here.push('unit tidak boleh menjadi induk dirinya sendiri');
		const earlier = firstLineOf.get(code);
		if (code !== '' && earlier !== undefined) here.push(`kode ${code} sudah ada di baris ${earlier}`);
		else if (code !== '') firstLineOf.set(code, line);
		if (here.length) {
			problems.push(...here.map((r) => lineProblem(line, r)));
			continue;
		}
		let category = categories.get(categoryRaw.toLowerCase());
		if (!category) {
			category = categoryRaw;
			categories.set(categoryRaw.toLowerCase(), category);
			newCategories.push(category);
		}
		const parentCode = parentRaw === '' ? null : parentRaw;
		const old = units.get(code);
		const action: ImportAction = !old
			? 'create'
			: old.name === name && old.category === category && old.parentCode === parentCode
				? 'unchanged'
				: 'update';
		items.push({ line, code, name, category, parentCode, action });
	}
	return problems.length ? { ok: false, problems } : { ok: true, plan: { items, newCategories } };
}
