import { mkdtempSync, rmSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from './support/test-db';
import { createSheetFixture, type SheetFixture } from './support/sheet-fixture';
import { addEvidence, openEvidenceFile, removeEvidence } from '../../src/lib/server/sheets/evidence.service';
import { saveSheetDraft } from '../../src/lib/server/sheets/score-sheet.service';
import { loadAssessorSheet } from '../../src/lib/server/sheets/sheet-view.service';
import type { SessionUser } from '../../src/lib/domain/auth/user';
import { insertUser, replaceUnitHeadLinks } from '../../src/lib/server/accounts/user.repository';
import { setPeriodStatus } from '../../src/lib/server/periods/period.repository';

let t: TestDb;
let f: SheetFixture;
let uploads: string;
const now = new Date('2026-10-01T03:00:00Z');
const as = (id: number, role: SessionUser['role'] = 'assessor'): SessionUser => ({
	id,
	role,
	name: 'x',
	email: 'x@x'
});

const jpeg = () =>
	sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 200, g: 80, b: 40 } } })
		.jpeg()
		.toBuffer();
const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

beforeEach(async () => {
	t = await createTestDb();
	f = await createSheetFixture(t.db, now);
	uploads = mkdtempSync(join(tmpdir(), 'rapor-uploads-'));
});
afterEach(async () => {
	await t.cleanup();
	rmSync(uploads, { recursive: true, force: true });
});

const upload = (userId: number, bytes: Uint8Array, name = 'foto.jpg', indicatorCode = '1.a.K1') =>
	addEvidence(t.db, uploads, { visitId: f.visitId, userId, indicatorCode, name, bytes }, now);

describe('evidence files', () => {
	it('stores a photo by content hash with a thumbnail, and the same content only once', async () => {
		const bytes = await jpeg();
		const r = await upload(f.ani, bytes);
		expect(r).toMatchObject({ ok: true, value: { isImage: true, name: 'foto.jpg' } });
		await upload(f.ani, bytes, 'lagi.jpg', '1.a.K2');
		expect(await t.db.selectFrom('stored_file').selectAll().execute()).toHaveLength(1);
		const file = await openEvidenceFile(t.db, uploads, r.ok ? r.value.id : 0, as(f.ani), false);
		expect(readFileSync(file!.path)).toEqual(bytes);
		const thumb = await openEvidenceFile(t.db, uploads, r.ok ? r.value.id : 0, as(f.ani), true);
		expect(thumb!.mime).toBe('image/webp');
		expect((await sharp(readFileSync(thumb!.path)).metadata()).width).toBeLessThanOrEqual(360);
	});

	it('checks the type from the content, not the name', async () => {
		const asPdf = await upload(f.ani, pdf, 'scan.jpg');
		expect(asPdf.ok).toBe(true);
		const row = await t.db.selectFrom('stored_file').select('mime').executeTakeFirstOrThrow();
		expect(row.mime).toBe('application/pdf');
		const script = await upload(f.ani, Buffer.from('<script>alert(1)</script>'), 'foto.jpg');
		expect(script).toMatchObject({ ok: false, status: 400, message: expect.stringContaining('isi berkas') });
		const broken = await upload(f.ani, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]), 'rusak.jpg');
		expect(broken).toMatchObject({ ok: false, status: 400, message: expect.stringContaining('rusak') });
	});

	it('refuses files over 10 MB and an eleventh file on one indicator', async () => {
		const big = new Uint8Array(10 * 1024 * 1024 + 1);
		big.set(pdf);
		expect(await upload(f.ani, big, 'besar.pdf')).toMatchObject({ ok: false, status: 413 });
		for (let i = 0; i < 10; i++) expect((await upload(f.ani, pdf, `d${i}.pdf`)).ok).toBe(true);
		expect(await upload(f.ani, pdf, 'ke-11.pdf')).toMatchObject({ ok: false, status: 409 });
		expect((await upload(f.ani, pdf, 'lain.pdf', '1.a.K2')).ok).toBe(true);
	});
});

