import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../support/test-db';
import { createSheetFixture, type SheetFixture } from '../support/sheet-fixture';
import { addEvidence } from '../../../src/lib/server/sheets/evidence.service';
import { noteFailure, throttleKeys } from '../../../src/lib/server/accounts/password-throttle';
import { findThrottle } from '../../../src/lib/server/accounts/login-throttle.repository';
import { EVIDENCE_MAX_PER_INDICATOR } from '../../../src/lib/domain/score-sheet';

// Rules that count rows and then write one must hold when requests arrive together: from one
// process (its requests interleave at every await) and, on PostgreSQL, from several processes
// (README "When one machine is not enough"). Each case sends its requests all at once.
let t: TestDb;
const now = new Date('2026-10-01T03:00:00Z');
beforeEach(async () => {
	t = await createTestDb();
});
afterEach(() => t.cleanup());

describe('requests that arrive together', () => {
	it('count every wrong password, so parallel guesses cannot slip past the growing delays', async () => {
		const keys = throttleKeys('sign_in', 'ani@univ.ac.id', '10.6.6.6', true);
		await Promise.all(Array.from({ length: 8 }, () => noteFailure(t.db, keys, now)));
		expect((await findThrottle(t.db, keys.pair))?.failures).toBe(8);
		expect((await findThrottle(t.db, keys.ip!))?.failures).toBe(8);
	});

	it(`store no more than ${EVIDENCE_MAX_PER_INDICATOR} files for one indicator`, async () => {
		const f: SheetFixture = await createSheetFixture(t.db, now);
		const uploads = mkdtempSync(join(tmpdir(), 'rapor-uploads-'));
		try {
			// different PDFs (the store keeps one copy per content), all for the same indicator
			const pdf = (i: number) => Buffer.from(`%PDF-1.4\n% berkas ${i}\ntrailer<<>>\n%%EOF\n`);
			const answers = await Promise.all(
				Array.from({ length: EVIDENCE_MAX_PER_INDICATOR + 4 }, (_, i) =>
					addEvidence(
						t.db,
						uploads,
						{ visitId: f.visitId, userId: f.ani, indicatorCode: '1.a.K1', name: `b${i}.pdf`, bytes: pdf(i) },
						now
					)
				)
			);
			expect(answers.filter((a) => a.ok)).toHaveLength(EVIDENCE_MAX_PER_INDICATOR);
			expect(answers.filter((a) => !a.ok).map((a) => !a.ok && a.status)).toEqual([409, 409, 409, 409]);
			const stored = await t.db
				.selectFrom('evidence')
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.executeTakeFirst();
			expect(Number(stored?.n)).toBe(EVIDENCE_MAX_PER_INDICATOR);
		} finally {
			rmSync(uploads, { recursive: true, force: true });
		}
	});
});
