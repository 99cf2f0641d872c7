import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractText, getDocumentProxy } from 'unpdf';
import { DEMO, dbRead, http, httpSignIn } from './support/http';
import { demoParams } from './support/demo-params';

// README "Pages": every page speaks the chosen language. A reader who chose English (the language
// cookie the switch in the header sets) must meet no Indonesian interface word outside data: unit,
// category, period, instrument and people's names, instrument content (descriptors stay as
// published, docs/rules.md §3.1) and what users typed are taken out of the page before the check.

const LOCALE_COOKIE = 'PARAGLIDE_LOCALE=en';

/**
 * Indonesian words of the interface that never occur in English text. Whole words, case-sensitive
 * where the word is also an English or a proper noun ("Periode" is the interface, data says "MPP").
 */
const INDONESIAN = [
	'Simpan',
	'Batal',
	'Kembali',
	'Belum',
	'belum',
	'Tidak ada',
	'Halaman',
	'Pengaturan',
	'Unduh',
	'unduh',
	'Tambah',
	'Hapus',
	'Ubah',
	'Cari',
	'Semua',
	'Periode',
	'periode',
	'Penilai',
	'penilai',
	'Kunjungan',
	'kunjungan',
	'Lembar',
	'lembar',
	'terkirim',
	'Peringkat',
	'Predikat',
	'Jendela',
	'Responden',
	'responden',
	'Kategori',
	'Pengguna',
	'pengguna',
	'Sunting',
	'Terbitkan',
	'Tampilkan',
	'Navigasi',
	'Administrasi',
	'Kelola',
	'Jadwal',
	'Progres',
	'Selisih',
	'selisih',
	'Saran',
	'Survei',
	'survei',
	'Instrumen',
	'instrumen',
	'Aspek',
	'aspek',
	'Nilai',
	'Tanggal',
	'Alasan',
	'Konfirmasi',
	'sementara',
	'lengkap',
	'nonaktif',
	'aktif',
	'Pratinjau',
	'Berkas',
	'Masuk',
	'Keluar',
	'Beranda',
	'Pembinaan',
	'Penghargaan',
	'Terbaik',
	'Sangat Baik',
	'Baik',
	'Cukup',
	'Buruk',
	'Gagal',
	'dengan catatan',
	'Agustus',
	'Oktober',
	'Desember',
	'Mei',
	'Juni',
	'Juli',
	'Januari',
	'Februari',
	'Maret'
];
const WORDS = new RegExp(`(?<![\\p{L}-])(${INDONESIAN.join('|')})(?![\\p{L}-])`, 'u');

function dataStrings(): string[] {
	const texts = (sql: string) => dbRead<{ t: string | null }>(sql).map((r) => r.t ?? '');
	const jsonLists = (sql: string) =>
		texts(sql).flatMap((t) => {
			try {
				const v = JSON.parse(t) as unknown;
				return Array.isArray(v) ? v.map(String) : [];
			} catch {
				return [];
			}
		});
	return [
		...texts('select name as t from unit union select address from unit'),
		...texts('select name as t from category'),
		...texts('select name as t from period'),
		...texts('select name as t from instrument union select regulation from instrument'),
		...texts('select name as t from aspect'),
		...texts('select title as t from indicator union select note from indicator'),
		...texts('select descriptor as t from indicator_level'),
		...jsonLists('select evidence as t from indicator'),
		...jsonLists('select notes as t from instrument union all select sources from instrument'),
		...texts('select name as t from "user" union select affiliation_name from "user"'),
		...texts('select value as t from city_setting'),
		...texts('select note as t from score'),
		...texts('select suggestion as t from survey_response'),
		...texts('select action as t from coaching_item'),
		...texts('select note as t from coaching_progress'),
		...texts('select note as t from disagreement_resolution'),
		...texts('select reason as t from publication'),
		...texts('select reason as t from assessor_conflict'),
		// The audit log keeps what was stored or typed at the time (notes, names, values).
		...texts('select detail as t from audit_log').flatMap((t) => {
			try {
				return Object.values(JSON.parse(t) as Record<string, unknown>).flatMap((v) =>
					typeof v === 'string' ? [v] : Array.isArray(v) ? v.map(String) : []
				);
			} catch {
				return [];
			}
		})
	]
		.map((s) => s.trim())
		.filter((s) => s.length > 1)
		.sort((a, b) => b.length - a.length);
}

const decode = (s: string) =>
	s
		.replace(/&nbsp;/g, ' ')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&amp;/g, '&');

