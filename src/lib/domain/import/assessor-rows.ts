import { AFFILIATION_TYPES, type AffiliationType } from '../auth/user';
import { checkColumns, lineProblem, type TabularData } from './tabular';
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
	existing: readonly ExistingAccount[]
): AssessorImportCheck {
	const problems = checkColumns(data, ['email', 'name'], ['affiliation_type', 'affiliation_name', 'phone']);
	if (problems.length) return { ok: false, problems };
	if (data.rows.length === 0)
		return { ok: false, problems: [lineProblem(data.headerLine, 'tidak ada baris data')] };
	const accounts = new Map(existing.map((a) => [a.email, a]));
	const firstLineOf = new Map<string, number>();
	const items: AssessorImportItem[] = [];
	for (const { line, cells } of data.rows) {
		const email = (cells.email ?? '').trim().toLowerCase();
		const name = (cells.name ?? '').replace(/\s+/g, ' ');
		const typeRaw = (cells.affiliation_type ?? '').trim().toLowerCase();
		const here: string[] = [];
		if (!EMAIL.test(email)) here.push(email === '' ? 'email kosong' : `email "${cells.email}" tidak valid`);
		if (name.length < 2) here.push('nama kosong atau kurang dari 2 karakter');
		else if (name.length > 200) here.push('nama lebih dari 200 karakter');
		const affiliationType = typeRaw === '' ? null : (AFFILIATION_WORDS[typeRaw] ?? null);
		if (typeRaw !== '' && !affiliationType)
			here.push(`jenis afiliasi "${cells.affiliation_type}" tidak dikenal (${AFFILIATION_TYPES.join(', ')})`);
		const earlier = firstLineOf.get(email);
		if (email !== '' && earlier !== undefined) here.push(`email ${email} sudah ada di baris ${earlier}`);
		else if (email !== '') firstLineOf.set(email, line);
		const old = accounts.get(email);
		if (old && old.role !== 'assessor')
			here.push(`email ${email} sudah dipakai akun dengan peran lain (${old.role})`);
		if (here.length) {
			problems.push(...here.map((r) => lineProblem(line, r)));
			continue;
		}
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
	return problems.length ? { ok: false, problems } : { ok: true, items };
}
