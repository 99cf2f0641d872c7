import { unsafeTextReason } from '../text-safety';
import { describeSubmissionProblem, type SubmissionProblem } from '../survey/submission';

// A problem of one row of an imported table (units, assessors, complaints) as a message code and
// its parameters, so that the page can word it in the reader's language (README "Where
// translation happens"): the server passes its Paraglide wording to the import functions. The
// Indonesian here is their default for callers outside a request and must read exactly like
// messages/import-rows/id.json (an integration test compares the two for every code).

type NoParams = Record<string, never>;

export interface RowReasons {
	srv_row_file_empty: NoParams;
	srv_row_cell_unsafe: { column: string };
	srv_row_cell_unsafe_nth: { index: number };
	srv_row_columns_missing: { columns: string };
	srv_row_columns_unknown: { columns: string; known: string };
	srv_row_column_twice: { column: string };
	srv_row_no_data: NoParams;
	srv_row_unit_code_empty: NoParams;
	srv_row_unit_code_invalid: { value: string };
	srv_row_unit_name_short: NoParams;
	srv_row_unit_name_long: NoParams;
	srv_row_category_empty: NoParams;
	srv_row_category_long: NoParams;
	srv_row_parent_invalid: { value: string };
	srv_row_parent_self: NoParams;
	srv_row_code_repeated: { code: string; line: number };
	srv_row_email_empty: NoParams;
	srv_row_email_invalid: { value: string };
	srv_row_name_short: NoParams;
	srv_row_name_long: NoParams;
	srv_row_affiliation_unknown: { value: string; known: string };
	srv_row_email_repeated: { email: string; line: number };
	srv_row_email_other_role: { email: string; role: string };
	srv_row_ticket_empty: NoParams;
	srv_row_ticket_long: { max: number };
	srv_row_unit_unknown: { code: string };
	srv_row_received_empty: NoParams;
	srv_row_received_invalid: { value: string };
	srv_row_received_future: { date: string };
	srv_row_closed_invalid: { value: string };
	srv_row_closed_before: { closed: string; received: string };
	srv_row_closed_future: { date: string };
	srv_row_channel_long: { max: number };
	srv_row_paper_none: NoParams;
	srv_row_paper_columns_unknown: { columns: string };
	srv_row_paper_unit_outside: { code: string };
	srv_row_paper_date_invalid: { value: string };
	srv_row_paper_date_outside: { date: string; from: string; to: string };
	/** One answer of a questionnaire (u1..u9, profile, suggestion): worded by submission problem. */
	srv_row_paper_field: { field: string; problem: SubmissionProblem };
}

export type RowReasonCode = keyof RowReasons;

export type RowProblem = {
	[K in RowReasonCode]: { line: number; code: K; params: RowReasons[K] };
}[RowReasonCode];

/** Turns a problem into the line a page or the command line shows. */
export type RowWording = (problem: RowProblem) => string;

export function rowProblem<K extends RowReasonCode>(
	line: number,
	code: K,
	params: RowReasons[K]
): RowProblem {
	return { line, code, params } as RowProblem;
}

