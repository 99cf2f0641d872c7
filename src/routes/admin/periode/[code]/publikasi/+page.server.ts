import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { refuseFields } from '$lib/server/service-result';
import { runForm } from '$lib/server/http/form-action';
import { auditReasonField } from '$lib/server/http/form-fields';
import { CORRECTION_REASON_MAX } from '$lib/server/corrections/correction.service';
import { newFormToken, onceField, runOnce } from '$lib/server/http/form-once';
import { loadPublicationPage } from '$lib/server/publication/publication-page.service';
import { publishPeriod } from '$lib/server/publication/publication.service';
import { parsePreflightClasses } from '$lib/domain/publication/preflight';
import { findPeriodByCode } from '$lib/server/periods/period.repository';
import { loadCorrectionPanel } from '$lib/server/corrections/correction-page.service';
import { abandonCorrection, openCorrection } from '$lib/server/corrections/correction.service';
import { m } from '$lib/paraglide/messages';

const publishForm = z.object({
	confirm: z.literal('ya', { error: () => m.fm_publish_not_confirmed() }),
	revision: z.enum(['0', '1']).default('0'),
	confirm_open_flags: z.literal('ya').optional(),
	...onceField,
	reason: z
		.string()
		.trim()
		.max(2000, { error: () => m.fm_publish_reason_max() })
		.default('')
});

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const found = await loadPublicationPage(getDb(), event.params.code, new Date());
	if (!found) error(404, m.srv_period_code_not_found({ period: event.params.code }));
	const step = event.url.searchParams.get('konfirmasi');
	const period = (await findPeriodByCode(getDb(), event.params.code))!;
	return {
		...found,
		correction: await loadCorrectionPanel(getDb(), period),
		corrected: event.url.searchParams.get('koreksi'),
		step: step === 'terbit' || step === 'revisi' ? step : null,
		once: newFormToken(),
		done: event.url.searchParams.get('terbit')
	};
};

const correctionForm = z.object({
	reason: auditReasonField(
		() => m.cor_reason_min(),
		CORRECTION_REASON_MAX,
		() => m.fm_publish_reason_max()
	)
});

const correctionSteps = {
	open: { run: openCorrection, done: 'dibuka' },
	abandon: { run: abandonCorrection, done: 'dibatalkan' }
} as const;

/** Opening and abandoning take the same form (a reason); the failure names which one was sent. */
async function runCorrectionForm(event: RequestEvent, form: keyof typeof correctionSteps) {
	const user = requireRole(event, 'admin');
	const step = correctionSteps[form];
	const r = await runForm(
		await event.request.formData(),
		correctionForm,
		({ reason }) => step.run(getDb(), { periodCode: event.params.code, userId: user.id, reason }, new Date()),
		{ tag: { form } }
	);
	if (!r.ok) return r.failure;
	redirect(303, `${event.url.pathname}?koreksi=${step.done}`);
}

export const actions: Actions = {
	// docs/rules.md §8.3: open or abandon a correction of the published period, with a reason.
	openCorrection: (event) => runCorrectionForm(event, 'open'),
	abandonCorrection: (event) => runCorrectionForm(event, 'abandon'),
	publish: async (event) => {
		const user = requireRole(event, 'admin');
		const data = await event.request.formData();
		// One checkbox per preflight class (docs/rules.md §8.1), all named `confirm_class`; the
		// ticked ones come back with a refusal, so that nothing ticked is lost.
		const confirm = parsePreflightClasses(data.getAll('confirm_class').map(String).join(','));
		const r = await runForm(
			data,
			publishForm,
			(form) =>
				runOnce(user.id, form.once, async () => {
					if (confirm.unknown.length)
						return refuseFields(400, {
							_form: m.fm_preflight_class_unknown({ classes: confirm.unknown.join(', ') })
						});
					const published = await publishPeriod(
						getDb(),
						{
							periodCode: event.params.code,
							userId: user.id,
							confirm: confirm.classes,
							confirmOpenFlags: form.confirm_open_flags === 'ya',
							reason: form.reason || null,
							newRevision: form.revision === '1'
						},
						new Date()
					);
					// Inside runOnce, so that a resent form is sent where the first went.
					if (published.ok) redirect(303, `${event.url.pathname}?terbit=${published.value.revision}`);
					return published;
				}),
			{ tag: { form: 'publish' as const, confirmed: confirm.classes as string[] } }
		);
		return r.ok ? undefined : r.failure;
	}
};
