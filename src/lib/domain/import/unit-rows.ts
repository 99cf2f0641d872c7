import { checkTable, type TabularData } from './tabular';
import { rowChecker, rowProblemIndonesian, type RowWording } from './row-problem';

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
	existingCategories: readonly string[],
	word: RowWording = rowProblemIndonesian
): UnitImportCheck {
	const problems = checkTable(data, ['code', 'name', 'category'], ['parent']);
	if (problems.length) return { ok: false, problems: problems.map(word) };
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
		const here = rowChecker(problems, line);
		if (code === '') here.add('srv_row_unit_code_empty', {});
		else if (!UNIT_CODE.test(code)) here.add('srv_row_unit_code_invalid', { value: cells.code ?? '' });
		if (name.length < 3) here.add('srv_row_unit_name_short', {});
		else if (name.length > 200) here.add('srv_row_unit_name_long', {});
		if (categoryRaw === '') here.add('srv_row_category_empty', {});
		else if (categoryRaw.length > 80) here.add('srv_row_category_long', {});
		if (parentRaw !== '' && !UNIT_CODE.test(parentRaw))
			here.add('srv_row_parent_invalid', { value: cells.parent ?? '' });
		if (parentRaw !== '' && parentRaw === code) here.add('srv_row_parent_self', {});
		const earlier = firstLineOf.get(code);
		if (code !== '' && earlier !== undefined) here.add('srv_row_code_repeated', { code, line: earlier });
		else if (code !== '') firstLineOf.set(code, line);
		if (here.found) continue;
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
	return problems.length
		? { ok: false, problems: problems.map(word) }
		: { ok: true, plan: { items, newCategories } };
}
