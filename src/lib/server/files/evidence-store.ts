import { fileExists, sha256Hex, storedFilePath, writeAtomically } from './file-store';

// Evidence files are stored like every upload (file-store.ts), plus a WebP thumbnail beside them.

export const sha256Of = sha256Hex;
export const evidencePath = storedFilePath;

export function thumbnailPath(uploadDir: string, sha256: string): string {
	return storedFilePath(uploadDir, sha256) + '.thumb.webp';
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