/** The text a reader meets: title, the page body's text, and labels read aloud or shown on hover. */
function readableText(html: string): string {
	const title = /<title>([\s\S]*?)<\/title>/.exec(html)?.[1] ?? '';
	const body = /<body[^>]*>([\s\S]*)<\/body>/.exec(html)?.[1] ?? html;
	const attrs = [...body.matchAll(/\s(?:aria-label|placeholder|title|alt)="([^"]*)"/g)].map((m) => m[1]);
	const text = body
		.replace(/<script[\s\S]*?<\/script>/g, ' ')
		.replace(/<style[\s\S]*?<\/style>/g, ' ')
		.replace(/<code>[\s\S]*?<\/code>/g, ' ')
		.replace(/<pre[\s\S]*?<\/pre>/g, ' ')
		.replace(/<[^>]+>/g, ' ');
	return decode([title, text, ...attrs].join('\n')).replace(/\s+/g, ' ');
}

function untranslated(html: string, data: readonly string[]): string[] {
	// Addresses (survey links, set-password links) are not words.
	let text = readableText(html).replace(/https?:\/\/\S+/g, ' ');
	for (const d of data) if (text.includes(d)) text = text.split(d).join(' ');
	// Each word once per page, with the first place it was met.
	const found = new Map<string, string>();
	for (const part of text.split(/(?<=[.:;·|])\s+/)) {
		const hit = WORDS.exec(part);
		if (hit && !found.has(hit[1])) found.set(hit[1], `"${hit[1]}" in "${part.slice(0, 120)}"`);
	}
	return [...found.values()];
}

