import { m } from '$lib/paraglide/messages';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { findPeriodOr404 } from '$lib/server/periods/period-lookup';
import { changePeriodStatus, editPeriodSettings } from '$lib/server/periods/period-admin.service';
import { manualTransitions, settingsEditable } from '$lib/domain/period/lifecycle';
import { coachingRuleText } from '$lib/i18n/server-text';
import { PERIOD_STATUSES } from '$lib/domain/period-status';
import { settingsForm, settingsValues, toSettings } from '../period-form';
import { runForm } from '$lib/server/http/form-action';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const p = await findPeriodOr404(getDb(), event.params.code);
	return {
		created: event.url.searchParams.has('dibuat'),
		period: {
			code: p.code,
			name: p.name,
			status: p.status,
			instrumentCode: p.instrumentCode,
			instrumentName: p.instrumentName,
			unitCount: p.unitCount,
			coachingRule: coachingRuleText(p.coachingRule)
		},
		values: settingsValues(p),
		editable: settingsEditable(p.status),
		transitions: manualTransitions(p.status)
	};
};

export const actions: Actions = {
	settings: async (event) => {
		const admin = requireRole(event, 'admin');
		const r = await runForm(await event.request.formData(), settingsForm, (d) =>
			editPeriodSettings(getDb(), event.params.code, toSettings(d), admin.id, new Date())
		);
		if (!r.ok) return r.failure;
		return { done: m.adm_settings_saved() };
	},
	status: async (event) => {
		const admin = requireRole(event, 'admin');
		const r = await runForm(
			await event.request.formData(),
			z.object({ to: z.enum(PERIOD_STATUSES, { error: () => m.fm_status_target_unknown() }) }),
			(d) => changePeriodStatus(getDb(), event.params.code, d.to, admin.id, new Date()),
			{ formLevel: true }
		);
		if (!r.ok) return r.failure;
		return { done: m.adm_status_changed() };
	}
};
