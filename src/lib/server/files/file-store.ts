import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { readConfig } from '../config';

// Every uploaded file (evidence, coaching progress, the city logo) lives under UPLOAD_DIR named by
// the SHA-256 of its content, in <dir>/<first two hex>/<hash>: identical files are stored once and
// no path ever comes from the user.

export function sha256Hex(bytes: Uint8Array): string {
	return createHash('sha256').update(bytes).digest('hex');
}

export function storedFilePath(uploadDir: string, sha256: string): string {
	if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('invalid content hash');
	return join(resolve(uploadDir), sha256.slice(0, 2), sha256);
}

export async function fileExists(path: string): Promise<boolean> {
	try {
		await stat(path);
		return true;
	} catch {
		return false;
	}
}

/**
 * Written under a temporary name first, so a reader never sees half a file. The temporary name is
 * the writer's own (several processes may share UPLOAD_DIR, one process may take two uploads of
 * the same photo at once); the rename that ends each write puts the same bytes under one name.
 */
export async function writeAtomically(path: string, bytes: Uint8Array): Promise<void> {
	await mkdir(join(path, '..'), { recursive: true });
	const tmp = `${path}.${process.pid}.${randomUUID()}.tmp`;
	await writeFile(tmp, bytes);
	await rename(tmp, path);
}

export async function writeStoredFile(uploadDir: string, sha256: string, bytes: Uint8Array): Promise<void> {
	const path = storedFilePath(uploadDir, sha256);
	if (!(await fileExists(path))) await writeAtomically(path, bytes);
}

/** Stores bytes under the configured UPLOAD_DIR and returns their hash. */
export async function storeFileBytes(bytes: Uint8Array): Promise<string> {
	const hash = sha256Hex(bytes);
	await writeStoredFile(readConfig().uploadDir, hash, bytes);
	return hash;
}

export async function readStoredBytes(hash: string): Promise<Uint8Array | null> {
	if (!/^[0-9a-f]{64}$/.test(hash)) return null;
	try {
		return await readFile(storedFilePath(readConfig().uploadDir, hash));
	} catch {
		return null;
	}
}
