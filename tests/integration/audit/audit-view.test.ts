import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../support/test-db';
import { auditTrail } from '../../../src/lib/server/audit/audit.repository';
import { listAuditEntries } from '../../../src/lib/server/audit/audit-query.repository';
import { toAuditRow } from '../../../src/lib/server/audit/audit-view';
import { baseLocale, overwriteGetLocale } from '../../../src/lib/paraglide/runtime';

let t: TestDb;
const now = new Date('2026-11-29T08:00:00Z');
beforeEach(async () => {
	t = await createTestDb();
	const at = (ms: number) => auditTrail(t.db, null, new Date(now.getTime() + ms));
	await at(0).record('sign_in', 'user', 7);
	await at(1000).record('score_change', 'score_sheet', 12, {
		indicator: '1.a.K1',
		old: { score: 3, note: null },
		new: { score: 4, note: null },
		version: 2
	});
	await at(2000).record('period.publish', 'period', 'P');
	await at(3000).record('brand_new_thing', 'gadget');
});
afterEach(() => t.cleanup());

describe('the audit log in words', () => {
	it('names actions, objects and changed fields in Indonesian and in English, keeping the raw JSON', async () => {
		overwriteGetLocale(() => baseLocale);
		const { entries } = await listAuditEntries(t.db, { limit: 10, offset: 0 });
		const rows = entries.map(toAuditRow);
		expect(rows.map((r) => r.action)).toEqual([
			'brand new thing',
			'Menerbitkan hasil',
			'Mengubah nilai',
			'Masuk'
		]);
		expect(rows[2].entity).toBe('Lembar nilai 12');
		expect(rows[2].lines).toEqual([
			{ field: 'nilai', from: '3', to: '4' },
			{ field: 'indikator', value: '1.a.K1' },
			{ field: 'versi', value: '2' }
		]);
		expect(JSON.parse(rows[2].raw!)).toMatchObject({ indicator: '1.a.K1' });
		expect(rows[3]).toMatchObject({
			user: 'baris perintah / sistem',
			entity: 'Pengguna 7',
			raw: null,
			lines: []
		});

		overwriteGetLocale(() => 'en');
		const en = entries.map(toAuditRow);
		expect(en.map((r) => r.action)).toEqual([
			'brand new thing',
			'Published the results',
			'Changed a score',
			'Signed in'
		]);
		expect(en[2].lines[0]).toEqual({ field: 'score', from: '3', to: '4' });
		overwriteGetLocale(() => baseLocale);
	});
});