const ID: { [K in RowReasonCode]: (p: RowReasons[K]) => string } = {
	srv_row_file_empty: () => 'berkas kosong: baris judul kolom tidak ditemukan',
	srv_row_cell_unsafe: (p) => unsafeTextReason(`kolom ${p.column}`),
	srv_row_cell_unsafe_nth: (p) => unsafeTextReason(`kolom ke-${p.index}`),
	srv_row_columns_missing: (p) => `kolom wajib tidak ada: ${p.columns}`,
	srv_row_columns_unknown: (p) => `kolom tidak dikenal: ${p.columns} (yang dikenal: ${p.known})`,
	srv_row_column_twice: (p) => `kolom ${p.column} muncul dua kali`,
	srv_row_no_data: () => 'tidak ada baris data',
	srv_row_unit_code_empty: () => 'kode unit kosong',
	srv_row_unit_code_invalid: (p) =>
		`kode unit "${p.value}" tidak valid (huruf, angka, titik, garis bawah atau tanda hubung, tanpa garis miring; maks. 40)`,
	srv_row_unit_name_short: () => 'nama unit kosong atau kurang dari 3 karakter',
	srv_row_unit_name_long: () => 'nama unit lebih dari 200 karakter',
	srv_row_category_empty: () => 'kategori kosong',
	srv_row_category_long: () => 'nama kategori lebih dari 80 karakter',
	srv_row_parent_invalid: (p) => `kode induk "${p.value}" tidak valid`,
	srv_row_parent_self: () => 'unit tidak boleh menjadi induk dirinya sendiri',
	srv_row_code_repeated: (p) => `kode ${p.code} sudah ada di baris ${p.line}`,
	srv_row_email_empty: () => 'email kosong',
	srv_row_email_invalid: (p) => `email "${p.value}" tidak valid`,
	srv_row_name_short: () => 'nama kosong atau kurang dari 2 karakter',
	srv_row_name_long: () => 'nama lebih dari 200 karakter',
	srv_row_affiliation_unknown: (p) => `jenis afiliasi "${p.value}" tidak dikenal (${p.known})`,
	srv_row_email_repeated: (p) => `email ${p.email} sudah ada di baris ${p.line}`,
	srv_row_email_other_role: (p) => `email ${p.email} sudah dipakai akun dengan peran lain (${p.role})`,
	srv_row_ticket_empty: () => 'nomor tiket kosong',
	srv_row_ticket_long: (p) => `nomor tiket lebih dari ${p.max} karakter`,
	srv_row_unit_unknown: (p) => `unit ${p.code} tidak dikenal`,
	srv_row_received_empty: () => 'tanggal diterima kosong',
	srv_row_received_invalid: (p) => `tanggal diterima "${p.value}" bukan YYYY-MM-DD`,
	srv_row_received_future: (p) => `tanggal diterima ${p.date} ada di masa depan`,
	srv_row_closed_invalid: (p) =>
		`tanggal selesai "${p.value}" bukan YYYY-MM-DD (kosongkan bila belum selesai)`,
	srv_row_closed_before: (p) => `tanggal selesai ${p.closed} sebelum tanggal diterima ${p.received}`,
	srv_row_closed_future: (p) => `tanggal selesai ${p.date} ada di masa depan`,
	srv_row_channel_long: (p) => `kanal lebih dari ${p.max} karakter`,
	srv_row_paper_none: () => 'tidak ada kuesioner yang diisi',
	srv_row_paper_columns_unknown: (p) => `kolom tidak dikenal: ${p.columns}`,
	srv_row_paper_unit_outside: (p) => `unit ${p.code} tidak termasuk periode ini`,
	srv_row_paper_date_invalid: (p) => `tanggal "${p.value}" tidak valid (TTTT-BB-HH atau HH/BB/TTTT)`,
	srv_row_paper_date_outside: (p) => `tanggal ${p.date} di luar jendela survei ${p.from} s.d. ${p.to}`,
	srv_row_paper_field: (p) => describeSubmissionProblem(p.field, p.problem)
};

/** The reason alone, in Indonesian. */
export function rowReasonIndonesian(p: RowProblem): string {
	return (ID[p.code] as (params: RowProblem['params']) => string)(p.params);
}

/**
 * "baris 4: nama unit kosong atau kurang dari 3 karakter": the default wording. Line 0 is the
 * whole file (a paper import without any questionnaire): the reason alone.
 */
export const rowProblemIndonesian: RowWording = (p) =>
	p.line > 0 ? `baris ${p.line}: ${rowReasonIndonesian(p)}` : rowReasonIndonesian(p);

/** Collects one row's problems into the import's list; `found` tells whether this row had any. */
export function rowChecker(into: RowProblem[], line: number) {
	const start = into.length;
	return {
		add<K extends RowReasonCode>(reason: K, params: RowReasons[K]): void {
			into.push(rowProblem(line, reason, params));
		},
		get found(): boolean {
			return into.length > start;
		}
	};
}
