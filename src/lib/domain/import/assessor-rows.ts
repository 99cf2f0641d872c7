import { AFFILIATION_TYPES, type AffiliationType } from '../auth/user';
import { checkTable, type TabularData } from './tabular';
import { rowChecker, rowProblemIndonesian, type RowWording } from './row-problem';
import type { ImportAction } from './unit-rows';

// Import of assessors: columns email,name and optional affiliation_type, affiliation_name, phone.
// New emails become assessor accounts that cannot sign in until an admin sets a password.

export interface ExistingAccount {
	email: string;
	role: string;
	name: string;
	affiliationType: AffiliationType | null;
	affiliationName: string | null;
}

export interface AssessorImportItem {
	line: number;
	email: string;
	name: string;
	affiliationType: AffiliationType | null;
	affiliationName: string | null;
	phone: string | null;
	action: ImportAction;
}

export type AssessorImportCheck =
	{ ok: true; items: AssessorImportItem[] } | { ok: false; problems: string[] };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

// Spreadsheet users write the Indonesian labels as often as the codes.
const AFFILIATION_WORDS: Record<string, AffiliationType> = {
	university: 'university',
	'perguruan tinggi': 'university',
	universitas: 'university',
	kampus: 'university',
	student_board: 'student_board',
	bem: 'student_board',
	mahasiswa: 'student_board',
	other: 'other',
	lainnya: 'other',
	lain: 'other'
};

export function planAssessorImport(
	data: TabularData,
	existing: readonly ExistingAccount[],
	word: RowWording = rowProblemIndonesian
): AssessorImportCheck {
	const problems = checkTable(data, ['email', 'name'], ['affiliation_type', 'affiliation_name', 'phone']);
	if (problems.length) return { ok: false, problems: problems.map(word) };
	const accounts = new Map(existing.map((a) => [a.email, a]));
	const firstLineOf = new Map<string, number>();
	const items: AssessorImportItem[] = [];
	for (const { line, cells } of data.rows) {
		const email = (cells.email ?? '').trim().toLowerCase();
		const name = (cells.name ?? '').replace(/\s+/g, ' ');
		const typeRaw = (cells.affiliation_type ?? '').trim().toLowerCase();
		const here = rowChecker(problems, line);
		if (email === '') here.add('srv_row_email_empty', {});
		else if (!EMAIL.test(email)) here.add('srv_row_email_invalid', { value: cells.email ?? '' });
		if (name.length < 2) here.add('srv_row_name_short', {});
		else if (name.length > 200) here.add('srv_row_name_long', {});
		const affiliationType = typeRaw === '' ? null : (AFFILIATION_WORDS[typeRaw] ?? null);
		if (typeRaw !== '' && !affiliationType)
			here.add('srv_row_affiliation_unknown', {
				value: cells.affiliation_type ?? '',
				known: AFFILIATION_TYPES.join(', ')
			});
		const earlier = firstLineOf.get(email);
		if (email !== '' && earlier !== undefined) here.add('srv_row_email_repeated', { email, line: earlier });
		else if (email !== '') firstLineOf.set(email, line);
		const old = accounts.get(email);
		if (old && old.role !== 'assessor') here.add('srv_row_email_other_role', { email, role: old.role });
		if (here.found) continue;
		const affiliationName = (cells.affiliation_name ?? '').trim() || null;
		const action: ImportAction = !old
			? 'create'
			: old.name === name &&
				  old.affiliationType === affiliationType &&
				  old.affiliationName === affiliationName
				? 'unchanged'
				: 'update';
		items.push({
			line,
			email,
			name,
			affiliationType,
			affiliationName,
			phone: (cells.phone ?? '').trim() || null,
			action
		});
	}
	return problems.length ? { ok: false, problems: problems.map(word) } : { ok: true, items };
}
