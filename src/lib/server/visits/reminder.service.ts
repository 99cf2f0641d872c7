import { m } from '$lib/paraglide/messages';
import type { Db } from '../db/connection';
import { auditTrail } from '../audit/audit.repository';
import { sendMails } from '../mail/mailer';
import { ok, refuse, type ServiceResult } from '../service-result';
import { fmtDate } from '$lib/i18n/display';
import { buildReminders, type OverdueVisit, type Reminder } from '../../domain/progress/reminder';
import { listOverdueVisits } from './overdue-visits.repository';

// "Kirim pengingat" on the progress page: the text follows the office's chosen language.
function composer(origin: string) {
	const base = origin.replace(/\/$/, '');
	return (name: string, visits: OverdueVisit[]) => ({
		subject: m.remind_subject(),
		body: [
			m.remind_greeting({ name }),
			'',
			...visits.map((v) =>
				m.remind_line({
					unit: v.unitName,
					code: v.unitCode,
					date: fmtDate(v.plannedOn),
					url: `${base}/penilaian/${v.visitId}`
				})
			),
			'',
			m.remind_closing()
		].join('\n')
	});
}

export async function loadReminders(
	db: Db,
	periodCode: string,
	origin: string,
	today: string
): Promise<Reminder[]> {
	return buildReminders(await listOverdueVisits(db, periodCode, today), composer(origin));
}

/**
 * E-mails every reminder (SMTP_URL) and answers how many assessors were written to; refused when
 * no visit is overdue or e-mail is not set up. A refused mail throws and nothing is recorded.
 */
export async function sendReminders(
	db: Db,
	periodCode: string,
	ctx: { origin: string; today: string; actorId: number },
	now: Date
): Promise<ServiceResult<number>> {
	const reminders = await loadReminders(db, periodCode, ctx.origin, ctx.today);
	if (reminders.length === 0) return refuse(400, 'srv_remind_none');
	const sent = await sendMails(reminders.map((r) => ({ to: r.email, subject: r.subject, text: r.body })));
	if (!sent) return refuse(400, 'srv_remind_no_mail');
	await auditTrail(db, ctx.actorId, now).record('send_reminders', 'period', periodCode, {
		assessors: reminders.length,
		visits: reminders.reduce((n, r) => n + r.visits.length, 0)
	});
	return ok(reminders.length);
}
