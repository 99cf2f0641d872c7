import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { parseForm } from '../http/forms';
import type { ServiceResult } from '../service-result';

// Form schemas of the plan page; messages say what is wrong, in Indonesian.

const isoDate = z
	.string()
	.trim()
	.regex(/^\d{4}-\d{2}-\d{2}$/, 'Tanggal harus berformat TTTT-BB-HH.')
	.refine((s) => {
		const d = new Date(`${s}T00:00:00Z`);
		return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
	}, 'Tanggal tidak valid.');

const id = (what: string) =>
	z.coerce
		.number({ message: `${what} tidak valid.` })
		.int(`${what} tidak valid.`)
		.positive(`${what} tidak valid.`);

export const itemEditSchema = z.object({
	itemId: id('Butir'),
	action: z
		.string()
		.trim()
		.min(5, 'Tindakan minimal 5 karakter.')
		.max(2000, 'Tindakan maksimal 2000 karakter.'),
	dueOn: isoDate,
	responsible: z.string().trim().max(200, 'Penanggung jawab maksimal 200 karakter.')
});

export const mentorSchema = z.object({ mentorId: id('Pendamping') });

export const planStatusSchema = z.object({
	to: z.enum(['active', 'completed', 'cancelled'], { message: 'Status tujuan tidak dikenal.' })
});

export const progressSchema = z.object({
	itemId: id('Butir'),
	status: z.enum(['in_progress', 'done'], { message: 'Pilih status: sedang dikerjakan atau selesai.' }),
	note: z
		.string()
		.trim()
		.min(3, 'Tulis catatan kemajuan (minimal 3 karakter).')
		.max(2000, 'Catatan maksimal 2000 karakter.')
});

export const reviewSchema = z.object({
	itemId: id('Butir'),
	verdict: z.enum(['verify', 'reject'], { message: 'Pilih verifikasi atau kembalikan.' }),
	note: z.string().trim().max(2000, 'Catatan maksimal 2000 karakter.').default('')
});

export const followUpSchema = z.object({
	plannedOn: isoDate,
	assessorId: id('Penilai')
});

export interface FormFailure {
	form: string;
	values: Record<string, string>;
	errors: Record<string, string>;
	message: string | null;
}

/**
 * Parses a form, runs the use-case and answers like every action here: 400 with the field
 * errors, the service's 4xx with its message (values kept), or a 303 back to `back`.
 */
export async function runFormAction<S extends z.ZodType>(
	form: string,
	schema: S,
	data: FormData,
	run: (input: z.infer<S>) => Promise<ServiceResult<unknown>>,
	back: string
) {
	const p = parseForm(schema, data);
	if (!p.ok)
		return fail(400, { form, values: p.values, errors: p.errors, message: null } satisfies FormFailure);
	const r = await run(p.data);
	if (!r.ok)
		return fail(r.status, { form, values: p.values, errors: {}, message: r.message } satisfies FormFailure);
	redirect(303, `${back}?ok=${form}`);
}
