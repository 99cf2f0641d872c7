// The access table of the application (README "Pages"): every route and form action, and what
// each identity gets. tests/e2e/access-matrix.test.ts walks src/routes and fails on a route or
// action without a row, then requests every row as every identity against the built app.
//
// Identities: anonymous; admin; viewer; the assessor of the visit and another assessor; the head
// of the unit (Kelurahan Mrican, KEL-18) and another unit's head (PKM-01).
// Statuses: 200 allowed; 303 to /login (signed out); 403 refused; 404 not visible (hidden on
// purpose: blind scoring, or a unit that is not one's own). Action rows: 'ok' means "allowed"
// (the action is not fired by the matrix, so it writes nothing); every other identity is
// requested with an empty form and must be refused with the given status.

export const IDENTITIES = [
	'anon',
	'admin',
	'viewer',
	'assessor',
	'otherAssessor',
	'head',
	'otherHead'
] as const;
export type Identity = (typeof IDENTITIES)[number];
export type Expect = 200 | 303 | 400 | 403 | 404 | 'ok';
export type Row = {
	route: string;
	action?: string;
	path: string;
	expect: Record<Identity, Expect>;
	secrets?: Partial<Record<Identity, string[]>>;
};

const who = (
	anon: Expect,
	admin: Expect,
	viewer: Expect,
	assessor: Expect,
	otherAssessor: Expect,
	head: Expect,
	otherHead: Expect
) => ({ anon, admin, viewer, assessor, otherAssessor, head, otherHead }) as Record<Identity, Expect>;

const ADMIN = who(303, 200, 403, 403, 403, 403, 403);
const ADMIN_ACT = who(303, 'ok', 403, 403, 403, 403, 403);
const SIGNED_IN = who(303, 200, 200, 200, 200, 200, 200);
const EVERYONE = who(200, 200, 200, 200, 200, 200, 200);

/** Concrete values for the route parameters, read from the demo database at test time. */
export interface Params {
	visit: number;
	scheduleVisit: number;
	user: number;
	plan: number;
	progress: number;
	evidence: number;
	/** A file sent with an objection of the head's unit (KEL-18), in an unpublished period. */
	objectionEvidence: number;
	token: string;
	/** A unit awarded in the published period MPP-2025 (its certificate exists). */
	winner: string;
}

// Another unit's name that must never show on the head's own pages, and vice versa.
const MRICAN = 'Mrican';
const SELATAN = 'Wilayah Selatan';

