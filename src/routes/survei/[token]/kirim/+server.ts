import { error, json, redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { readSurveyLimits } from '$lib/server/survey-config';
import { submitSurvey } from '$lib/server/services/survey.service';
import { describeSubmissionProblem } from '$lib/domain/survey';

// For scripted clients: the same submission as the page's form, answered with real statuses and
// a small JSON body (the page itself serves browsers, with or without JavaScript).
export const POST: RequestHandler = async ({ params, request, getClientAddress }) => {
	let form: FormData;
	try {
		form = await request.formData();
	} catch {
		return json(
			{ message: 'Kirim jawaban sebagai formulir (application/x-www-form-urlencoded).' },
			{ status: 400 }
		);
	}
	const fields: Record<string, string> = {};
	for (const [k, v] of form) if (typeof v === 'string') fields[k] = v;
	const result = await submitSurvey(
		getDatabase(),
		{ unitToken: params.token, fields, ip: getClientAddress(), limits: readSurveyLimits() },
		new Date()
	);
	if (result.ok) redirect(303, `/survei/${params.token}/terima-kasih`);
	switch (result.status) {
		case 404:
			error(404, 'Halaman tidak ditemukan.');
		// eslint-disable-next-line no-fallthrough
		case 400:
			return json(
				{
					message: 'Jawaban belum lengkap atau tidak valid.',
					errors: Object.fromEntries(
						Object.entries(result.problems).map(([f, p]) => [f, describeSubmissionProblem(f, p)])
					)
				},
				{ status: 400 }
			);
		case 403:
			return json(
				{
					message:
						result.reason === 'reused'
							? 'Formulir ini sudah dipakai; jawaban tidak dicatat dua kali.'
							: 'Token formulir tidak sah atau kedaluwarsa.'
				},
				{ status: 403 }
			);
		case 410:
			return json({ message: 'Survei unit ini sedang ditutup.' }, { status: 410 });
		case 429:
			return json(
				{ message: 'Terlalu banyak jawaban dalam waktu singkat; coba lagi nanti.' },
				{ status: 429, headers: { 'retry-after': String(result.retryAfterSeconds) } }
			);
	}
};
