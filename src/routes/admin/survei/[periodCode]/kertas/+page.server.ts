import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { z } from 'zod';
import { getDb } from '$lib/server/db';
import { parseForm } from '$lib/server/http/forms';
import { newFormToken, onceField, runOnce } from '$lib/server/http/form-once';
import { findPeriodByCode } from '$lib/server/periods/period.repository';
import { enterPaperResponses, importPaperFile } from '$lib/server/survey/survey-paper.service';
import { m } from '$lib/paraglide/messages';
import { PAPER_OPTIONAL_COLUMNS, PAPER_REQUIRED_COLUMNS, type PaperRow } from '$lib/domain/survey';

const BULK_ROWS = 10;
const MAX_FILE_BYTES = 5 * 1024 * 1024;

async function periodOr404(code: string) {
	const period = await findPeriodByCode(getDb(), code);
	if (!period) error(404, m.paper_period_missing());
	return period;
}

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const period = await periodOr404(event.params.periodCode);
	return {
		period: {
			code: period.code,
			name: period.name,
			surveyFrom: period.surveyFrom,
			surveyTo: period.surveyTo
		},
		rows: BULK_ROWS,
		once: newFormToken(),
		columns: [...PAPER_REQUIRED_COLUMNS, ...PAPER_OPTIONAL_COLUMNS]
	};
};

export const actions: Actions = {
	bulk: async (event) => {
		const user = requireRole(event, 'admin');
		const period = await periodOr404(event.params.periodCode);
		const form = await event.request.formData();
		const values: Record<string, string> = {};
		for (const [k, v] of form) if (typeof v === 'string') values[k] = v;
		const rows: PaperRow[] = [];
		for (let i = 1; i <= BULK_ROWS; i++) {
			const record: Record<string, string> = {};
			for (const [k, v] of Object.entries(values))
				if (k.startsWith(`r${i}.`)) record[k.slice(`r${i}.`.length)] = v;
			if (Object.values(record).some((v) => v.trim() !== '')) rows.push({ line: i, record });
		}
		const once = parseForm(z.object(onceField), form);
		if (!once.ok) return fail(400, { values, problems: Object.values(once.errors), kind: 'bulk' });
		return runOnce(user.id, once.data.once, async () => {
			const r = await enterPaperResponses(getDb(), user.id, period, rows, new Date(), 'form');
			if (!r.ok) return fail(400, { values, problems: r.problems, kind: 'bulk' });
			redirect(303, `/admin/survei/${period.code}/kertas?masuk=${r.count}`);
		});
	},
	import: async (event) => {
		const user = requireRole(event, 'admin');
		const period = await periodOr404(event.params.periodCode);
		const file = (await event.request.formData()).get('file');
		if (!(file instanceof File) || file.size === 0)
			return fail(400, { values: {}, problems: [m.paper_choose_file()], kind: 'import' });
		if (file.size > MAX_FILE_BYTES)
			return fail(413, { values: {}, problems: [m.paper_file_too_big()], kind: 'import' });
		const r = await importPaperFile(
			getDb(),
			user.id,
			period,
			{ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
			new Date()
		);
		if (!r.ok) return fail(400, { values: {}, problems: r.problems, kind: 'import' });
		redirect(303, `/admin/survei/${period.code}/kertas?masuk=${r.count}`);
	}
};
