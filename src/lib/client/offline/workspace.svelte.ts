import {
	pendingByVisit,
	queueSave,
	nextSeq,
	refreshedSheet,
	requeueResolved,
	resolveConflict,
	type ConflictChoices
} from '$lib/domain/offline';
import { listProblems, type SheetProblem, type SheetValues } from '$lib/domain/score-sheet';
import { shrinkImage } from '$lib/client/shrink-image';
import {
	meta,
	outbox,
	sheets,
	stamp,
	thumbs,
	type DeviceSheet,
	type OutboxItem,
	type StoredSheetView
} from './store';
import { sendOutbox, type SyncProgress } from './sync';

/** Everything the offline pages show, read from IndexedDB and written back on every change. */
export class OfflineWorkspace {
	sheets = $state<DeviceSheet[]>([]);
	queue = $state<OutboxItem[]>([]);
	thumbUrls = $state<Record<number, string>>({});
	/** Previews of queued photos, made here on load: a derived value in a component must not write state. */
	photoUrls = $state<Record<string, string>>({});
	preparedAt = $state<string | null>(null);
	progress = $state<SyncProgress>({ state: 'idle', photo: null });
	loaded = $state(false);

	pending(visitId: number): number {
		return pendingByVisit(this.queue).get(visitId) ?? 0;
	}

	queuedSubmit(visitId: number): boolean {
		return this.queue.some((i) => i.visitId === visitId && i.kind === 'submit');
	}

	async load(): Promise<void> {
		const [all, queue, at] = await Promise.all([sheets.all(), outbox.all(), meta.get('preparedAt')]);
		this.sheets = all.sort((a, b) =>
			(a.server.visit.plannedOn ?? '9999').localeCompare(b.server.visit.plannedOn ?? '9999')
		);
		this.queue = queue;
		for (const item of queue)
			if (item.kind === 'photo' && item.blob && !this.photoUrls[item.id])
				this.photoUrls[item.id] = URL.createObjectURL(item.blob);
		this.preparedAt = at ?? null;
		for (const s of all)
			for (const e of s.server.evidence)
				if (!this.thumbUrls[e.id]) {
					const blob = await thumbs.get(e.id);
					if (blob) this.thumbUrls[e.id] = URL.createObjectURL(blob);
				}
		this.loaded = true;
	}

	/** "Siapkan untuk luring": fetches the open sheets and keeps them, without losing unsent work. */
	async prepare(): Promise<boolean> {
		const res = await fetch('/penilaian/luring.json', { redirect: 'manual' }).catch(() => null);
		if (!res?.ok) return false;
		const bundle = (await res.json()) as { preparedAt: string; sheets: StoredSheetView[] };
		const queue = await outbox.all();
		const counts = pendingByVisit(queue);
		for (const server of bundle.sheets) {
			const local = await sheets.get(server.visit.id);
			await sheets.put(refreshedSheet(local, server.visit.id, server, counts.get(server.visit.id) ?? 0));
			for (const e of server.evidence)
				if (e.thumbUrl && !(await thumbs.get(e.id))) {
					const t = await fetch(e.thumbUrl).catch(() => null);
					if (t?.ok) await thumbs.put(e.id, await t.blob());
				}
		}
		// Sheets submitted or unassigned meanwhile leave the device once nothing of theirs is unsent.
		const kept = bundle.sheets.map((s) => s.visit.id);
		for (const s of await sheets.all())
			if (!kept.includes(s.visitId) && !counts.get(s.visitId) && !s.conflict) await sheets.remove(s.visitId);
		await meta.put('preparedAt', bundle.preparedAt);
		// the offline page itself, refreshed through the service worker's cache
		await fetch('/luring').catch(() => null);
		await fetch('/luring/__data.json').catch(() => null);
		await this.load();
		return true;
	}

	async edit(visitId: number, edited: SheetValues): Promise<void> {
		const values = $state.snapshot(edited);
		await sheets.update(visitId, (s) => {
			s.values = values;
		});
		await outbox.change((queue) => {
			const entry = queueSave(queue, visitId, values, crypto.randomUUID());
			return { put: [{ createdAt: stamp(), ...queue.find((q) => q.id === entry.id), ...entry }] };
		});
		// only what changed is read back: a note typed offline must not wait on the whole store
		this.queue = await outbox.all();
		const shown = this.sheets.find((s) => s.visitId === visitId);
		if (shown) shown.values = values;
		void this.sync();
	}

	async addPhotos(visitId: number, code: string, files: File[]): Promise<void> {
		for (const original of files) {
			const { file } = await shrinkImage(original);
			await outbox.change((queue) => ({
				put: [
					{
						id: crypto.randomUUID(),
						seq: nextSeq(queue),
						visitId,
						kind: 'photo',
						code,
						name: file.name,
						blob: file,
						createdAt: stamp()
					}
				]
			}));
		}
		await this.load();
		void this.sync();
	}

	async dropItem(id: string): Promise<void> {
		await outbox.remove(id);
		await this.load();
	}

	/** Checked on the device with the server's own rule first; queued only when it passes. */
	async submit(sheet: DeviceSheet): Promise<SheetProblem[]> {
		const indicators = sheet.server.aspects.flatMap((a) => a.indicators);
		const problems = listProblems(indicators, sheet.values);
		if (problems.length) return problems;
		const values = $state.snapshot(sheet.values);
		await outbox.change((queue) => ({
			put: [
				{
					id: crypto.randomUUID(),
					seq: nextSeq(queue),
					visitId: sheet.visitId,
					kind: 'submit',
					values,
					createdAt: stamp()
				}
			]
		}));
		await sheets.update(sheet.visitId, (s) => {
			s.answer = null;
		});
		await this.load();
		void this.sync();
		return [];
	}

	/**
	 * A version conflict settled per indicator (this device's entry or the stored one): the device's
	 * sheet and its queued saves and submission carry exactly the chosen entries, on top of the newer
	 * version, under new ids. Returns the resolved sheet for the page to show.
	 */
	async resolve(visitId: number, choices: ConflictChoices): Promise<SheetValues | null> {
		const sheet = await sheets.get(visitId);
		const conflict = sheet?.conflict;
		if (!sheet || !conflict) return null;
		const resolved = resolveConflict(sheet.values, conflict.differences, choices);
		// the queue first: the sheet stays blocked (conflict set) until its items carry the choice
		await outbox.change((queue) => {
			const requeued = requeueResolved(queue, visitId, resolved, () => crypto.randomUUID());
			return { put: requeued.map((r) => r.entry), remove: requeued.map((r) => r.replaced) };
		});
		await sheets.update(visitId, (s) => {
			s.values = resolved;
			s.version = conflict.version;
			s.conflict = null;
		});
		await this.load();
		void this.sync();
		return resolved;
	}

	async sync(): Promise<void> {
		if (!navigator.onLine || this.progress.state === 'sending') return;
		if (this.queue.length === 0) return;
		const state = await sendOutbox((p) => {
			this.progress = p;
			void this.load();
		});
		this.progress = { state, photo: null };
		await this.load();
	}
}
