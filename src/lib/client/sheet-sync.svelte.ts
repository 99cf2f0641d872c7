import type { EntryChange, SheetValues } from '$lib/domain/score-sheet';
import { m } from '$lib/paraglide/messages';

export type SaveState =
	'idle' | 'pending' | 'saving' | 'saved' | 'offline' | 'conflict' | 'locked' | 'error' | 'signed_out';

export interface Conflict {
	message: string;
	version: number;
	differences: EntryChange[];
}

interface LocalDraft {
	version: number;
	values: SheetValues;
	dirty: boolean;
	at: number;
}

const RETRY_MS = 15_000;

/**
 * Autosave of one score sheet. Every change is written to localStorage at once (a dropped
 * connection or a closed tab loses nothing) and sent to the server after a short pause, one
 * request at a time, naming the version it was edited from; the server refuses stale versions.
 */
export class SheetSync {
	state = $state<SaveState>('idle');
	savedAt = $state<Date | null>(null);
	version = $state(1);
	message = $state<string | null>(null);
	conflict = $state<Conflict | null>(null);
	#dirty = false;
	#again = false;
	#inflight: Promise<void> | null = null;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#retry: ReturnType<typeof setTimeout> | undefined;

	constructor(
		private readonly endpoint: string,
		private readonly storageKey: string,
		version: number,
		private readonly read: () => SheetValues
	) {
		this.version = version;
	}

	get dirty(): boolean {
		return this.#dirty;
	}

	/** Unsent values kept in this browser that differ from the server's, if any. */
	restore(serverValues: SheetValues): SheetValues | null {
		const local = this.#readLocal();
		if (!local?.dirty || JSON.stringify(local.values) === JSON.stringify(serverValues)) {
			this.#clearLocal();
			return null;
		}
		this.version = local.version;
		this.#dirty = true;
		this.state = 'pending';
		return local.values;
	}

	changed(delay = 500): void {
		this.#dirty = true;
		this.#writeLocal();
		if (this.state === 'conflict' || this.state === 'locked' || this.state === 'signed_out') return;
		this.state = 'pending';
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => void this.flush(), delay);
	}

	async flush(): Promise<void> {
		clearTimeout(this.#timer);
		clearTimeout(this.#retry);
		if (this.state === 'conflict' || this.state === 'locked') return;
		if (this.#inflight) {
			this.#again = true;
			return this.#inflight;
		}
		this.#inflight = this.#send();
		try {
			await this.#inflight;
		} finally {
			this.#inflight = null;
		}
		if (this.#again) {
			this.#again = false;
			await this.flush();
		}
	}

	/** The user chose their own values over the other tab's: save them on top, knowingly. */
	keepMine(): void {
		if (!this.conflict) return;
		this.version = this.conflict.version;
		this.conflict = null;
		this.state = 'pending';
		this.#dirty = true;
		void this.flush();
	}

	/** The user chose the server's values: forget the local draft. */
	discardLocal(): void {
		this.#dirty = false;
		this.#clearLocal();
	}

	async #send(): Promise<void> {
		if (!this.#dirty) {
			if (this.state === 'pending') this.state = 'saved';
			return;
		}
		const values = this.read();
		const snapshot = JSON.stringify(values);
		this.state = 'saving';
		let res: Response;
		try {
			res = await fetch(this.endpoint, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ version: this.version, values }),
				redirect: 'manual'
			});
		} catch {
			this.#offline();
			return;
		}
		if (res.type === 'opaqueredirect' || res.status === 401 || res.status === 403) {
			this.state = 'signed_out';
			return;
		}
		const body = await res.json().catch(() => ({}));
		if (res.ok) {
			this.version = body.version;
			// replaced, never mutated: a plain Date is enough
			// eslint-disable-next-line svelte/prefer-svelte-reactivity
			this.savedAt = new Date(body.savedAt);
			this.message = null;
			if (JSON.stringify(this.read()) === snapshot) {
				this.#dirty = false;
				this.#clearLocal();
				this.state = 'saved';
			} else {
				this.#writeLocal();
				this.#again = true;
			}
		} else if (res.status === 409 && body.kind === 'stale') {
			this.conflict = { message: body.message, version: body.version, differences: body.differences };
			this.state = 'conflict';
		} else if (res.status === 409) {
			this.message = body.message;
			this.state = 'locked';
		} else if (res.status >= 500) {
			this.#offline();
		} else {
			this.message = body.message ?? m.sync_save_refused({ status: res.status });
			this.state = 'error';
		}
	}

	#offline(): void {
		this.state = 'offline';
		this.#retry = setTimeout(() => void this.flush(), RETRY_MS);
	}

	#readLocal(): LocalDraft | null {
		try {
			const raw = localStorage.getItem(this.storageKey);
			return raw ? (JSON.parse(raw) as LocalDraft) : null;
		} catch {
			return null;
		}
	}

	#writeLocal(): void {
		try {
			const draft: LocalDraft = { version: this.version, values: this.read(), dirty: true, at: Date.now() };
			localStorage.setItem(this.storageKey, JSON.stringify(draft));
		} catch {
			/* storage full or disabled: the server copy still applies */
		}
	}

	#clearLocal(): void {
		try {
			localStorage.removeItem(this.storageKey);
		} catch {
			/* ignore */
		}
	}
}
