import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readConfig } from '../config';

// Uploaded files live in UPLOAD_DIR named by their SHA-256: the same content is stored once.

export function sha256Hex(bytes: Uint8Array): string {
	return createHash('sha256').update(bytes).digest('hex');
}

export async function storeFileBytes(bytes: Uint8Array): Promise<string> {
	const hash = sha256Hex(bytes);
	const dir = readConfig().uploadDir;
	await mkdir(dir, { recursive: true });
	await writeFile(join(dir, hash), bytes);
	return hash;
}

export async function readStoredBytes(hash: string): Promise<Uint8Array | null> {
	if (!/^[0-9a-f]{64}$/.test(hash)) return null;
	try {
		return await readFile(join(readConfig().uploadDir, hash));
	} catch {
		return null;
	}
}
