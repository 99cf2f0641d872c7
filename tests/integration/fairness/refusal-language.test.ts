import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestDb } from '../support/test-db';
import { exampleWithAdmin, NOW } from '../publication/support';
import { insertUser, replaceUnitHeadLinks } from '../../../src/lib/server/accounts/user.repository';
import { fileObjection, openObjectionWindow } from '../../../src/lib/server/objections/objection.service';
import { paraglideMiddleware } from '../../../src/lib/paraglide/server';
import type { ServiceResult } from '../../../src/lib/server/service-result';

// Services refuse with a code; the words follow the request's language (README "Where translation
// happens"). The locale comes from paraglide's middleware exactly as src/hooks.server.ts sets it,
// and outside a request (the command line) the words stay Indonesian.
let t: TestDb;
let adminId: number;
let head: number;
const uploads = mkdtempSync(join(tmpdir(), 'rapor-refusal-'));

beforeAll(async () => {
	({ t, adminId } = await exampleWithAdmin());
	head = await insertUser(
		t.db,
		{ email: 'lurah.b@kota.go.id', name: 'Lurah B', role: 'unit_head', passwordHash: null },
		NOW
	);
	const unit = await t.db
		.selectFrom('unit')
		.select('id')
		.where('code', '=', 'KEL-B')
		.executeTakeFirstOrThrow();
	await replaceUnitHeadLinks(t.db, head, [unit.id]);
	expect(
		(await openObjectionWindow(t.db, { periodCode: 'P1', until: '2099-12-31', actorId: adminId }, NOW)).ok
	).toBe(true);
});
afterAll(async () => {
	await t.cleanup();
	rmSync(uploads, { recursive: true, force: true });
});

const emptyReason = () =>
	fileObjection(
		t.db,
		uploads,
		{
			periodCode: 'P1',
			unitCode: 'KEL-B',
			indicatorCode: '1.a.K1',
			claimedLevel: 4,
			reason: '   ',
			files: [],
			userId: head
		},
		NOW
	);

/** Runs `run` inside a request whose language cookie is `locale`, as the server's hook does. */
function inRequest<T>(locale: 'id' | 'en' | null, run: () => Promise<T>): Promise<T> {
	const headers = locale ? { cookie: `PARAGLIDE_LOCALE=${locale}` } : undefined;
	let out!: T;
	return paraglideMiddleware(new Request('http://127.0.0.1/sanggah', { headers }), async () => {
		out = await run();
		return new Response('');
	}).then(() => out);
}

function refusalOf(r: ServiceResult<unknown>) {
	if (r.ok) throw new Error('expected a refusal');
	return r;
}

describe('refusal language', () => {
	it('words a refusal in English when the request is in English', async () => {
		const r = refusalOf(await inRequest('en', emptyReason));
		expect(r.status).toBe(400);
		expect(r.message).toBe('The reason for the objection is required.');
	});

	it('words the same refusal in Indonesian when the request is Indonesian or names no language', async () => {
		for (const locale of ['id', null] as const) {
			const r = refusalOf(await inRequest(locale, emptyReason));
			expect(r.status).toBe(400);
			expect(r.message).toBe('Alasan sanggahan wajib diisi.');
		}
	});

	it('keeps concurrent requests in their own language', async () => {
		const [en, id] = await Promise.all([inRequest('en', emptyReason), inRequest('id', emptyReason)]);
		expect(refusalOf(en).message).toBe('The reason for the objection is required.');
		expect(refusalOf(id).message).toBe('Alasan sanggahan wajib diisi.');
	});

	it('fills the parameters of a code in either language', async () => {
		const unknownIndicator = () =>
			fileObjection(
				t.db,
				uploads,
				{
					periodCode: 'P1',
					unitCode: 'KEL-B',
					indicatorCode: 'X.9',
					claimedLevel: 4,
					reason: 'Alasan.',
					files: [],
					userId: head
				},
				NOW
			);
		expect(refusalOf(await inRequest('en', unknownIndicator)).message).toBe(
			"Indicator X.9 is not in this period's instrument."
		);
		expect(refusalOf(await inRequest('id', unknownIndicator)).message).toBe(
			'Indikator X.9 tidak ada pada instrumen periode ini.'
		);
	});

	it('answers in Indonesian outside a request, as the command line runs', async () => {
		expect(refusalOf(await emptyReason()).message).toBe('Alasan sanggahan wajib diisi.');
	});
});
