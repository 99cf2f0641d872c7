import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import type { TestDb } from '../support/test-db';
import { exampleWithAdmin, NOW } from '../publication/support';
import { insertUser, replaceUnitHeadLinks } from '../../../src/lib/server/accounts/user.repository';
import {
	answerObjection,
	fileObjection,
	openObjectionWindow
} from '../../../src/lib/server/objections/objection.service';
import { listObjections } from '../../../src/lib/server/objections/objection.repository';
import { publishPeriod } from '../../../src/lib/server/publication/publication.service';
import {
	loadOfficeObjections,
	loadUnitObjections
} from '../../../src/lib/server/objections/objection-page.service';

// Masa sanggah (docs/rules.md §9.2) on the real migrations: window, objections with evidence
// checked by content, the office's three answers, the `objections` preflight class, the audit.
let t: TestDb;
let adminId: number;
let head: number;
let periodId: number;
const uploads = mkdtempSync(join(tmpdir(), 'rapor-sanggah-'));
let photo: Uint8Array;

beforeAll(async () => {
	({ t, adminId } = await exampleWithAdmin());
	head = await insertUser(
		t.db,
		{ email: 'lurah.a@kota.go.id', name: 'Lurah A', role: 'unit_head', passwordHash: null },
		NOW
	);
	const kelA = await t.db
		.selectFrom('unit')
		.select('id')
		.where('code', '=', 'KEL-B')
		.executeTakeFirstOrThrow();
	await replaceUnitHeadLinks(t.db, head, [kelA.id]);
	periodId = (await t.db.selectFrom('period').select('id').executeTakeFirstOrThrow()).id;
	photo = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#3366aa' } })
		.png()
		.toBuffer();
});
afterAll(async () => {
	await t.cleanup();
	rmSync(uploads, { recursive: true, force: true });
});

const objection = (indicatorCode: string, files = [{ name: 'papan.png', bytes: photo }]) => ({
	periodCode: 'P1',
	unitCode: 'KEL-B',
	indicatorCode,
	claimedLevel: 4,
	reason: 'Standar pelayanan sudah dipajang sejak Juli; lihat foto.',
	files,
	userId: head
});

