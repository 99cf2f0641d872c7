import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { extractText, getDocumentProxy } from 'unpdf';
import { createTestDb, type TestDb } from '../support/test-db';
import { createSheetFixture, type SheetFixture } from '../support/sheet-fixture';
import { saveSheetDraft } from '../../../src/lib/server/sheets/score-sheet.service';
import { answerOnce } from '../../../src/lib/server/offline/sync-receipt.service';
import { claimClientId } from '../../../src/lib/server/http/client-receipt.repository';
import { loadOfflineBundle } from '../../../src/lib/server/offline/offline-bundle.service';
import { loadAssessorSheet } from '../../../src/lib/server/sheets/sheet-view.service';
import { renderBlankSheetPdf } from '../../../src/lib/server/offline/blank-sheet-pdf';

let t: TestDb;
let f: SheetFixture;
const now = new Date('2026-10-01T03:00:00Z');

beforeEach(async () => {
	t = await createTestDb();
	f = await createSheetFixture(t.db, now);
});
afterEach(() => t.cleanup());

describe('outbox receipts', () => {
	it('runs an outbox item once: a resend with the same id gets the stored answer and saves nothing', async () => {
		let runs = 0;
		const save = async () => {
			runs++;
			const r = await saveSheetDraft(
				t.db,
				{ visitId: f.visitId, userId: f.ani, baseVersion: 1, values: { '1.a.K1': { score: 4, note: '' } } },
				now
			);
			return r.ok ? { status: 200, body: r.value } : { status: r.status, body: r };
		};
		const first = await answerOnce(t.db, f.ani, 'item-0001-abcd', now, save);
		const again = await answerOnce(t.db, f.ani, 'item-0001-abcd', now, save);
		expect(runs).toBe(1);
		expect(first).toMatchObject({ status: 200, replayed: false });
		expect(again).toMatchObject({ status: 200, replayed: true, body: { version: 2 } });
		expect((await loadAssessorSheet(t.db, f.visitId, f.ani))!.version).toBe(2);
	});

	it('keeps receipts per user: the same id from another assessor is a new item', async () => {
		let runs = 0;
		const run = async () => ({ status: 200, body: { n: ++runs } });
		await answerOnce(t.db, f.ani, 'same-id-0001', now, run);
		const other = await answerOnce(t.db, f.budi, 'same-id-0001', now, run);
		expect(other).toMatchObject({ replayed: false, body: { n: 2 } });
	});

	it('refuses an id already answered for another request (422), runs nothing, and still replays its own', async () => {
		let runs = 0;
		const run = async () => ({ status: 200, body: { run: ++runs } });
		await answerOnce(t.db, f.ani, 'item-0002-abcd', now, run, 'digest-of-the-first-request');
		const other = await answerOnce(t.db, f.ani, 'item-0002-abcd', now, run, 'digest-of-another-request');
		const same = await answerOnce(t.db, f.ani, 'item-0002-abcd', now, run, 'digest-of-the-first-request');
		expect(runs).toBe(1);
		expect(other).toMatchObject({
			status: 422,
			replayed: false,
			body: { message: expect.stringContaining('Idempotency-Key') }
		});
		expect(same).toMatchObject({ status: 200, replayed: true, body: { run: 1 } });
	});

	it('lets a resend that arrives while the first still runs wait for its answer; the work runs once', async () => {
		let runs = 0;
		let finish!: () => void;
		const held = new Promise<void>((resolve) => (finish = resolve));
		const run = async () => {
			runs++;
			await held;
			return { status: 201, body: { evidence: { id: 7 } } };
		};
		const first = answerOnce(t.db, f.ani, 'item-0003-abcd', now, run, 'digest-a');
		const resend = answerOnce(t.db, f.ani, 'item-0003-abcd', now, run, 'digest-a');
		await new Promise((r) => setTimeout(r, 250));
		expect(runs).toBe(1);
		finish();
		expect(await first).toMatchObject({ status: 201, replayed: false });
		expect(await resend).toMatchObject({ status: 201, replayed: true, body: { evidence: { id: 7 } } });
		expect(runs).toBe(1);
	});

	it('frees the id of a request that failed with an error, and of a claim left by an ended process', async () => {
		const failing = async (): Promise<{ status: number; body: unknown }> => {
			throw new Error('disk full');
		};
		await expect(answerOnce(t.db, f.ani, 'item-0004-abcd', now, failing, 'digest-a')).rejects.toThrow(
			'disk full'
		);
		const ok = async () => ({ status: 200, body: { saved: true } });
		expect(await answerOnce(t.db, f.ani, 'item-0004-abcd', now, ok, 'digest-a')).toMatchObject({
			status: 200,
			replayed: false
		});
		// a claim three minutes old whose request never finished (its process ended)
		const earlier = new Date(now.getTime() - 180_000);
		await claimClientId(t.db, f.ani, 'item-0005-abcd', earlier, 'digest-a');
		expect(await answerOnce(t.db, f.ani, 'item-0005-abcd', now, ok, 'digest-a')).toMatchObject({
			status: 200,
			replayed: false
		});
	});

	it('does not keep a server fault, so the device may try again', async () => {
		await answerOnce(t.db, f.ani, 'fault-0001', now, async () => ({ status: 503, body: {} }));
		const retry = await answerOnce(t.db, f.ani, 'fault-0001', now, async () => ({ status: 200, body: {} }));
		expect(retry).toMatchObject({ status: 200, replayed: false });
	});
});

describe('preparing for offline and paper', () => {
	it("hands the device the assessor's own open sheets with rubric and version", async () => {
		const bundle = await loadOfflineBundle(t.db, f.ani, now);
		const sheet = bundle.sheets.find((s) => s.visit.id === f.visitId)!;
		expect(sheet.version).toBe(1);
		expect(sheet.aspects.flatMap((a) => a.indicators)).toHaveLength(37);
		expect(sheet.aspects[0].indicators[0].levels).toHaveLength(6);
	});

	it('prints a blank sheet with the unit, the assessor and every indicator with its six levels', async () => {
		const sheet = (await loadAssessorSheet(t.db, f.visitId, f.ani))!;
		const pdf = await renderBlankSheetPdf(sheet, 'Ani Penilai (ani@example.test)');
		const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
		expect(text).toContain(sheet.visit.unitName);
		expect(text).toContain('Ani Penilai');
		for (const ind of sheet.aspects.flatMap((a) => a.indicators)) expect(text).toContain(ind.code);
		expect(text).toContain(sheet.aspects[0].indicators[0].levels[5].slice(0, 20));
	}, 60_000);
});
