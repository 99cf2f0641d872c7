import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../support/test-db';
import { createSheetFixture, type SheetFixture } from '../support/sheet-fixture';
import { decodeQuotedPrintable, startSmtpSink } from '../support/smtp-sink';
import { loadReminders, sendReminders } from '../../../src/lib/server/visits/reminder.service';
import { loadAttention } from '../../../src/lib/server/periods/attention.service';

let t: TestDb;
let f: SheetFixture;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
const now = new Date('2026-11-29T03:00:00Z');
const today = '2026-11-29';
const ORIGIN = 'https://rapor.kota.go.id';

beforeAll(async () => {
	sink = await startSmtpSink();
});
afterAll(() => sink.close());
beforeEach(async () => {
	t = await createTestDb();
	f = await createSheetFixture(t.db, new Date('2026-09-01T00:00:00Z'));
	sink.mails.length = 0;
});
afterEach(async () => {
	delete process.env.SMTP_URL;
	await t.cleanup();
});

describe('reminders to late assessors', () => {
	it('names the unit, the planned date and the sheet link for each assessor of an overdue visit', async () => {
		const reminders = await loadReminders(t.db, 'P-1', ORIGIN, today);
		expect(reminders.map((r) => r.email).sort()).toEqual(['ani@univ.ac.id', 'budi@univ.ac.id']);
		const body = reminders[0].body;
		expect(body).toContain('Kelurahan Satu (KEL-01)');
		expect(body).toContain('1 Oktober 2026');
		expect(body).toContain(`${ORIGIN}/penilaian/${f.visitId}`);
		expect(reminders[0].whatsapp.startsWith('https://wa.me/?text=')).toBe(true);
		expect(decodeURIComponent(reminders[0].mailto)).toContain(`/penilaian/${f.visitId}`);
		expect(await loadReminders(t.db, 'P-1', ORIGIN, '2026-10-01')).toEqual([]);
	});

	it('e-mails each reminder through a real SMTP server and records it, or says mail is off', async () => {
		const ctx = { origin: ORIGIN, today, actorId: f.admin };
		expect(await sendReminders(t.db, 'P-1', ctx, now)).toEqual({
			ok: false,
			status: 400,
			message: 'Pengiriman email belum diatur (SMTP_URL); pakai tombol WhatsApp atau email per penilai.'
		});
		process.env.SMTP_URL = sink.url;
		expect(await sendReminders(t.db, 'P-1', { ...ctx, today: '2026-10-01' }, now)).toEqual({
			ok: false,
			status: 400,
			message: 'Tidak ada kunjungan yang lewat tanggal tanpa lembar terkirim.'
		});
		expect(sink.mails).toEqual([]);
		expect(await sendReminders(t.db, 'P-1', ctx, now)).toEqual({ ok: true, value: 2 });
		expect(sink.mails.map((m) => m.to[0]).sort()).toEqual(['ani@univ.ac.id', 'budi@univ.ac.id']);
		expect(decodeQuotedPrintable(sink.mails[0].raw)).toContain(`${ORIGIN}/penilaian/${f.visitId}`);
		const audit = await t.db
			.selectFrom('audit_log')
			.select(['action', 'detail'])
			.where('action', '=', 'send_reminders')
			.execute();
		expect(audit).toHaveLength(1);
		expect(JSON.parse(audit[0].detail)).toEqual({ assessors: 2, visits: 2 });
	});
});

describe('what needs attention on the dashboard', () => {
	it('counts overdue visits and week-old drafts of running periods, each with a link, and leaves out empty kinds', async () => {
		await t.db
			.insertInto('score_sheet')
			.values({
				visit_id: f.visitId,
				assessor_id: f.budi,
				created_at: Date.parse('2026-11-01T00:00:00Z'),
				updated_at: Date.parse('2026-11-01T00:00:00Z')
			})
			.execute();
		const admin = { id: f.admin, name: 'admin', email: 'admin@kota.go.id', role: 'admin' as const };
		const items = await loadAttention(t.db, admin, today, now);
		expect(items).toEqual([
			{ kind: 'overdue_visits', periodCode: 'P-1', count: 2, href: '/admin/periode/P-1/progres#reminders' },
			{ kind: 'stale_drafts', periodCode: 'P-1', count: 1, href: '/admin/kunjungan?periode=P-1' }
		]);
		expect(await loadAttention(t.db, admin, today, new Date('2026-11-05T00:00:00Z'))).toEqual([items[0]]);
	});
});
