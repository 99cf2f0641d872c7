import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { extractText, getDocumentProxy } from 'unpdf';
import type { TestDb } from '../support/test-db';
import { exampleWithAdmin, NOW } from '../publication/support';
import type { SessionUser } from '../../../src/lib/domain/auth/user';
import { insertUser, replaceUnitHeadLinks } from '../../../src/lib/server/accounts/user.repository';
import {
	answerObjection,
	fileObjection,
	openObjectionWindow
} from '../../../src/lib/server/objections/objection.service';
import { listObjections } from '../../../src/lib/server/objections/objection.repository';
import { openObjectionEvidence } from '../../../src/lib/server/objections/objection-evidence.service';
import { publishPeriod } from '../../../src/lib/server/publication/publication.service';
import { openReportCard } from '../../../src/lib/server/report-cards/report-card-request.service';
import { renderReportCardPdf } from '../../../src/lib/server/report-cards/report-card-pdf';
import { overwriteGetLocale } from '../../../src/lib/paraglide/runtime';

// docs/rules.md §9.2 after publication: the report card (web data and PDF) lists the unit's
// objections with their outcomes, and an objection's evidence opens only for the office, the
// unit's own heads, and viewers once the period is published.
let t: TestDb;
const uploads = mkdtempSync(join(tmpdir(), 'rapor-sanggah-rapor-'));
const users = {} as Record<'admin' | 'head' | 'otherHead' | 'viewer' | 'assessor', SessionUser>;
let photo: Uint8Array;
let evidenceId: number;

const user = (id: number, role: SessionUser['role']): SessionUser => ({
	id,
	role,
	name: 'x',
	email: 'x@y.z'
});

async function addUser(email: string, role: SessionUser['role'], unit?: string): Promise<SessionUser> {
	const id = await insertUser(t.db, { email, name: email, role, passwordHash: null }, NOW);
	if (unit) {
		const u = await t.db.selectFrom('unit').select('id').where('code', '=', unit).executeTakeFirstOrThrow();
		await replaceUnitHeadLinks(t.db, id, [u.id]);
	}
	return user(id, role);
}

async function pdfText(pdf: Uint8Array): Promise<string> {
	const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
	return text.replace(/\s+/g, ' ');
}

beforeAll(async () => {
	const example = await exampleWithAdmin();
	t = example.t;
	users.admin = user(example.adminId, 'admin');
	users.head = await addUser('lurah.b@kota.go.id', 'unit_head', 'KEL-B');
	users.otherHead = await addUser('lurah.a@kota.go.id', 'unit_head', 'KEL-A');
	users.viewer = await addUser('walikota@kota.go.id', 'viewer');
	users.assessor = await addUser('penilai@kampus.ac.id', 'assessor');
	photo = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#3366aa' } })
		.png()
		.toBuffer();
	const base = { periodCode: 'P1', unitCode: 'KEL-B', userId: users.head.id };
	expect(
		(await openObjectionWindow(t.db, { periodCode: 'P1', until: '2026-11-29', actorId: users.admin.id }, NOW))
			.ok
	).toBe(true);
	for (const [indicatorCode, files] of [
		['1.a.K1', [{ name: 'papan-standar.png', bytes: photo }]],
		['1.a.K2', []]
	] as const) {
		const filed = await fileObjection(
			t.db,
			uploads,
			{
				...base,
				indicatorCode,
				claimedLevel: 4,
				reason: `Alasan untuk ${indicatorCode}.`,
				files: [...files]
			},
			NOW
		);
		expect(filed.ok).toBe(true);
	}
	const period = await t.db.selectFrom('period').select('id').executeTakeFirstOrThrow();
	const [k1, k2] = await listObjections(t.db, period.id);
	evidenceId = k1.evidence[0].id;
	const answer = { periodCode: 'P1', actorId: users.admin.id };
	await answerObjection(
		t.db,
		{ ...answer, objectionId: k1.id, decision: 'extra_visit', answer: 'Dikunjungi ulang.' },
		NOW
	);
	await answerObjection(
		t.db,
		{ ...answer, objectionId: k2.id, decision: 'reject', answer: 'Foto tidak menunjukkan SP.' },
		NOW
	);
});
afterAll(async () => {
	await t.cleanup();
	rmSync(uploads, { recursive: true, force: true });
});

