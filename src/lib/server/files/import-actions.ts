import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { requireRole } from '../auth/guards';
import { getDb } from '../db';
import type { Db } from '../db/connection';
import type { TabularData } from '../../domain/import/tabular';
import { readCarriedTable, readUploadedTable } from './upload';
import { refusalText } from '../service-result';

type Problems = { ok: false; problems: string[] };
interface Counts {
	created: number;
	updated: number;
	unchanged: number;
}

export interface ImportPage<P> {
	/** Validates the rows against the database and returns what the preview shows. */
	preview: (db: Db, data: TabularData) => Promise<{ ok: true; shown: P } | Problems>;
	apply: (
		db: Db,
		data: TabularData,
		actorId: number,
		now: Date
	) => Promise<{ ok: true; summary: Counts } | Problems>;
	/** Where to go after saving, given the summary line. */
	doneUrl: (summary: Counts) => string;
}

/**
 * The two steps of an admin import page (units, assessors): `preview` reads the upload and shows
 * what would change; `confirm` validates the carried rows again and writes them. Problems are 400.
 */
export function importActions<P>(page: ImportPage<P>) {
	return {
		preview: async (event: RequestEvent) => {
			requireRole(event, 'admin');
			const read = await readUploadedTable(await event.request.formData());
			if (!read.ok) return fail(400, { problems: read.problems });
			const check = await page.preview(getDb(), read.data);
			if (!check.ok) return fail(400, { problems: check.problems });
			return { preview: check.shown, data: JSON.stringify(read.data) };
		},
		confirm: async (event: RequestEvent) => {
			const admin = requireRole(event, 'admin');
			const data = readCarriedTable(await event.request.formData());
			if (!data) return fail(400, { problems: [refusalText('srv_upload_preview_broken')] });
			const result = await page.apply(getDb(), data, admin.id, new Date());
			if (!result.ok) return fail(400, { problems: result.problems });
			redirect(303, page.doneUrl(result.summary));
		}
	};
}
