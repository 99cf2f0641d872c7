import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { extractText, getDocumentProxy } from 'unpdf';
import { createTestDb, type TestDb } from '../support/test-db';
import { createSheetFixture, type SheetFixture } from '../support/sheet-fixture';
import { saveSheetDraft } from '../../../src/lib/server/sheets/score-sheet.service';
import { answerOnce } from '../../../src/lib/server/offline/sync-receipt.service';
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
			return { status: r.ok ? 200 : r.status, body: r };
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