describe('every page in English', () => {
	let data: string[];
	let p: ReturnType<typeof demoParams>;
	const cookies: Record<string, string> = {};
	beforeAll(async () => {
		data = dataStrings();
		p = demoParams();
		for (const [role, email] of [
			['admin', DEMO.admin],
			['viewer', DEMO.viewer],
			['assessor', DEMO.assessor],
			['head', DEMO.head]
		] as const)
			cookies[role] = `${await httpSignIn(email)}; ${LOCALE_COOKIE}`;
		cookies.anonymous = LOCALE_COOKIE;
	});

	const pages: Record<string, (q: ReturnType<typeof demoParams>) => string[]> = {
		anonymous: () => ['/', '/login', '/lupa-sandi', '/tidak-ada'],
		admin: (q) => [
			'/admin',
			'/admin/periode',
			'/admin/periode/baru',
			'/admin/periode/MPP-2026',
			'/admin/periode/MPP-2026/jadwal',
			`/admin/periode/MPP-2026/jadwal/${q.scheduleVisit}`,
			'/admin/periode/MPP-2026/progres',
			'/admin/periode/MPP-2026/review',
			'/admin/periode/MPP-2026/kalibrasi',
			'/admin/periode/MPP-2025/sanggah',
			'/admin/periode/MPP-2025/hasil',
			'/admin/periode/MPP-2026/publikasi',
			'/admin/periode/MPP-2025/triangulasi',
			'/admin/kunjungan',
			`/admin/kunjungan/${q.visit}`,
			'/admin/survei',
			'/admin/survei/MPP-2025',
			'/admin/survei/MPP-2025/saran',
			'/admin/survei/rentang?preset=y-2025',
			'/admin/survei/unit/KEL-18',
			'/admin/pengguna',
			'/admin/pengguna/baru',
			`/admin/pengguna/${q.user}`,
			'/admin/pengguna/impor',
			'/admin/pengguna/undangan',
			'/admin/unit',
			'/admin/unit/baru',
			'/admin/unit/KEL-18',
			'/admin/unit/impor',
			'/admin/kategori',
			'/admin/instrumen',
			// The editor of an unused instrument (its form) and of one in use (locked, with a way out).
			'/admin/instrumen/pekppp-29-2022',
			'/admin/instrumen/permenpan-17-2017',
			'/admin/survei/MPP-2026/kertas',
			'/admin/pengaturan',
			'/admin/audit',
			'/admin/pengaduan/impor',
			'/instrumen',
			'/instrumen/permenpan-17-2017'
		],
		viewer: () => [
			'/pimpinan',
			'/admin/survei',
			'/admin/periode/MPP-2025/hasil',
			'/pembinaan',
			'/hasil/MPP-2025',
			'/unit/KEL-18/rapor/MPP-2025',
			'/akun'
		],
		assessor: () => ['/penilaian', '/instrumen', '/akun'],
		head: () => ['/unit', '/pembinaan', '/akun']
	};

	for (const [role, list] of Object.entries(pages)) {
		it(`shows no Indonesian interface text to the ${role}`, async () => {
			const problems: string[] = [];
			for (const path of list(p)) {
				const res = await http(path, { cookie: cookies[role] });
				const expected = path === '/tidak-ada' ? 404 : 200;
				if (res.status !== expected) {
					problems.push(`${path}: HTTP ${res.status}`);
					continue;
				}
				const html = await res.text();
				if (!html.includes('<html lang="en"')) problems.push(`${path}: <html lang> is not en`);
				// the header marks one link as the current page, never two (/admin is a prefix of all)
				const nav = /<nav[^>]*aria-label="Main navigation"[^>]*>([\s\S]*?)<\/nav>/.exec(html)?.[1];
				if (nav === undefined) problems.push(`${path}: no main navigation`);
				const current = nav?.match(/aria-current="page"/g)?.length ?? 0;
				if (current > 1) problems.push(`${path}: ${current} links marked as the current page`);
				for (const f of untranslated(html, data)) problems.push(`${path}: ${f}`);
			}
			expect(problems).toEqual([]);
		});
	}

	it("prints the survey poster in the reader's language", async () => {
		const text = async (cookie: string) => {
			const res = await http('/admin/survei/unit/KEL-18/poster.pdf', { cookie });
			expect(res.status).toBe(200);
			const pdf = await getDocumentProxy(new Uint8Array(await res.arrayBuffer()));
			return (await extractText(pdf, { mergePages: true })).text.replace(/\s+/g, ' ');
		};
		const en = await text(cookies.admin);
		expect(en).toContain('How to answer');
		expect(en).toContain('Send answers');
		expect(en).not.toContain('Cara mengisi');
		const id = await text(cookies.admin.replace(LOCALE_COOKIE, 'PARAGLIDE_LOCALE=id'));
		expect(id).toContain('Cara mengisi');
		expect(id).toContain('Kirim jawaban');
	});

	it("writes the mayor's trend and the leniency table's numbers in the reader's language", async () => {
		const cells = async (path: string, cookie: string, testid: string) => {
			const res = await http(path, { cookie });
			expect(res.status).toBe(200);
			const html = await res.text();
			return [...html.matchAll(new RegExp(`data-testid="${testid}"[^>]*>([^<]*)<`, 'g'))]
				.map((x) => x[1].trim())
				.filter((t) => t !== '–');
		};
		const idCookie = (role: string) => cookies[role].replace(LOCALE_COOKIE, 'PARAGLIDE_LOCALE=id');
		for (const [path, role, testid] of [
			['/pimpinan', 'viewer', 'trend-mean'],
			['/admin/periode/MPP-2025/hasil', 'admin', 'leniency-mean']
		] as const) {
			const en = await cells(path, cookies[role], testid);
			expect(en.length, `${path}: numbers shown`).toBeGreaterThan(0);
			for (const n of en) expect(n, `${path} in English`).toMatch(/^[-−]?\d+\.\d{2}$/);
			const id = await cells(path, idCookie(role), testid);
			for (const n of id) expect(n, `${path} in Indonesian`).toMatch(/^[-−]?\d+,\d{2}$/);
		}
	});

	it('has every message key in both languages', () => {
		const dir = 'messages';
		for (const feature of readdirSync(dir)) {
			const read = (l: string) =>
				Object.keys(JSON.parse(readFileSync(join(dir, feature, `${l}.json`), 'utf8')) as object).filter(
					(k) => k !== '$schema'
				);
			const id = read('id');
			const en = read('en');
			expect(
				en.filter((k) => !id.includes(k)),
				`${feature}: only in en`
			).toEqual([]);
			expect(
				id.filter((k) => !en.includes(k)),
				`${feature}: missing in en`
			).toEqual([]);
		}
	});

	it('defines each message key once across the feature files', () => {
		const seen = new Map<string, string>();
		const twice: string[] = [];
		for (const feature of readdirSync('messages')) {
			const keys = Object.keys(
				JSON.parse(readFileSync(join('messages', feature, 'id.json'), 'utf8')) as object
			).filter((k) => k !== '$schema');
			for (const k of keys) {
				if (seen.has(k)) twice.push(`${k}: ${seen.get(k)} and ${feature}`);
				seen.set(k, feature);
			}
		}
		expect(twice).toEqual([]);
	});
});