describe('objection window (docs/rules.md §9.2)', { timeout: 120_000 }, () => {
	it('refuses objections while no window is open, and a window ending in the past', async () => {
		expect(await fileObjection(t.db, uploads, objection('1.a.K1'), NOW)).toEqual({
			ok: false,
			status: 409,
			message: 'Masa sanggah periode ini tidak sedang dibuka.'
		});
		const past = await openObjectionWindow(
			t.db,
			{ periodCode: 'P1', until: '2026-11-01', actorId: adminId },
			NOW
		);
		expect(past).toMatchObject({ ok: false, status: 400 });
		expect(
			await openObjectionWindow(t.db, { periodCode: 'P1', until: '2026-11-29', actorId: adminId }, NOW)
		).toEqual({
			ok: true,
			value: undefined
		});
	});

	it("lets only the unit's head object, with evidence checked by content", async () => {
		const stranger = await fileObjection(t.db, uploads, { ...objection('1.a.K1'), userId: adminId }, NOW);
		expect(stranger).toMatchObject({ ok: false, status: 404 });
		const fake = await fileObjection(
			t.db,
			uploads,
			objection('1.a.K1', [{ name: 'foto.jpg', bytes: new TextEncoder().encode('bukan gambar') }]),
			NOW
		);
		expect(fake).toMatchObject({
			ok: false,
			status: 400,
			message: expect.stringContaining('bukan JPEG, PNG')
		});
		expect(
			await fileObjection(t.db, uploads, { ...objection('1.a.K1'), claimedLevel: 7 }, NOW)
		).toMatchObject({
			ok: false,
			status: 400
		});
		for (const code of ['1.a.K1', '1.a.K2', '1.a.K3'])
			expect((await fileObjection(t.db, uploads, objection(code), NOW)).ok).toBe(true);
		expect(await fileObjection(t.db, uploads, objection('1.a.K1'), NOW)).toMatchObject({
			ok: false,
			status: 409
		});
		const listed = await listObjections(t.db, periodId);
		expect(listed.map((o) => [o.indicatorCode, o.status, o.evidence.map((e) => e.name)])).toEqual([
			['1.a.K1', 'open', ['papan.png']],
			['1.a.K2', 'open', ['papan.png']],
			['1.a.K3', 'open', ['papan.png']]
		]);
	});

	it("shows the head the unit's provisional scores without rank, and the office what it can reopen", async () => {
		const asHead = { id: head, role: 'unit_head' } as never;
		const page = (await loadUnitObjections(t.db, asHead, 'KEL-B', 'P1', NOW))!;
		expect(page.open).toBe(true);
		expect(page.rows.length).toBeGreaterThan(10);
		expect(Object.keys(page.rows[0]).sort()).toEqual([
			'aspectCode',
			'code',
			'descriptor',
			'level',
			'mean',
			'title'
		]);
		expect(page.objections).toHaveLength(3);
		expect(
			await loadUnitObjections(t.db, { id: adminId, role: 'admin' } as never, 'KEL-B', 'P1', NOW)
		).toBeNull();
		const office = (await loadOfficeObjections(t.db, 'P1', NOW))!;
		expect(office).toMatchObject({ open: true, until: '2026-11-29', canOpen: true });
		expect(office.objections[0].sheets.length).toBeGreaterThan(0);
	});

	it('makes unanswered objections a preflight class', async () => {
		const refused = await publishPeriod(t.db, { periodCode: 'P1', userId: adminId, reason: null }, NOW);
		expect(!refused.ok && refused.preflight!.find((f) => f.class === 'objections')?.items).toEqual(
			['1.a.K1', '1.a.K2', '1.a.K3'].map((code) => ({
				subject: 'KEL-B',
				detail: `indikator ${code}: sanggahan (tingkat 4 diajukan) belum dijawab`
			}))
		);
	});

	it('accepts with an extra visit or a reopened sheet, rejects with a reason, and audits each', async () => {
		const [k1, k2, k3] = await listObjections(t.db, periodId);
		const base = { periodCode: 'P1', actorId: adminId };
		const visitsBefore = await t.db
			.selectFrom('visit')
			.select('visit_no')
			.where(
				'unit_id',
				'=',
				(await t.db.selectFrom('unit').select('id').where('code', '=', 'KEL-B').executeTakeFirstOrThrow()).id
			)
			.execute();
		const extra = await answerObjection(
			t.db,
			{ ...base, objectionId: k1.id, decision: 'extra_visit', answer: 'Dikunjungi ulang.' },
			NOW
		);
		expect(extra).toEqual({
			ok: true,
			value: { visitNo: Math.max(...visitsBefore.map((v) => v.visit_no)) + 1 }
		});

		const sheet = await t.db
			.selectFrom('score_sheet')
			.innerJoin('visit', 'visit.id', 'score_sheet.visit_id')
			.innerJoin('unit', 'unit.id', 'visit.unit_id')
			.select('score_sheet.id')
			.where('unit.code', '=', 'KEL-B')
			.where('score_sheet.status', '=', 'submitted')
			.executeTakeFirstOrThrow();
		const noSheet = await answerObjection(
			t.db,
			{ ...base, objectionId: k2.id, decision: 'reopen', answer: 'Dinilai ulang.' },
			NOW
		);
		expect(noSheet).toMatchObject({ ok: false, status: 400 });
		const reopened = await answerObjection(
			t.db,
			{
				...base,
				objectionId: k2.id,
				decision: 'reopen',
				sheetId: sheet.id,
				answer: 'Dinilai ulang oleh penilai.'
			},
			NOW
		);
		expect(reopened.ok).toBe(true);
		const after = await t.db
			.selectFrom('score_sheet')
			.select('status')
			.where('id', '=', sheet.id)
			.executeTakeFirstOrThrow();
		expect(after.status).toBe('draft');

		expect(
			await answerObjection(t.db, { ...base, objectionId: k3.id, decision: 'reject', answer: '' }, NOW)
		).toMatchObject({
			ok: false,
			status: 400
		});
		expect(
			(
				await answerObjection(
					t.db,
					{ ...base, objectionId: k3.id, decision: 'reject', answer: 'Foto tidak menunjukkan SP.' },
					NOW
				)
			).ok
		).toBe(true);
		expect(
			await answerObjection(
				t.db,
				{ ...base, objectionId: k3.id, decision: 'reject', answer: 'Sekali lagi.' },
				NOW
			)
		).toMatchObject({
			ok: false,
			status: 409
		});
		expect((await listObjections(t.db, periodId)).map((o) => [o.status, o.outcome, o.answer])).toEqual([
			['accepted', 'extra_visit', 'Dikunjungi ulang.'],
			['accepted', 'reopen', 'Dinilai ulang oleh penilai.'],
			['rejected', null, 'Foto tidak menunjukkan SP.']
		]);
		const refused = await publishPeriod(t.db, { periodCode: 'P1', userId: adminId, reason: null }, NOW);
		expect(!refused.ok && refused.preflight!.map((f) => f.class)).not.toContain('objections');
		const audit = await t.db
			.selectFrom('audit_log')
			.select('action')
			.where('action', 'like', 'objection.%')
			.execute();
		expect(audit.map((a) => a.action)).toEqual([
			'objection.window',
			'objection.file',
			'objection.file',
			'objection.file',
			'objection.answer',
			'objection.answer',
			'objection.answer'
		]);
	});
});
