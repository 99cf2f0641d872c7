import { takePhoto } from './support/sheet-photo';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseURL, openBrowser, type Session } from './support/browser';
import {
	postEvidence,
	prepare,
	sendCutOff,
	scoreAll,
	stateLine,
	storedLevels,
	storedSheet,
	waitForStateLine
} from './support/offline';

let s: Session;

beforeAll(async () => {
	s = await openBrowser({ width: 390, height: 844 });
});
afterAll(() => s.close());

// README "Install on a phone and offline work": a stored sheet survives reloads without signal,
// also with a photo still in the outbox, and the outbox then arrives exactly once.
describe('an assessor without signal', () => {
	it('prepares, works offline across reloads and everything arrives exactly once', async () => {
		const page = s.page;
		const visitId = await prepare(page, 'nadia.bem@student.unc.ac.id');

		await s.context.setOffline(true);
		await page.reload();
		expect(new URL(page.url()).pathname).toBe('/luring');
		await page.click(`a[href="#kunjungan-${visitId}"]`);
		await page.locator('[data-testid=aspect-index]').waitFor();
		const codes = await scoreAll(page);
		expect(codes.length).toBe(37);
		await takePhoto(page, codes[1], 'loket.jpg');
		await waitForStateLine(page, /2 menunggu kirim/);
		expect(await stateLine(page)).toBe('draf, 37/37 ✓, 2 menunggu kirim');

		// a reload without signal (the page comes from the service worker) loses nothing
		await page.reload();
		expect(new URL(page.url()).hash).toBe(`#kunjungan-${visitId}`);
		await page.locator('[data-testid=offline-state-line]').waitFor();
		expect(await stateLine(page)).toBe('draf, 37/37 ✓, 2 menunggu kirim');
		expect(await page.isChecked(`input[name="score.${codes[0]}"][value="5"]`)).toBe(true);
		expect(await page.inputValue(`textarea[name="note.${codes[36]}"]`)).toBe(`Catatan luring ${codes[36]}`);
		expect(await page.locator(`[id="ind-${codes[1]}"] img[src^="blob:"]`).count()).toBe(1);
		expect(storedSheet(visitId, 'nadia.bem@student.unc.ac.id')).toBeNull();

		await s.context.setOffline(false);
		await waitForStateLine(page, /semua terkirim/, 30_000);
		expect(storedSheet(visitId, 'nadia.bem@student.unc.ac.id')).toMatchObject({
			status: 'draft',
			version: 2,
			scored: 37,
			notes: 37,
			evidence: 1
		});
	}, 180_000);

	it('answers a resent outbox item from its receipt and stores nothing twice', async () => {
		await s.context.setOffline(false);
		const page = s.page;
		const visitId = Number(/kunjungan-(\d+)/.exec(page.url())![1]);
		const before = storedSheet(visitId, 'nadia.bem@student.unc.ac.id')!;
		const file = { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d, 0x31], name: 'ulang.pdf' };
		const answers = [];
		for (let i = 0; i < 2; i++) {
			const { status, replayed } = await postEvidence(page, visitId, 'resend-test-0001', file);
			answers.push({ status, replayed });
		}
		expect(answers).toEqual([
			{ status: 201, replayed: null },
			{ status: 201, replayed: 'true' }
		]);
		expect(storedSheet(visitId, 'nadia.bem@student.unc.ac.id')!.evidence).toBe(before.evidence + 1);
	});

	it('refuses the id of an answered outbox item sent again with another file, and stores nothing', async () => {
		const page = s.page;
		const visitId = Number(/kunjungan-(\d+)/.exec(page.url())![1]);
		const before = storedSheet(visitId, 'nadia.bem@student.unc.ac.id')!;
		const file = { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d, 0x32], name: 'lain.pdf' };
		const { status, body } = await postEvidence(page, visitId, 'resend-test-0001', file);
		const answer = { status, body };
		expect(answer).toEqual({
			status: 422,
			body: { message: expect.stringContaining('Idempotency-Key ini sudah dipakai untuk permintaan lain') }
		});
		expect(storedSheet(visitId, 'nadia.bem@student.unc.ac.id')).toEqual(before);
	});

	it('queues two taps made at once as one save carrying both, and both levels arrive', async () => {
		const page = s.page;
		const visitId = Number(/kunjungan-(\d+)/.exec(page.url())![1]);
		const [a, b] = await page.$$eval('input[type=radio][value="3"]', (els) =>
			els.slice(3, 5).map((e) => (e as HTMLInputElement).name.slice('score.'.length))
		);
		await s.context.setOffline(true);
		// both changes start before either is queued, as two quick taps on a slow phone
		await page.evaluate(
			([x, y]) => {
				(document.querySelector(`input[name="score.${x}"][value="2"]`) as HTMLInputElement).click();
				(document.querySelector(`input[name="score.${y}"][value="4"]`) as HTMLInputElement).click();
			},
			[a, b]
		);
		await waitForStateLine(page, /, 1 menunggu kirim$/);
		await s.context.setOffline(false);
		await waitForStateLine(page, /semua terkirim$/);
		expect(storedLevels(visitId, 'nadia.bem@student.unc.ac.id', [a, b])).toEqual({ [a]: 2, [b]: 4 });
	});

	it('lists a photo once when its answer was lost and the resend is answered with the stored file', async () => {
		const page = s.page;
		const visitId = Number(/kunjungan-(\d+)/.exec(page.url())![1]);
		const code = await page.$$eval('input[type=radio][value="3"]', (els) =>
			(els[5] as HTMLInputElement).name.slice('score.'.length)
		);
		const before = storedSheet(visitId, 'nadia.bem@student.unc.ac.id')!.evidence;
		let lost!: () => void;
		const answerLost = new Promise<void>((resolve) => (lost = resolve));
		// the server stores the photo and its answer; the connection drops before the phone reads it
		await page.route(
			`**/penilaian/${visitId}/bukti`,
			async (route) => {
				await route.fetch();
				await route.abort('connectionreset');
				lost();
			},
			{ times: 1 }
		);
		await takePhoto(page, code, 'jawaban-hilang.jpg');
		await answerLost;
		await waitForStateLine(page, /, 1 menunggu kirim$/);
		expect(storedSheet(visitId, 'nadia.bem@student.unc.ac.id')!.evidence).toBe(before + 1);

		// the next visit lists the stored photo, then sends the photo again and is answered with it
		await page.reload();
		await waitForStateLine(page, /semua terkirim$/);
		expect(await page.locator(`[id="ind-${code}"] ul.evidence li:not(.pending)`).count()).toBe(1);
		expect((await page.pageErrors()).map(String)).toEqual([]);
		expect(storedSheet(visitId, 'nadia.bem@student.unc.ac.id')!.evidence).toBe(before + 1);
	});

	// Last: its save moves the sheet on behind the page's back.
	it('stores a photo and a save whose first sending was cut off on the way, resent under the same key', async () => {
		const page = s.page;
		const visitId = Number(/kunjungan-(\d+)/.exec(page.url())![1]);
		const before = storedSheet(visitId, 'nadia.bem@student.unc.ac.id')!;
		const session = (await s.context.cookies()).find((c) => c.name === 'rl_session')!;
		const send = async (path: string, key: string, type: string, body: Uint8Array<ArrayBuffer>) => {
			const headers = {
				cookie: `rl_session=${session.value}`,
				origin: baseURL(),
				'content-type': type,
				'idempotency-key': key
			};
			// the phone loses its signal halfway; its outbox sends the item again, whole
			await sendCutOff(path, headers, body);
			const res = await fetch(`${baseURL()}${path}`, { method: 'POST', headers, body });
			return { status: res.status, body: (await res.json()) as Record<string, unknown> };
		};

		const form = new FormData();
		form.set('indicator', '1.a.K1');
		form.set(
			'file',
			new Blob([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x33, ...Array(4000).fill(0x20)])]),
			'potong.pdf'
		);
		const multipart = new Request('http://x/', { method: 'POST', body: form });
		const photo = await send(
			`/penilaian/${visitId}/bukti`,
			'cut-off-photo-0001',
			multipart.headers.get('content-type')!,
			new Uint8Array(await multipart.arrayBuffer())
		);
		expect(photo.status).toBe(201);
		expect(storedSheet(visitId, 'nadia.bem@student.unc.ac.id')!.evidence).toBe(before.evidence + 1);

		const code = (await page.$$eval('input[type=radio][value="1"]', (els) =>
			(els[7] as HTMLInputElement).name.slice('score.'.length)
		)) as string;
		const save = await send(
			`/penilaian/${visitId}/simpan`,
			'cut-off-save-0001',
			'application/json',
			new TextEncoder().encode(
				JSON.stringify({ version: before.version, values: { [code]: { score: 1, note: 'x'.repeat(2000) } } })
			)
		);
		expect(save).toMatchObject({ status: 200, body: { version: before.version + 1 } });
		expect(storedLevels(visitId, 'nadia.bem@student.unc.ac.id', [code])).toEqual({ [code]: 1 });
	});
});
