import type { EvidenceView } from '$lib/domain/score-sheet';
import { shrinkImage } from './shrink-image';
import { m } from '$lib/paraglide/messages';

export interface PendingUpload {
	key: number;
	code: string;
	name: string;
	file: File;
	preview: string | null;
	state: 'waiting' | 'uploading' | 'offline' | 'failed';
	message: string | null;
}

// A failed upload is tried again after 2 s, then 4, 8 and 16, and every 30 s after that; the
// browser's 'online' event (ScoreSheet) retries at once. The backoff matters because 'online'
// can come before the connection really carries requests, and the retry it starts then fails.
const FIRST_RETRY_MS = 2_000;
const LONGEST_RETRY_MS = 30_000;

/** Evidence uploads, one file per request, retried when the connection returns. */
export class EvidenceQueue {
	items = $state<PendingUpload[]>([]);
	#next = 1;
	#running = false;
	#failures = 0;
	#retryTimer: ReturnType<typeof setTimeout> | null = null;

	constructor(
		private readonly endpoint: string,
		private readonly onUploaded: (e: EvidenceView) => void
	) {}

	async add(code: string, files: Iterable<File>): Promise<void> {
		for (const original of files) {
			const { file, picture } = await shrinkImage(original);
			this.items.push({
				key: this.#next++,
				code,
				name: file.name,
				file,
				preview: picture ? URL.createObjectURL(file) : null,
				state: 'waiting',
				message: null
			});
		}
		void this.run();
	}

	retry(): void {
		this.#cancelRetry();
		for (const item of this.items) if (item.state === 'offline') item.state = 'waiting';
		void this.run();
	}

	/** Stops the scheduled retry (the sheet is closed); queued items stay as they are. */
	stop(): void {
		this.#cancelRetry();
	}

	dismiss(key: number): void {
		const item = this.items.find((i) => i.key === key);
		if (item?.preview) URL.revokeObjectURL(item.preview);
		this.items = this.items.filter((i) => i.key !== key);
	}

	get pending(): number {
		return this.items.filter((i) => i.state !== 'failed').length;
	}

	async run(): Promise<void> {
		if (this.#running) return;
		this.#running = true;
		try {
			for (let item = this.#nextWaiting(); item; item = this.#nextWaiting()) {
				item.state = 'uploading';
				const body = new FormData();
				body.set('indicator', item.code);
				body.set('file', item.file, item.name);
				let res: Response;
				try {
					res = await fetch(this.endpoint, { method: 'POST', body, redirect: 'manual' });
				} catch {
					item.state = 'offline';
					item.message = m.sync_upload_waiting();
					continue;
				}
				const json = await res.json().catch(() => ({}));
				if (res.ok) {
					this.#failures = 0;
					this.onUploaded(json.evidence);
					this.dismiss(item.key);
				} else if (res.status >= 500) {
					item.state = 'offline';
					item.message = m.sync_upload_server_trouble();
				} else {
					item.state = 'failed';
					item.message = json.message ?? m.sync_upload_refused({ status: res.status });
				}
			}
		} finally {
			this.#running = false;
			this.#scheduleRetry();
		}
	}

	#scheduleRetry(): void {
		if (this.#retryTimer || !this.items.some((i) => i.state === 'offline')) return;
		const delay = Math.min(FIRST_RETRY_MS * 2 ** this.#failures, LONGEST_RETRY_MS);
		this.#failures++;
		this.#retryTimer = setTimeout(() => {
			this.#retryTimer = null;
			this.retry();
		}, delay);
	}

	#cancelRetry(): void {
		if (this.#retryTimer) clearTimeout(this.#retryTimer);
		this.#retryTimer = null;
	}

	#nextWaiting(): PendingUpload | undefined {
		return this.items.find((i) => i.state === 'waiting');
	}
}