describe('blind scoring', () => {
	it("never shows a team mate's scores, notes or evidence, in the sheet or through the file address", async () => {
		await saveSheetDraft(
			t.db,
			{
				visitId: f.visitId,
				userId: f.ani,
				baseVersion: 1,
				values: { '1.a.K1': { score: 5, note: 'catatan Ani' } }
			},
			now
		);
		const r = await upload(f.ani, await jpeg());
		const evidenceId = r.ok ? r.value.id : 0;

		const budiView = await loadAssessorSheet(t.db, f.visitId, f.budi);
		expect(budiView).not.toBeNull();
		expect(budiView!.values).toEqual({});
		expect(budiView!.evidence).toEqual([]);
		expect(JSON.stringify(budiView)).not.toContain('catatan Ani');

		expect(await openEvidenceFile(t.db, uploads, evidenceId, as(f.budi), false)).toBeNull();
		expect(await openEvidenceFile(t.db, uploads, evidenceId, as(f.budi), true)).toBeNull();
		expect(await openEvidenceFile(t.db, uploads, evidenceId, as(f.citra), false)).toBeNull();
		expect(await openEvidenceFile(t.db, uploads, evidenceId, as(f.admin, 'viewer'), false)).toBeNull();
		expect(await openEvidenceFile(t.db, uploads, evidenceId, as(f.admin, 'admin'), false)).not.toBeNull();
		expect(await removeEvidence(t.db, { evidenceId, visitId: f.visitId, userId: f.budi }, now)).toMatchObject(
			{ status: 404 }
		);
	});

	it('gives an assessor who is not on the visit nothing at all', async () => {
		expect(await loadAssessorSheet(t.db, f.visitId, f.citra)).toBeNull();
		const save = await saveSheetDraft(
			t.db,
			{ visitId: f.visitId, userId: f.citra, baseVersion: 1, values: {} },
			now
		);
		expect(save).toMatchObject({ ok: false, status: 404 });
		expect(await upload(f.citra, pdf)).toMatchObject({ ok: false, status: 404 });
	});

	it("keeps each team member's sheet separate when both save", async () => {
		await saveSheetDraft(
			t.db,
			{ visitId: f.visitId, userId: f.ani, baseVersion: 1, values: { '1.a.K1': { score: 1, note: '' } } },
			now
		);
		const b = await saveSheetDraft(
			t.db,
			{ visitId: f.visitId, userId: f.budi, baseVersion: 1, values: { '1.a.K1': { score: 4, note: '' } } },
			now
		);
		expect(b.ok).toBe(true);
		expect((await loadAssessorSheet(t.db, f.visitId, f.ani))!.values['1.a.K1'].score).toBe(1);
		expect((await loadAssessorSheet(t.db, f.visitId, f.budi))!.values['1.a.K1'].score).toBe(4);
	});

	it('removes evidence from a draft and keeps the stored file for other references', async () => {
		const r = await upload(f.ani, pdf);
		const id = r.ok ? r.value.id : 0;
		expect((await removeEvidence(t.db, { evidenceId: id, visitId: f.visitId, userId: f.ani }, now)).ok).toBe(
			true
		);
		expect((await loadAssessorSheet(t.db, f.visitId, f.ani))!.evidence).toEqual([]);
		const sha = (await t.db.selectFrom('stored_file').select('sha256').executeTakeFirstOrThrow()).sha256;
		expect(existsSync(join(uploads, sha.slice(0, 2), sha))).toBe(true);
		const log = await t.db.selectFrom('audit_log').select('action').execute();
		expect(log.map((l) => l.action)).toEqual(expect.arrayContaining(['evidence_add', 'evidence_remove']));
	});

	it('opens evidence to viewers and to the heads of the unit only once the period is published', async () => {
		const r = await upload(f.ani, await jpeg());
		const id = r.ok ? r.value.id : 0;
		const head = await insertUser(
			t.db,
			{ email: 'lurah@x.id', name: 'Lurah', role: 'unit_head', passwordHash: null },
			now
		);
		const otherHead = await insertUser(
			t.db,
			{ email: 'lain@x.id', name: 'Lain', role: 'unit_head', passwordHash: null },
			now
		);
		await replaceUnitHeadLinks(t.db, head, [f.unitId]);
		const open = (user: SessionUser) => openEvidenceFile(t.db, uploads, id, user, true);
		expect(await open(as(head, 'unit_head'))).toBeNull();
		expect(await open(as(f.admin, 'viewer'))).toBeNull();
		await setPeriodStatus(t.db, f.periodId, 'published', now);
		expect(await open(as(head, 'unit_head'))).not.toBeNull();
		expect(await open(as(f.admin, 'viewer'))).not.toBeNull();
		expect(await open(as(otherHead, 'unit_head'))).toBeNull();
		// blind scoring still binds the team mate after publication
		expect(await open(as(f.budi))).toBeNull();
	});
});
