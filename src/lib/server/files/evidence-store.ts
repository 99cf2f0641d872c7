import sharp from 'sharp';
import { fileExists, sha256Hex, storedFilePath, writeAtomically } from './file-store';

// Evidence files are stored like every upload (file-store.ts), plus a WebP thumbnail beside them.
export const THUMBNAIL_WIDTH = 360;

export const sha256Of = sha256Hex;
export const evidencePath = storedFilePath;

export function thumbnailPath(uploadDir: string, sha256: string): string {
	return storedFilePath(uploadDir, sha256) + '.thumb.webp';
}

/** A decodable image gives its thumbnail bytes; anything sharp cannot read gives null. */
export async function makeThumbnail(bytes: Uint8Array): Promise<Uint8Array | null> {
	try {
		return await sharp(bytes, { failOn: 'error' })
			.rotate()
			.resize({ width: THUMBNAIL_WIDTH, height: THUMBNAIL_WIDTH, fit: 'inside', withoutEnlargement: true })
			.webp({ quality: 70 })
			.toBuffer();
	} catch {
		return null;
	}
}

export async function storeEvidenceFile(
	uploadDir: string,
	sha256: string,
	bytes: Uint8Array,
	thumbnail: Uint8Array | null
): Promise<void> {
	const path = evidencePath(uploadDir, sha256);
	if (!(await fileExists(path))) await writeAtomically(path, bytes);
	if (thumbnail && !(await fileExists(thumbnailPath(uploadDir, sha256))))
		await writeAtomically(thumbnailPath(uploadDir, sha256), thumbnail);
}
