import type { DeviceSheetBase, OutboxEntry } from '$lib/domain/offline';
import type { SheetView } from '$lib/domain/score-sheet';

// The device's copy of the assessor's work (README "Install on a phone and offline work"). It lives in IndexedDB, not in
// the service worker's caches, so a new build (which drops the old caches) never touches it.
const NAME = 'rapor-luring';
const VERSION = 1;

/** A sheet as JSON carries its dates as strings. */
export type StoredSheetView = Omit<SheetView, 'submittedAt'> & { submittedAt: string | null };
export type DeviceSheet = DeviceSheetBase<StoredSheetView>;
export interface OutboxItem extends OutboxEntry {
	code?: string;
	name?: string;
	blob?: Blob;
	createdAt: string;
}

let opened: Promise<IDBDatabase> | null = null;

function openDb(): Promise<IDBDatabase> {
	opened ??= new Promise((resolve, reject) => {
		const req = indexedDB.open(NAME, VERSION);
		// Later versions add stores here; they never drop the outbox.
		req.onupgradeneeded = () => {
			const db = req.result;
			if (!db.objectStoreNames.contains('sheets')) db.createObjectStore('sheets', { keyPath: 'visitId' });
			if (!db.objectStoreNames.contains('outbox')) db.createObjectStore('outbox', { keyPath: 'id' });
			if (!db.objectStoreNames.contains('thumbs')) db.createObjectStore('thumbs');
			if (!db.objectStoreNames.contains('meta')) db.createObjectStore('meta');
		};
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => {
			opened = null;
			reject(req.error);
		};
	});
	return opened;
}

type StoreName = 'sheets' | 'outbox' | 'thumbs' | 'meta';

function done<T>(req: IDBRequest<T>): Promise<T> {
	return new Promise((resolve, reject) => {
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error);
	});
}

async function store(name: StoreName, mode: IDBTransactionMode = 'readonly'): Promise<IDBObjectStore> {
	return (await openDb()).transaction(name, mode).objectStore(name);
}

export const sheets = {
	all: async () => (await done((await store('sheets')).getAll())) as DeviceSheet[],
	get: async (visitId: number) =>
		(await done((await store('sheets')).get(visitId))) as DeviceSheet | undefined,
	put: async (s: DeviceSheet) => void (await done((await store('sheets', 'readwrite')).put(s))),
	remove: async (visitId: number) => void (await done((await store('sheets', 'readwrite')).delete(visitId))),
	/** Read, change and write one sheet in a single transaction: no other write slips in between. */
	update: async (visitId: number, change: (s: DeviceSheet) => DeviceSheet | void) => {
		const st = await store('sheets', 'readwrite');
		const current = (await done(st.get(visitId))) as DeviceSheet | undefined;
		if (!current) return undefined;
		const next = change(current) ?? current;
		await done(st.put(next));
		return next;
	}
};

const bySeq = (items: OutboxItem[]) => items.sort((a, b) => a.seq - b.seq);

/**
 * Every change that depends on what is queued (folding a save, the next position, a sent flag)
 * reads and writes in one transaction. IndexedDB runs read-write transactions on a store one at a
 * time, in this tab and in others: two quick taps can no longer both read the queue before either
 * writes, which queued two saves at one position, the older sometimes sent last.
 */
export const outbox = {
	all: async () => bySeq((await done((await store('outbox')).getAll())) as OutboxItem[]),
	put: async (item: OutboxItem) => void (await done((await store('outbox', 'readwrite')).put(item))),
	remove: async (id: string) => void (await done((await store('outbox', 'readwrite')).delete(id))),
	/** Writes the items `change` makes from the queue as it is, and removes the ids it names. */
	change: async (change: (queue: OutboxItem[]) => { put: OutboxItem[]; remove?: string[] }) => {
		const st = await store('outbox', 'readwrite');
		const queue = bySeq((await done(st.getAll())) as OutboxItem[]);
		const { put, remove = [] } = change(queue);
		await Promise.all([...put.map((i) => done(st.put(i))), ...remove.map((id) => done(st.delete(id)))]);
	},
	/** Changes the stored item as it is now; an item gone meanwhile stays gone. */
	update: async (id: string, change: (item: OutboxItem) => OutboxItem) => {
		const st = await store('outbox', 'readwrite');
		const current = (await done(st.get(id))) as OutboxItem | undefined;
		if (current) await done(st.put(change(current)));
	}
};

export const thumbs = {
	get: async (evidenceId: number) =>
		(await done((await store('thumbs')).get(evidenceId))) as Blob | undefined,
	put: async (evidenceId: number, blob: Blob) =>
		void (await done((await store('thumbs', 'readwrite')).put(blob, evidenceId)))
};

export const meta = {
	get: async (key: string) => (await done((await store('meta')).get(key))) as string | undefined,
	put: async (key: string, value: string) =>
		void (await done((await store('meta', 'readwrite')).put(value, key)))
};

/** When an outbox item was made, for the record. */
export const stamp = (): string => new Date().toISOString();
