import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../support/test-db';
import { seedInstruments } from '../../../db/seeds/demo-city';
import { insertUser } from '../../../src/lib/server/accounts/user.repository';
import { findInstrumentByCode } from '../../../src/lib/server/periods/instrument.repository';
import { insertPeriod } from '../../../src/lib/server/periods/period.repository';
import { cloneInstrument, editInstrument } from '../../../src/lib/server/periods/instrument-admin.service';
import { instrumentIssueText } from '../../../src/lib/i18n/instrument-text';
import { baseLocale, overwriteGetLocale } from '../../../src/lib/paraglide/runtime';

const now = new Date('2026-11-22T03:00:00Z');
let t: TestDb;
let admin: number;

beforeEach(async () => {
	t = await createTestDb();
	await seedInstruments(t.db, now);
	admin = await insertUser(t.db, { email: 'a@x.id', name: 'Admin', role: 'admin', passwordHash: null }, now);
});
afterEach(() => t.cleanup());

describe('instrument clone and edit', () => {
	it('clones a version and edits its texts and weights', async () => {
		expect(await cloneInstrument(t.db, 'permenpan-17-2017', 'PM17-Kota', 'Versi kota', admin, now)).toEqual({
			ok: true,
			value: 'pm17-kota'
		});
		const copy = (await findInstrumentByCode(t.db, 'pm17-kota'))!;
		expect(copy.basedOnCode).toBe('permenpan-17-2017');
		const ind = copy.def.aspects[0].indicators[0];
		const r = await editInstrument(
			t.db,
			'pm17-kota',
			{
				[`ind.${ind.code}.title`]: 'Judul baru',
				[`ind.${ind.code}.level.3`]: 'Deskripsi level tiga',
				[`ind.${ind.code}.evidence`]: 'SK\nFoto'
			},
			admin,
			now
		);
		expect(r.ok).toBe(true);
		const saved = (await findInstrumentByCode(t.db, 'pm17-kota'))!.def.aspects[0].indicators[0];
		expect(saved).toMatchObject({ title: 'Judul baru', evidence: ['SK', 'Foto'] });
		expect(saved.levels[3]).toBe('Deskripsi level tiga');
	});

	it('refuses weights that break docs/rules.md §3 and keeps the stored version', async () => {
		await cloneInstrument(t.db, 'permenpan-17-2017', 'pm17-kota', 'Versi kota', admin, now);
		const before = (await findInstrumentByCode(t.db, 'pm17-kota'))!.def;
		const a = before.aspects[0];
		const r = await editInstrument(t.db, 'pm17-kota', { [`aspect.${a.code}.weight`]: '0,9' }, admin, now);
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.status).toBe(400);
		expect(r.issues!.map((e) => e.message).join()).toContain('Jumlah bobot aspek');
		expect(r.issues!.map((e) => e.code)).toContain('aspect_sum');
		const bad = await editInstrument(t.db, 'pm17-kota', { [`aspect.${a.code}.weight`]: 'tiga' }, admin, now);
		expect(bad.ok === false && bad.issues![0].message).toContain('bukan angka');
		// The page words each problem in the reader's language.
		const issue = !bad.ok ? bad.issues![0] : null;
		overwriteGetLocale(() => 'en');
		try {
			expect(instrumentIssueText(issue!)).toBe(
				`Weight of aspect ${a.code}: "tiga" is not a number (for example 0.25)`
			);
			expect(instrumentIssueText(r.issues!.find((e) => e.code === 'aspect_sum')!)).toMatch(
				/^Aspect weights add up to \d\.\d{3}; they must add up to 1 \(tolerance 0\.001\)$/
			);
		} finally {
			overwriteGetLocale(() => baseLocale);
		}
		expect(instrumentIssueText(issue!)).toBe(`Bobot aspek ${a.code}: "tiga" bukan angka (contoh 0,25)`);
		expect((await findInstrumentByCode(t.db, 'pm17-kota'))!.def).toEqual(before);
	});

	it('never edits a version used by a period', async () => {
		const inst = (await findInstrumentByCode(t.db, 'permenpan-17-2017'))!;
		await insertPeriod(
			t.db,
			{ code: 'P', name: 'P', instrumentId: inst.id, startsOn: '2027-01-01', endsOn: '2027-02-01' },
			now
		);
		expect(await editInstrument(t.db, 'permenpan-17-2017', { name: 'Lain' }, admin, now)).toMatchObject({
			ok: false,
			status: 409
		});
	});
});
