import { createHash } from 'node:crypto';
import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import sharp from 'sharp';

// Evidence files live under UPLOAD_DIR by SHA-256 of their content: identical photos are stored
// once, and a name never comes from the user.
export const THUMBNAIL_WIDTH = 360;

export function sha256Of(bytes: Uint8Array): string {
	return createHash('sha256').update(bytes).digest('hex');
}

export function evidencePath(uploadDir: string, sha256: string): string {
	if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('invalid content hash');
	return join(resolve(uploadDir), sha256.slice(0, 2), sha256);
}

export function thumbnailPath(uploadDir: string, sha256: string): string {
	return evidencePath(uploadDir, sha256) + '.thumb.webp';
}

async function exists(path: string): Promise<boolean> {
	try {
		await stat(path);
		return true;
	} catch {
		return false;
	}
}

async function writeAtomically(path: string, bytes: Uint8Array): Promise<void> {
	await mkdir(join(path, '..'), { recursive: true });
	const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
	await writeFile(tmp, bytes);
	await rename(tmp, path);
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
	if (!(await exists(path))) await writeAtomically(path, bytes);
	if (thumbnail && !(await exists(thumbnailPath(uploadDir, sha256))))
		await writeAtomically(thumbnailPath(uploadDir, sha256), thumbnail);
}