export function accessTable(p: Params): Row[] {
	const admin = (route: string, path: string, actions: string[] = []): Row[] => [
		{ route, path, expect: ADMIN },
		...actions.map((action) => ({ route, action, path, expect: ADMIN_ACT }))
	];
	// Office pages the viewer reads too (readsOfficeData); their actions stay the administrator's.
	const read = (route: string, path: string, actions: string[] = []): Row[] => [
		{ route, path, expect: who(303, 200, 200, 403, 403, 403, 403) },
		...actions.map((action) => ({ route, action, path, expect: ADMIN_ACT }))
	];
	return [
		{ route: '/', path: '/', expect: who(200, 303, 303, 303, 303, 303, 303) },
		{ route: '/login', path: '/login', expect: who(200, 303, 303, 303, 303, 303, 303) },
		{
			route: '/login',
			action: 'default',
			path: '/login',
			expect: who('ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok')
		},
		{ route: '/logout', path: '/logout', expect: who(303, 303, 303, 303, 303, 303, 303) },
		{
			route: '/logout',
			action: 'default',
			path: '/logout',
			expect: who('ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok')
		},
		{ route: '/bahasa', path: '/bahasa', expect: who(303, 303, 303, 303, 303, 303, 303) },
		{
			route: '/bahasa',
			action: 'default',
			path: '/bahasa',
			expect: who('ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok')
		},
		{ route: '/lupa-sandi', path: '/lupa-sandi', expect: EVERYONE },
		{
			route: '/lupa-sandi',
			action: 'default',
			path: '/lupa-sandi',
			expect: who('ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok')
		},
		{ route: '/sandi/[token]', path: '/sandi/bukan-tautan-yang-sah', expect: EVERYONE },
		{
			route: '/sandi/[token]',
			action: 'default',
			path: '/sandi/bukan-tautan-yang-sah',
			expect: who('ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok')
		},
		// An unknown code is a page that says so, for everyone.
		{ route: '/verifikasi/[code]', path: '/verifikasi/TIDAK-ADA', expect: EVERYONE },
		{ route: '/healthz', path: '/healthz', expect: EVERYONE },
		{ route: '/manifest.webmanifest', path: '/manifest.webmanifest', expect: EVERYONE },
		// Rendered in the browser from the device's own copy (ssr = false): the shell holds no data.
		{ route: '/luring', path: '/luring', expect: EVERYONE },
		{ route: '/akun', path: '/akun', expect: SIGNED_IN },
		{
			route: '/akun',
			action: 'default',
			path: '/akun',
			expect: who(303, 'ok', 'ok', 'ok', 'ok', 'ok', 'ok')
		},
		{ route: '/instrumen', path: '/instrumen', expect: SIGNED_IN },
		{ route: '/instrumen/[code]', path: '/instrumen/permenpan-17-2017', expect: SIGNED_IN },
		{ route: '/pimpinan', path: '/pimpinan', expect: who(303, 200, 200, 403, 403, 403, 403) },
		{ route: '/penilaian', path: '/penilaian', expect: who(303, 403, 403, 200, 200, 403, 403) },
		// survey enumerators only (README "Survey enumerators"); none of these identities is one
		{ route: '/enumerasi', path: '/enumerasi', expect: who(303, 403, 403, 403, 403, 403, 403) },
		{
			route: '/enumerasi/respon',
			action: 'POST',
			path: '/enumerasi/respon',
			expect: who(303, 403, 403, 403, 403, 403, 403)
		},
		{
			route: '/penilaian/[visitId=id]',
			path: `/penilaian/${p.visit}`,
			expect: who(303, 403, 403, 200, 404, 403, 403)
		},
		...['save', 'confirm', 'submit', 'removeEvidence'].map((action) => ({
			route: '/penilaian/[visitId=id]',
			action,
			path: `/penilaian/${p.visit}`,
			expect: who(303, 403, 403, 'ok', 404, 403, 403)
		})),
		{
			route: '/penilaian/[visitId=id]/simpan',
			action: 'POST',
			path: `/penilaian/${p.visit}/simpan`,
			expect: who(303, 403, 403, 'ok', 400, 403, 403)
		},
		{
			route: '/penilaian/[visitId=id]/kirim',
			action: 'POST',
			path: `/penilaian/${p.visit}/kirim`,
			expect: who(303, 403, 403, 'ok', 400, 403, 403)
		},
		{
			route: '/penilaian/[visitId=id]/lembar.pdf',
			path: `/penilaian/${p.visit}/lembar.pdf`,
			expect: who(303, 403, 403, 200, 404, 403, 403)
		},
		{
			route: '/penilaian/luring.json',
			path: '/penilaian/luring.json',
			expect: who(303, 403, 403, 200, 200, 403, 403)
		},
		{
			route: '/penilaian/[visitId=id]/bukti',
			action: 'POST',
			path: `/penilaian/${p.visit}/bukti`,
			expect: who(303, 403, 403, 'ok', 400, 403, 403)
		},
		{
			route: '/penilaian/[visitId=id]/bukti/[evidenceId=id]',
			action: 'DELETE',
			path: `/penilaian/${p.visit}/bukti/${p.evidence}`,
			expect: who(303, 403, 403, 'ok', 404, 403, 403)
		},
		{
			route: '/bukti/[evidenceId=id]',
			path: `/bukti/${p.evidence}`,
			expect: who(303, 200, 404, 200, 404, 404, 404)
		},
		// README "Objection window": the office and the unit's own heads; viewers once published.
		{
			route: '/sanggah/bukti/[evidenceId=id]',
			path: `/sanggah/bukti/${p.objectionEvidence}`,
			expect: who(303, 200, 404, 404, 404, 200, 404)
		},
		{
			route: '/unit',
			path: '/unit',
			expect: who(303, 403, 403, 403, 403, 200, 200),
			secrets: { head: [SELATAN], otherHead: [MRICAN] }
		},
		{
			route: '/unit/[unitCode]/sanggah/[periodCode]',
			path: '/unit/KEL-18/sanggah/MPP-2026',
			expect: who(303, 403, 403, 403, 403, 200, 404)
		},
		{
			route: '/unit/[unitCode]/sanggah/[periodCode]',
			action: 'default',
			path: '/unit/KEL-18/sanggah/MPP-2026',
			expect: who(303, 403, 403, 403, 403, 'ok', 404)
		},
		{
			route: '/unit/[unitCode]/rapor/[periodCode]',
			path: '/unit/KEL-18/rapor/MPP-2025',
			expect: who(303, 200, 200, 403, 403, 200, 403)
		},
		{
			route: '/unit/[unitCode]/rapor/[periodCode].pdf',
			path: '/unit/KEL-18/rapor/MPP-2025.pdf',
			expect: who(303, 200, 200, 403, 403, 200, 403)
		},
		{
			route: '/pembinaan',
			path: '/pembinaan',
			expect: who(303, 200, 200, 403, 403, 200, 200),
			secrets: { head: [SELATAN], otherHead: [MRICAN] }
		},
		{
			route: '/pembinaan/ekspor.xlsx',
			path: '/pembinaan/ekspor.xlsx',
			expect: who(303, 200, 200, 403, 403, 200, 200)
		},
		{
			route: '/pembinaan/[planId=id]',
			path: `/pembinaan/${p.plan}`,
			expect: who(303, 200, 200, 403, 403, 200, 403)
		},
		...['item', 'mentor', 'status', 'review', 'followup'].map((action) => ({
			route: '/pembinaan/[planId=id]',
			action,
			path: `/pembinaan/${p.plan}`,
			expect: who(303, 'ok', 403, 403, 403, 403, 403)
		})),
		{
			route: '/pembinaan/[planId=id]',
			action: 'progress',
			path: `/pembinaan/${p.plan}`,
			expect: who(303, 403, 403, 403, 403, 'ok', 403)
		},
		{
			route: '/pembinaan/[planId=id]/bukti/[progressId=id]',
			path: `/pembinaan/${p.plan}/bukti/${p.progress}`,
			expect: who(303, 200, 200, 403, 403, 200, 403)
		},
		{ route: '/hasil/[code]', path: '/hasil/MPP-2025', expect: EVERYONE },
		{ route: '/hasil/[code]/piagam.pdf', path: '/hasil/MPP-2025/piagam.pdf', expect: EVERYONE },
		{
			route: '/hasil/[code]/piagam/[unit].pdf',
			path: `/hasil/MPP-2025/piagam/${p.winner}.pdf`,
			expect: EVERYONE
		},
		{
			route: '/api/v1/periods/[code]/results',
			path: '/api/v1/periods/MPP-2026/results',
			expect: who(404, 200, 200, 404, 404, 404, 404)
		},
		{
			route: '/api/v1/periods/[code]/results.csv',
			path: '/api/v1/periods/MPP-2026/results.csv',
			expect: who(404, 200, 200, 404, 404, 404, 404)
		},
		{
			route: '/api/v1/periods/[code]/results.xlsx',
			path: '/api/v1/periods/MPP-2026/results.xlsx',
			expect: who(404, 200, 200, 404, 404, 404, 404)
		},
		{
			route: '/api/v1/periods/[code]/ikm',
			path: '/api/v1/periods/MPP-2026/ikm',
			expect: who(404, 200, 200, 404, 404, 404, 404)
		},
		{ route: '/kota/logo', path: '/kota/logo', expect: who(404, 404, 404, 404, 404, 404, 404) },
		{ route: '/survei/[token]', path: `/survei/${p.token}`, expect: EVERYONE },
		{
			route: '/survei/[token]',
			action: 'default',
			path: `/survei/${p.token}`,
			expect: who('ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok')
		},
		{
			route: '/survei/[token]/kirim',
			path: `/survei/${p.token}/kirim`,
			expect: who(303, 303, 303, 303, 303, 303, 303)
		},
		{
			route: '/survei/[token]/kirim',
			action: 'POST',
			path: `/survei/${p.token}/kirim`,
			expect: who('ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok')
		},
		{ route: '/survei/[token]/terima-kasih', path: `/survei/${p.token}/terima-kasih`, expect: EVERYONE },
		...admin('/admin', '/admin'),
		...admin('/admin/audit', '/admin/audit'),
		...admin('/admin/instrumen', '/admin/instrumen', ['clone']),
		...admin('/admin/instrumen/[code]', '/admin/instrumen/permenpan-17-2017', ['default']),
		...admin('/admin/kategori', '/admin/kategori', ['save', 'deactivate', 'reactivate']),
		...admin('/admin/kunjungan', '/admin/kunjungan', ['assign']),
		...admin('/admin/kunjungan/[visitId=id]', `/admin/kunjungan/${p.visit}`, ['reopen', 'remove', 'assign']),
		...admin('/admin/pengaduan/impor', '/admin/pengaduan/impor', ['preview', 'confirm']),
		...admin('/admin/pengaturan', '/admin/pengaturan', ['save', 'logo']),
		...admin('/admin/pengguna', '/admin/pengguna'),
		...admin('/admin/pengguna/[id=id]', `/admin/pengguna/${p.user}`, [
			'edit',
			'deactivate',
			'reactivate',
			'password',
			'addConflict',
			'removeConflict',
			'addDates',
			'removeDate'
		]),
		...admin('/admin/pengguna/baru', '/admin/pengguna/baru', ['default']),
		...admin('/admin/pengguna/undangan', '/admin/pengguna/undangan', ['one', 'all']),
		...admin('/admin/pengguna/impor', '/admin/pengguna/impor', ['preview', 'confirm']),
		...admin('/admin/periode', '/admin/periode'),
		...admin('/admin/periode/baru', '/admin/periode/baru', ['default']),
		...admin('/admin/periode/[code]', '/admin/periode/MPP-2026', ['settings', 'status']),
		{
			route: '/admin/periode/[code]/hasil',
			path: '/admin/periode/MPP-2026/hasil',
			expect: who(303, 200, 200, 403, 403, 403, 403)
		},
		{
			route: '/admin/periode/[code]/triangulasi',
			path: '/admin/periode/MPP-2025/triangulasi',
			expect: who(303, 200, 200, 403, 403, 403, 403)
		},
		...admin('/admin/periode/[code]/jadwal', '/admin/periode/MPP-2026/jadwal', ['preview', 'confirm']),
		...admin('/admin/periode/[code]/jadwal.xlsx', '/admin/periode/MPP-2026/jadwal.xlsx'),
		...admin('/admin/periode/[code]/unit.json', '/admin/periode/MPP-2026/unit.json?q=kel'),
		...admin(
			'/admin/periode/[code]/jadwal/[visitId=id]',
			`/admin/periode/MPP-2026/jadwal/${p.scheduleVisit}`,
			['add', 'remove', 'move']
		),
		// README "Pages": viewers read the progress page; only administrators send reminders.
		{
			route: '/admin/periode/[code]/progres',
			path: '/admin/periode/MPP-2026/progres',
			expect: who(303, 200, 200, 403, 403, 403, 403)
		},
		{
			route: '/admin/periode/[code]/progres',
			action: 'remind',
			path: '/admin/periode/MPP-2026/progres',
			expect: ADMIN_ACT
		},
		...admin('/admin/periode/[code]/sanggah', '/admin/periode/MPP-2026/sanggah', ['window', 'answer']),
		...admin('/admin/periode/[code]/kalibrasi', '/admin/periode/MPP-2026/kalibrasi', [
			'anchor',
			'mark',
			'require'
		]),
		...admin('/admin/periode/[code]/publikasi', '/admin/periode/MPP-2026/publikasi', [
			'publish',
			'openCorrection',
			'abandonCorrection'
		]),
		...admin('/admin/periode/[code]/review', '/admin/periode/MPP-2026/review', ['resolve', 'resolveMany']),
		// README "Pages": viewers read the survey dashboards; paper entry, the XLSX and every action
		// are the administrator's.
		...read('/admin/survei', '/admin/survei'),
		...read('/admin/survei/rentang', '/admin/survei/rentang'),
		...read('/admin/survei/[periodCode]', '/admin/survei/MPP-2025', ['window']),
		...admin('/admin/survei/[periodCode]/ikm.xlsx', '/admin/survei/MPP-2025/ikm.xlsx'),
		...admin('/admin/survei/[periodCode]/kertas', '/admin/survei/MPP-2025/kertas', ['bulk', 'import']),
		...admin('/admin/survei/[periodCode]/enumerator', '/admin/survei/MPP-2026/enumerator', [
			'assign',
			'remove'
		]),
		...read('/admin/survei/[periodCode]/saran', '/admin/survei/MPP-2025/saran', ['default']),
		...read('/admin/survei/unit/[unitCode]', '/admin/survei/unit/KEL-18', ['users', 'rotate']),
		...read('/admin/survei/unit/[unitCode]/poster.pdf', '/admin/survei/unit/KEL-18/poster.pdf'),
		...admin('/admin/unit', '/admin/unit'),
		...admin('/admin/unit/baru', '/admin/unit/baru', ['default']),
		...admin('/admin/unit/impor', '/admin/unit/impor', ['preview', 'confirm']),
		...admin('/admin/unit/[code]', '/admin/unit/KEL-18', ['edit', 'deactivate', 'reactivate'])
	];
}
