// The enumerator's questionnaires not yet on the server (README "Survey enumerators"). A database of
// their own beside `rapor-luring`: IndexedDB survives reloads, browser restarts and new builds.
const NAME = 'rapor-enumerasi';

export interface QueuedQuestionnaire {
	/** made on the device: the server stores each id once, so a resend is harmless */
	deviceId: string;
	unitCode: string;
	givenAt: string;
	fields: Record<string, string>;
	/** the server's refusal (4xx), kept on the device so that nothing typed is lost */
	problem: string | null;
}

let opened: Promise<IDBDatabase> | null = null;

function openDb(): Promise<IDBDatabase> {
	opened ??= new Promise((resolve, reject) => {
		const req = indexedDB.open(NAME, 1);
		req.onupgradeneeded = () => req.result.createObjectStore('outbox', { keyPath: 'deviceId' });
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => {
			opened = null;
			reject(req.error);
		};
	});
	return opened;
}

async function run<T>(mode: IDBTransactionMode, act: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
	const st = (await openDb()).transaction('outbox', mode).objectStore('outbox');
	return new Promise((resolve, reject) => {
		const req = act(st);
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error);
	});
}

export const questionnaires = {
	all: async () =>
		((await run('readonly', (s) => s.getAll())) as QueuedQuestionnaire[]).sort((a, b) =>
			a.givenAt.localeCompare(b.givenAt)
		),
	put: async (q: QueuedQuestionnaire) => void (await run('readwrite', (s) => s.put(q))),
	remove: async (deviceId: string) => void (await run('readwrite', (s) => s.delete(deviceId)))
};

/**
 * Sends the queue oldest first. Stored or already stored (a resend): the item leaves the device.
 * Refused (4xx): it stays, with the server's reason. No signal or a server fault: stop and retry later.
 */
export async function sendQuestionnaires(): Promise<'sent' | 'offline' | 'refused'> {
	let refused = false;
	for (const q of await questionnaires.all()) {
		if (q.problem) {
			refused = true;
			continue;
		}
		const res = await fetch('/enumerasi/respon', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({
				deviceId: q.deviceId,
				unitCode: q.unitCode,
				givenAt: q.givenAt,
				fields: q.fields
			}),
			// an expired session answers with a redirect to /login: not an answer, keep the item
			redirect: 'manual'
		}).catch(() => null);
		if (!res || res.type === 'opaqueredirect' || res.status >= 500) return 'offline';
		if (res.ok) {
			await questionnaires.remove(q.deviceId);
			continue;
		}
		const body = (await res.json().catch(() => ({}))) as { problems?: string[] };
		await questionnaires.put({ ...q, problem: body.problems?.join('; ') ?? `HTTP ${res.status}` });
		refused = true;
	}
	return refused ? 'refused' : 'sent';
}
