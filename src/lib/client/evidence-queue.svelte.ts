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

/** Evidence uploads, one file per request, retried when the connection returns. */
export class EvidenceQueue {
	items = $state<PendingUpload[]>([]);
	#next = 1;
	#running = false;

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
		for (const item of this.items) if (item.state === 'offline') item.state = 'waiting';
		void this.run();
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
					item.message = 'Menunggu koneksi; akan dikirim ulang otomatis.';
					continue;
				}
				const json = await res.json().catch(() => ({}));
				if (res.ok) {
					this.onUploaded(json.evidence);
					this.dismiss(item.key);
				} else if (res.status >= 500) {
					item.state = 'offline';
					item.message = 'Server sedang bermasalah; akan dicoba lagi.';
				} else {
					item.state = 'failed';
					item.message = json.message ?? m.sync_upload_refused({ status: res.status });
				}
			}
		} finally {
			this.#running = false;
		}
	}

	#nextWaiting(): PendingUpload | undefined {
		return this.items.find((i) => i.state === 'waiting');
	}
}
