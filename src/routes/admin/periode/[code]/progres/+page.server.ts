import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { loadPeriodProgress } from '$lib/server/visits/progress.service';
import { readConfig } from '$lib/server/config';
import { mailConfigured } from '$lib/server/mail/mailer';
import { loadReminders, sendReminders } from '$lib/server/visits/reminder.service';
import { m } from '$lib/paraglide/messages';
import { z } from 'zod';
import { runForm } from '$lib/server/http/form-action';

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'admin', 'viewer');
	const db = getDb();
	const progress = await loadPeriodProgress(db, event.params.code, new Date());
	if (!progress) error(404, m.srv_period_not_found());
	const reminders = await loadReminders(db, event.params.code, readConfig().origin, progress.today);
	return {
		...progress,
		canEdit: user.role === 'admin',
		canMail: mailConfigured(),
		reminders: reminders.map((r) => ({
			assessorId: r.assessorId,
			name: r.name,
			body: r.body,
			whatsapp: r.whatsapp,
			mailto: r.mailto,
			visits: r.visits.map((v) => ({
				visitId: v.visitId,
				plannedOn: v.plannedOn,
				unitCode: v.unitCode,
				unitName: v.unitName
			}))
		}))
	};
};

export const actions: Actions = {
	remind: async (event) => {
		const admin = requireRole(event, 'admin');
		// The form has no fields, but its body is read: a body that is not a form is refused (415/400),
		// and answering before a large body is consumed makes Node drop the connection.
		const data = await event.request.formData();
		const config = readConfig();
		const progress = await loadPeriodProgress(getDb(), event.params.code, new Date());
		if (!progress) error(404, m.srv_period_not_found());
		try {
			const r = await runForm(
				data,
				z.object({}),
				() =>
					sendReminders(
						getDb(),
						event.params.code,
						{ origin: config.origin, today: progress.today, actorId: admin.id },
						new Date()
					),
				{ formLevel: true }
			);
			return r.ok ? { sent: m.remind_sent({ count: r.value }) } : r.failure;
		} catch (e) {
			// the mail server refused or could not be reached: nothing on our side to correct
			const reason = (e as Error).message.slice(0, 200);
			return fail(502, { values: {}, errors: { _form: m.remind_failed({ reason }) } });
		}
	}
};
