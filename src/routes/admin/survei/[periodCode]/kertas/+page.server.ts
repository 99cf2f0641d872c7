import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { z } from 'zod';
import { getDb } from '$lib/server/db';
import { runForm } from '$lib/server/http/form-action';
import { newFormToken, onceField, runOnce } from '$lib/server/http/form-once';
import { findPeriodByCode } from '$lib/server/periods/period.repository';
import { enterPaperResponses, importPaperFile } from '$lib/server/survey/survey-paper.service';
import { refuse } from '$lib/server/service-result';
import { MAX_TABLE_BYTES } from '$lib/server/files/table-file';
import { m } from '$lib/paraglide/messages';
import { PAPER_OPTIONAL_COLUMNS, PAPER_REQUIRED_COLUMNS, type PaperRow } from '$lib/domain/survey';

const BULK_ROWS = 10;

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

/** The grid's filled rows: fields `rN.column` of row N, a row with nothing typed left out. */
function gridRows(values: Record<string, string>): PaperRow[] {
	const rows: PaperRow[] = [];
	for (let line = 1; line <= BULK_ROWS; line++) {
		const prefix = `r${line}.`;
		const record = Object.fromEntries(
			Object.entries(values)
				.filter(([k]) => k.startsWith(prefix))
				.map(([k, v]) => [k.slice(prefix.length), v])
		);
		if (Object.values(record).some((v) => v.trim() !== '')) rows.push({ line, record });
	}
	return rows;
}

const gridForm = z.object(onceField);

export const actions: Actions = {
	// The redirect is thrown inside runOnce, so that a resent grid is sent where the first went.
	bulk: async (event) => {
		const user = requireRole(event, 'admin');
		const period = await periodOr404(event.params.periodCode);
		const data = await event.request.formData();
		const values = Object.fromEntries(
			[...data].filter((e): e is [string, string] => typeof e[1] === 'string')
		);
		const r = await runForm(
			data,
			gridForm,
			({ once }) =>
				runOnce(user.id, once, async () => {
					const entered = await enterPaperResponses(getDb(), user.id, period, gridRows(values), new Date());
					if (entered.ok) redirect(303, `/admin/survei/${period.code}/kertas?masuk=${entered.value.count}`);
					return entered;
				}),
			{ tag: { kind: 'bulk' as const } }
		);
		return r.ok ? undefined : r.failure;
	},
	import: async (event) => {
		const user = requireRole(event, 'admin');
		const period = await periodOr404(event.params.periodCode);
		const data = await event.request.formData();
		const r = await runForm(
			data,
			z.object({}),
			async () => {
				const file = data.get('file');
				if (!(file instanceof File) || file.size === 0) return refuse(400, 'srv_paper_choose_file');
				if (file.size > MAX_TABLE_BYTES) return refuse(413, 'srv_paper_file_too_big');
				const bytes = new Uint8Array(await file.arrayBuffer());
				return importPaperFile(getDb(), user.id, period, { name: file.name, bytes }, new Date());
			},
			{ tag: { kind: 'import' as const } }
		);
		if (!r.ok) return r.failure;
		redirect(303, `/admin/survei/${period.code}/kertas?masuk=${r.value.count}`);
	}
};
