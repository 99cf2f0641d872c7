import { describe, expect, it } from 'vitest';
import { createSnapshotCache } from '../../../src/lib/server/publication/snapshot-cache';

// A published snapshot is parsed once and shared by every later reader of the same publication
// row (src/lib/server/publication/snapshot-cache.ts). Shared means frozen, bounded and per database.

function documentOf(name: string, padding = 0): string {
	return JSON.stringify({
		period: { code: 'P', name, instrument: 'PERMENPANRB-17-2017', status: 'published' },
		categories: [{ name: 'Kelurahan', units: [{ code: 'K1', ipp: 3.5 }], pad: 'x'.repeat(padding) }]
	});
}

function countingReader(json: string) {
	const reader = { calls: 0, read: async () => (reader.calls++, json) };
	return reader;
}

const db = {};
const key = (publicationId: number) => ({ publicationId, publishedAt: 1_700_000_000_000 });

describe('parsed published snapshots', () => {
	it('reads and parses a publication row once, however many readers ask for it', async () => {
		const cache = createSnapshotCache(1_000_000);
		const reader = countingReader(documentOf('Tahun 2026'));
		const [a, b] = await Promise.all([
			cache.parsed(db, key(1), reader.read),
			cache.parsed(db, key(1), reader.read)
		]);
		const c = await cache.parsed(db, key(1), reader.read);
		expect(reader.calls).toBe(1);
		expect(a.period.name).toBe('Tahun 2026');
		expect(b).toBe(a);
		expect(c).toBe(a);
	});

	it('reads a new revision, and the same id written at another moment, as a new document', async () => {
		const cache = createSnapshotCache(1_000_000);
		const first = await cache.parsed(db, key(1), async () => documentOf('Revisi 1'));
		const second = await cache.parsed(db, key(2), async () => documentOf('Revisi 2'));
		const rewritten = await cache.parsed(db, { publicationId: 1, publishedAt: 1_800_000_000_000 }, async () =>
			documentOf('Lain')
		);
		expect([first.period.name, second.period.name, rewritten.period.name]).toEqual([
			'Revisi 1',
			'Revisi 2',
			'Lain'
		]);
	});

	it('keeps the documents of one database apart from those of another', async () => {
		const cache = createSnapshotCache(1_000_000);
		const here = await cache.parsed({}, key(1), async () => documentOf('Kota A'));
		const there = await cache.parsed({}, key(1), async () => documentOf('Kota B'));
		expect(here.period.name).toBe('Kota A');
		expect(there.period.name).toBe('Kota B');
	});

	it('hands out frozen documents, so no reader can change what the next one sees', async () => {
		const cache = createSnapshotCache(1_000_000);
		const doc = await cache.parsed(db, key(1), async () => documentOf('Beku'));
		expect(() => {
			(doc.period as { status: string }).status = 'archived';
		}).toThrow(TypeError);
		expect(() => {
			doc.categories[0].units.pop();
		}).toThrow(TypeError);
		expect(() => {
			(doc.categories[0].units[0] as { ipp: number }).ipp = 4;
		}).toThrow(TypeError);
		expect((await cache.parsed(db, key(1), async () => documentOf('Lain'))).categories[0].units[0].ipp).toBe(
			3.5
		);
	});

	it('drops the least recently read documents beyond its budget, never the one just read', async () => {
		const size = documentOf('A', 1000).length;
		const cache = createSnapshotCache(size * 2);
		const readers = [1, 2, 3].map(() => countingReader(documentOf('A', 1000)));
		await cache.parsed(db, key(1), readers[0].read);
		await cache.parsed(db, key(2), readers[1].read);
		await cache.parsed(db, key(1), readers[0].read); // 1 is now the more recent of the two
		await cache.parsed(db, key(3), readers[2].read); // over budget: 2 goes
		await cache.parsed(db, key(1), readers[0].read);
		await cache.parsed(db, key(3), readers[2].read);
		expect(readers.map((r) => r.calls)).toEqual([1, 1, 1]);
		await cache.parsed(db, key(2), readers[1].read);
		expect(readers[1].calls).toBe(2);

		const tiny = createSnapshotCache(10);
		const big = countingReader(documentOf('Besar', 1000));
		await tiny.parsed(db, key(9), big.read);
		await tiny.parsed(db, key(9), big.read);
		expect(big.calls).toBe(1);
	});

	it('does not keep a failed read or a document that is not JSON', async () => {
		const cache = createSnapshotCache(1_000_000);
		await expect(cache.parsed(db, key(1), () => Promise.reject(new Error('disk')))).rejects.toThrow('disk');
		await expect(cache.parsed(db, key(2), async () => '{"period":')).rejects.toThrow(SyntaxError);
		expect((await cache.parsed(db, key(1), async () => documentOf('Lagi'))).period.name).toBe('Lagi');
		expect((await cache.parsed(db, key(2), async () => documentOf('Lagi'))).period.name).toBe('Lagi');
	});
});
