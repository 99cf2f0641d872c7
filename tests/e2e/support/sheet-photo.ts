import sharp from 'sharp';
import type { Page } from 'playwright-core';

/**
 * Takes a photo for an indicator as a phone does: a JPEG of the given size through the sheet's
 * camera input (`capture`), which the page shrinks and queues like any photo.
 */
export async function takePhoto(
	page: Page,
	indicatorCode: string,
	name: string,
	size: { width: number; height: number } = { width: 800, height: 600 },
	background = '#37a'
): Promise<void> {
	const buffer = await sharp({ create: { ...size, channels: 3, background } })
		.jpeg()
		.toBuffer();
	await page.setInputFiles(`input[name="evidence.${indicatorCode}"][capture]`, {
		name,
		mimeType: 'image/jpeg',
		buffer
	});
}