async function publish(): Promise<void> {
	const input = { periodCode: 'P1', userId: users.admin.id, reason: 'Rapat pleno' };
	const first = await publishPeriod(t.db, input, NOW);
	if (first.ok) return;
	const classes = (first.preflight ?? []).map((f) => f.class);
	// Every objection was answered: the class is not among the ones left to confirm.
	expect(classes).not.toContain('objections');
	const second = await publishPeriod(t.db, { ...input, confirm: classes }, NOW);
	expect(second.ok).toBe(true);
}

describe('objection evidence and the report card (docs/rules.md §9.2)', { timeout: 120_000 }, () => {
	it('opens the evidence for the office and the head only, viewers too once published', async () => {
		const opened = await openObjectionEvidence(t.db, uploads, evidenceId, users.admin);
		expect(opened).toMatchObject({ mime: 'image/png', name: 'papan-standar.png' });
		expect(readFileSync(opened!.path)).toEqual(Buffer.from(photo));
		expect(await openObjectionEvidence(t.db, uploads, evidenceId, users.head)).not.toBeNull();
		for (const u of [users.otherHead, users.viewer, users.assessor])
			expect(await openObjectionEvidence(t.db, uploads, evidenceId, u)).toBeNull();
		expect(await openObjectionEvidence(t.db, uploads, 999_999, users.admin)).toBeNull();
		expect(await openObjectionEvidence(t.db, uploads, -1, users.admin)).toBeNull();
	});

	it('keeps objections off the provisional card', async () => {
		const r = await openReportCard(t.db, users.admin, 'KEL-B', 'P1', NOW);
		expect(r.ok && r.value.objections).toEqual([]);
	});

	it('lists each objection with its outcome and evidence on the published card', async () => {
		await publish();
		expect(await openObjectionEvidence(t.db, uploads, evidenceId, users.viewer)).not.toBeNull();
		expect(await openObjectionEvidence(t.db, uploads, evidenceId, users.otherHead)).toBeNull();
		const r = await openReportCard(t.db, users.head, 'KEL-B', 'P1', NOW);
		if (!r.ok) throw new Error(r.message);
		expect(
			r.value.objections.map((o) => [o.indicatorCode, o.claimedLevel, o.status, o.outcome, o.answer])
		).toEqual([
			['1.a.K1', 4, 'accepted', 'extra_visit', 'Dikunjungi ulang.'],
			['1.a.K2', 4, 'rejected', null, 'Foto tidak menunjukkan SP.']
		]);
		expect(r.value.objections[0].evidence).toEqual([{ id: evidenceId, name: 'papan-standar.png' }]);
		expect(Object.keys(r.value.objections[0]).sort()).toEqual(
			[
				'answer',
				'claimedLevel',
				'evidence',
				'id',
				'indicatorCode',
				'indicatorTitle',
				'outcome',
				'reason',
				'status',
				'unitCode',
				'unitName'
			].sort()
		);
		const other = await openReportCard(t.db, users.otherHead, 'KEL-A', 'P1', NOW);
		expect(other.ok && other.value.objections).toEqual([]);
	});

	it('prints the objections and the three signals on the PDF, in Indonesian and in English', async () => {
		const r = await openReportCard(t.db, users.head, 'KEL-B', 'P1', NOW);
		if (!r.ok) throw new Error(r.message);
		expect(r.value.signals).not.toBeNull();
		const render = () =>
			renderReportCardPdf(r.value.card, { signals: r.value.signals, objections: r.value.objections });
		try {
			overwriteGetLocale(() => 'id');
			const id = await pdfText(await render());
			for (const s of [
				'Tiga sinyal: penilai, warga, pengaduan',
				'IPP (penilai)',
				'Sanggahan dan hasilnya',
				'Alasan untuk 1.a.K1.',
				'Bukti: papan-standar.png',
				'Jawaban kantor: Dikunjungi ulang.',
				'Diterima',
				'(kunjungan tambahan)',
				'Ditolak',
				'Jawaban kantor: Foto tidak menunjukkan SP.'
			])
				expect(id).toContain(s);
			overwriteGetLocale(() => 'en');
			const en = await pdfText(await render());
			for (const s of [
				'Three signals: assessors, citizens, complaints',
				'Objections and their outcomes',
				'Accepted',
				'(extra visit)',
				'Rejected',
				"Office's answer: Foto tidak menunjukkan SP."
			])
				expect(en).toContain(s);
		} finally {
			overwriteGetLocale(() => 'id');
		}
	});
});
