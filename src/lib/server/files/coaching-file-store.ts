import { createHash } from 'node:crypto';
import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

// Progress evidence lives under UPLOAD_DIR by SHA-256 of its content (same layout as assessor
// evidence: <dir>/<first two hex>/<hash>), so identical files are stored once and no name
// ever comes from the user.

export function sha256Hex(bytes: Uint8Array): string {
	return createHash('sha256').update(bytes).digest('hex');
}

export function storedFilePath(uploadDir: string, sha256: string): string {
	if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('invalid content hash');
	return join(resolve(uploadDir), sha256.slice(0, 2), sha256);
}

export async function writeStoredFile(uploadDir: string, sha256: string, bytes: Uint8Array): Promise<void> {
	const path = storedFilePath(uploadDir, sha256);
	try {
		await stat(path);
		return;
	} catch {
		/* not stored yet */
	}
	await mkdir(join(path, '..'), { recursive: true });
	const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
	await writeFile(tmp, bytes);
	await rename(tmp, path);
}
