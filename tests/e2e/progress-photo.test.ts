import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { openBrowser, signIn, type Session } from './support/browser';
import { DEMO, DEMO_PASSWORD, dbRead } from './support/http';

// A camera photo attached to coaching progress is shrunk in the browser before upload (README
// "Report cards and coaching"): a 4000×3000 picture arrives as a JPEG of at most 1600 px.

let s: Session;
beforeAll(async () => {
	s = await openBrowser();
	await signIn(s.page, DEMO.head, DEMO_PASSWORD);
});
afterAll(async () => s?.close());

describe('coaching progress photos', () => {
	it('shrinks a large camera photo to a JPEG of at most 1600 px before uploading it', async () => {
		// A camera-sized picture (smooth gradients, so the PNG itself stays small to hand over).
		const [width, height] = [4000, 3000];
		const pixels = Buffer.alloc(width * height * 3);
		for (let i = 0; i < pixels.length; i += 3) {
			const x = (i / 3) % width;
			const y = Math.floor(i / 3 / width);
			pixels[i] = x >> 4;
			pixels[i + 1] = y >> 4;
			pixels[i + 2] = ((x + y) >> 5) & 255;
		}
		const photo = await sharp(pixels, { raw: { width, height, channels: 3 } })
			.png()
			.toBuffer();

		const [plan] = dbRead<{ id: number }>(
			`select cp.id from coaching_plan cp join unit u on u.id = cp.unit_id where u.code = 'KEL-18' order by cp.id limit 1`
		);
		await s.page.goto(`/pembinaan/${plan.id}`);
		const item = s.page
			.locator('[data-testid=plan-item]')
			.filter({ has: s.page.locator('[data-testid=progress-form]') })
			.last();
		const itemId = Number(await item.locator('input[name=itemId]').inputValue());
		await item.locator('textarea[name=note]').fill('Foto ruang tunggu setelah ditata ulang.');
		await item
			.locator('input[name=berkas]')
			.setInputFiles({ name: 'IMG_2041.png', mimeType: 'image/png', buffer: photo }, { timeout: 90_000 });
		await item.locator('button[type=submit]').click();
		await s.page.waitForSelector('.alert.success', { timeout: 30_000 });

		const [stored] = dbRead<{ id: number; mime: string; size: number }>(
			`select pr.id, f.mime, f.size from coaching_progress pr join stored_file f on f.id = pr.file_id
			 where pr.item_id = ? order by pr.id desc limit 1`,
			itemId
		);
		expect(stored.mime).toBe('image/jpeg');
		expect(stored.size).toBeLessThan(photo.length / 4);
		const file = await s.page.request.get(`/pembinaan/${plan.id}/bukti/${stored.id}`);
		expect(file.status()).toBe(200);
		const meta = await sharp(Buffer.from(await file.body())).metadata();
		expect(Math.max(meta.width!, meta.height!)).toBeLessThanOrEqual(1600);
		expect(meta.width! / meta.height!).toBeCloseTo(4 / 3, 2);
	}, 120_000);
});
