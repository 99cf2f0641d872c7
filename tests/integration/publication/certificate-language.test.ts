import { afterEach, describe, expect, it } from 'vitest';
import { extractText, getDocumentProxy } from 'unpdf';
import type { TestDb } from '../support/test-db';
import { buildCertificatePdf } from '../../../src/lib/server/publication/certificate.service';
import { publishPeriod } from '../../../src/lib/server/publication/publication.service';
import { exampleWithAdmin, NOW } from './support';

// Certificates follow the government's language setting (`document_language`, set at
// /admin/pengaturan), not the language of whoever downloads them.
let t: TestDb;
afterEach(async () => t?.cleanup());

async function publishExample(): Promise<void> {
	const ex = await exampleWithAdmin();
	t = ex.t;
	const ok = await publishPeriod(
		t.db,
		{ periodCode: 'P1', userId: ex.adminId, confirm: ['incomplete'], confirmOpenFlags: true, reason: 'x' },
		NOW
	);
	if (!ok.ok) throw new Error(ok.message);
}

async function pdfText(): Promise<string> {
	const r = (await buildCertificatePdf(
		t.db,
		{
			periodCode: 'P1',
			unitCode: 'KEL-B',
			role: null,
			timeZone: 'Asia/Jakarta',
			origin: 'https://rapor.kota.go.id'
		},
		NOW
	))!;
	const { text } = await extractText(await getDocumentProxy(new Uint8Array(r.pdf)), { mergePages: true });
	return text;
}

describe('certificate language', () => {
	it('prints Indonesian when the setting is absent', async () => {
		await publishExample();
		const text = await pdfText();
		for (const s of [
			'PIAGAM PENGHARGAAN',
			'diberikan kepada',
			'Terbaik I',
			'IPP) 2,99',
			'predikat C (Cukup)'
		])
			expect(text).toContain(s);
	});

	it('prints English words, grade name, decimal point and month when the government chose English', async () => {
		await publishExample();
		await t.db.insertInto('city_setting').values({ key: 'document_language', value: 'en' }).execute();
		const text = await pdfText();
		for (const s of [
			'CERTIFICATE OF AWARD',
			'presented to',
			'Best I',
			'Category Kelurahan',
			'IPP) of 2.99',
			'grade C (Fair)',
			'22 November 2026'
		])
			expect(text).toContain(s);
		for (const s of ['PIAGAM', 'diberikan', 'Terbaik', 'Cukup']) expect(text).not.toContain(s);
	});
});
