import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { extractText, getDocumentProxy } from 'unpdf';
import type { TestDb } from '../support/test-db';
import {
	buildCertificatePdf,
	type CertificateRequest
} from '../../../src/lib/server/publication/certificate.service';
import { publishPeriod } from '../../../src/lib/server/publication/publication.service';
import { saveCityLogo } from '../../../src/lib/server/settings/city-settings.service';
import { exampleWithAdmin, NOW } from './support';

let t: TestDb;
let adminId: number;
afterEach(async () => t?.cleanup());

async function pdfPages(pdf: Buffer): Promise<string[]> {
	const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: false });
	return text;
}

const request = (unitCode: string | null, role: CertificateRequest['role'] = null): CertificateRequest => ({
	periodCode: 'P1',
	unitCode,
	role,
	timeZone: 'Asia/Jakarta',
	origin: 'https://rapor.kota.go.id'
});

async function published() {
	const ex = await exampleWithAdmin();
	t = ex.t;
	adminId = ex.adminId;
	const ok = await publishPeriod(
		t.db,
		{ periodCode: 'P1', userId: ex.adminId, confirm: ['incomplete'], confirmOpenFlags: true, reason: 'x' },
		NOW
	);
	if (!ok.ok) throw new Error(ok.message);
}

describe('award certificates', () => {
	it('prints a winner’s certificate with the city defaults, category, rank label, IPP and date', async () => {
		await published();
		const r = (await buildCertificatePdf(t.db, request('KEL-B'), NOW))!;
		expect(r.fileName).toBe('piagam-P1-KEL-B.pdf');
		const [page, ...rest] = await pdfPages(r.pdf);
		expect(rest).toEqual([]);
		for (const text of [
			'PEMERINTAH KOTA CONTOH',
			'PIAGAM PENGHARGAAN',
			'Kelurahan Contoh B',
			'Terbaik I',
			'Kategori Kelurahan',
			'Periode uji',
			'IPP) 2,99',
			'predikat C (Cukup)',
			'Kota Contoh, 22 November 2026'
		])
			expect(page).toContain(text);
		expect(page).not.toContain('PRATINJAU');
	});

	it('uses the signatory from the city settings, and puts every winner in the period PDF', async () => {
		await published();
		await t.db
			.insertInto('city_setting')
			.values([
				{ key: 'government_name', value: 'Pemerintah Kota Kediri' },
				{ key: 'place', value: 'Kediri' },
				{ key: 'signatory_name', value: 'Drs. Budi Santoso, M.Si.' },
				{ key: 'signatory_title', value: 'Wali Kota Kediri' },
				{ key: 'signatory_nip', value: '19700101 199003 1 001' }
			])
			.execute();
		const pages = await pdfPages((await buildCertificatePdf(t.db, request(null), NOW))!.pdf);
		// PKM-A and PKM-B tie at rank 1: both are "Terbaik I" (docs/rules.md §4.8).
		expect(pages).toHaveLength(3);
		expect(pages.filter((p) => p.includes('Terbaik I')).length).toBe(3);
		for (const name of ['Kelurahan Contoh B', 'Puskesmas Contoh A', 'Puskesmas Contoh B'])
			expect(pages.some((p) => p.includes(name))).toBe(true);
		expect(pages[0]).toContain('PEMERINTAH KOTA KEDIRI');
		expect(pages[0]).toContain('Kediri, 22 November 2026');
		expect(pages[0]).toContain('Wali Kota Kediri');
		expect(pages[0]).toContain('Drs. Budi Santoso, M.Si.');
		expect(pages[0]).toContain('NIP. 19700101 199003 1 001');
	});

	it('draws the city logo once one is uploaded in the city settings', async () => {
		await published();
		const previous = process.env.UPLOAD_DIR;
		process.env.UPLOAD_DIR = mkdtempSync(join(tmpdir(), 'rapor-logo-'));
		try {
			const images = async () => {
				const pdf = (await buildCertificatePdf(t.db, request('KEL-B'), NOW))!.pdf;
				return (pdf.toString('latin1').match(/\/Subtype \/Image/g) ?? []).length;
			};
			expect(await images()).toBe(0);
			const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#0f4c81' } })
				.png()
				.toBuffer();
			expect(await saveCityLogo(t.db, new Uint8Array(png), adminId, NOW)).toEqual({ ok: true });
			expect(await images()).toBe(1);
		} finally {
			process.env.UPLOAD_DIR = previous;
		}
	});

	it('has no certificate for a unit without an award or before publication, except a marked preview', async () => {
		const ex = await exampleWithAdmin();
		t = ex.t;
		expect(await buildCertificatePdf(t.db, request('KEL-B'), NOW)).toBeNull();
		const preview = (await buildCertificatePdf(t.db, request('KEL-B', 'admin'), NOW))!;
		expect((await pdfPages(preview.pdf))[0]).toContain('PRATINJAU');
		await publishPeriod(
			t.db,
			{ periodCode: 'P1', userId: ex.adminId, confirm: ['incomplete'], confirmOpenFlags: true, reason: 'x' },
			NOW
		);
		expect(await buildCertificatePdf(t.db, request('PKM-C'), NOW)).toBeNull();
		expect(await buildCertificatePdf(t.db, request('KEL-A'), NOW)).toBeNull();
		expect(await buildCertificatePdf(t.db, request('NOPE'), NOW)).toBeNull();
		expect(await buildCertificatePdf(t.db, { ...request(null), periodCode: '../x' }, NOW)).toBeNull();
	});
});
