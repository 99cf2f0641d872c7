import { afterEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { extractText, getDocumentProxy } from 'unpdf';
import type { TestDb } from '../support/test-db';
import { buildCertificatePdf } from '../../../src/lib/server/publication/certificate.service';
import { publishPeriod } from '../../../src/lib/server/publication/publication.service';
import { verifyCertificate } from '../../../src/lib/server/publication/certificate-verification.service';
import {
	certificateCode,
	normalizeCertificateCode
} from '../../../src/lib/server/publication/certificate-code';
import { exampleWithAdmin, NOW } from './support';
import { PREFLIGHT_CLASSES } from '../../../src/lib/domain/publication/preflight';

let t: TestDb;
afterEach(async () => t?.cleanup());

const ORIGIN = 'https://rapor.kota.go.id';
const request = (unitCode: string | null, role: 'admin' | null = null) => ({
	periodCode: 'P1',
	unitCode,
	role,
	timeZone: 'Asia/Jakarta',
	origin: ORIGIN
});

describe('certificate verification codes', () => {
	it('prints a code and its link on each published certificate, and the code confirms unit, period, award and revision', async () => {
		const ex = await exampleWithAdmin();
		t = ex.t;
		const ok = await publishPeriod(
			t.db,
			{ periodCode: 'P1', userId: ex.adminId, confirm: PREFLIGHT_CLASSES, reason: 'x' },
			NOW
		);
		if (!ok.ok) throw new Error(ok.message);
		const pdf = (await buildCertificatePdf(t.db, request('KEL-B'), NOW))!.pdf;
		writeFileSync('/tmp/office-certificate.pdf', pdf);
		const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
		const code = certificateCode('P1', 'KEL-B', 1);
		expect(text).toContain(code);
		expect(text).toContain(`${ORIGIN}/verifikasi/${code}`);

		expect(await verifyCertificate(t.db, code.toLowerCase().replace('-', ' '))).toMatchObject({
			code,
			unitCode: 'KEL-B',
			unitName: 'Kelurahan Contoh B',
			award: 'Terbaik I',
			periodCode: 'P1',
			revision: 1,
			latestRevision: 1,
			current: true
		});
		expect(await verifyCertificate(t.db, certificateCode('P1', 'KEL-A', 1))).toBeNull();
		expect(await verifyCertificate(t.db, 'not-a-code')).toBeNull();
	});

	it('prints no code on a preview before publication', async () => {
		const ex = await exampleWithAdmin();
		t = ex.t;
		const preview = (await buildCertificatePdf(t.db, request('KEL-B', 'admin'), NOW))!.pdf;
		const { text } = await extractText(await getDocumentProxy(new Uint8Array(preview)), { mergePages: true });
		expect(text).not.toContain('/verifikasi/');
		expect(await verifyCertificate(t.db, certificateCode('P1', 'KEL-B', 1))).toBeNull();
	});

	it('accepts typed codes in any case and with spaces, refuses look-alike letters', () => {
		const code = certificateCode('P1', 'KEL-B', 1);
		expect(code).toMatch(/^[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}$/);
		expect(normalizeCertificateCode(` ${code.toLowerCase()} `)).toBe(code);
		expect(normalizeCertificateCode('OOOOO-IIIII')).toBeNull();
		expect(certificateCode('P1', 'KEL-B', 2)).not.toBe(code);
	});
});
