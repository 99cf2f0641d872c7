// Reminders to assessors with overdue visits (README "Progress"): one message per assessor that
// names each unit, its planned date and the sheet's link, shared through WhatsApp or e-mail.
export interface OverdueVisit {
	visitId: number;
	plannedOn: string;
	unitCode: string;
	unitName: string;
	assessorId: number;
	assessorName: string;
	email: string;
	phone: string | null;
}

export interface ReminderText {
	subject: string;
	body: string;
}

export interface Reminder {
	assessorId: number;
	name: string;
	email: string;
	visits: OverdueVisit[];
	subject: string;
	body: string;
	whatsapp: string;
	mailto: string;
}

/** An Indonesian phone number in wa.me form (country code, digits only); null when unusable. */
export function waNumber(phone: string | null): string | null {
	if (!phone) return null;
	const digits = phone.replace(/[^\d+]/g, '').replace(/^\+/, '');
	if (!/^\d{8,15}$/.test(digits)) return null;
	if (digits.startsWith('0')) return '62' + digits.slice(1);
	return digits;
}

export function buildReminders(
	visits: OverdueVisit[],
	compose: (name: string, visits: OverdueVisit[]) => ReminderText
): Reminder[] {
	const byAssessor = new Map<number, OverdueVisit[]>();
	for (const v of visits) byAssessor.set(v.assessorId, [...(byAssessor.get(v.assessorId) ?? []), v]);
	return [...byAssessor.values()]
		.map((list) => {
			const sorted = [...list].sort((a, b) => a.plannedOn.localeCompare(b.plannedOn));
			const first = sorted[0];
			const { subject, body } = compose(first.assessorName, sorted);
			const number = waNumber(first.phone);
			return {
				assessorId: first.assessorId,
				name: first.assessorName,
				email: first.email,
				visits: sorted,
				subject,
				body,
				whatsapp: `https://wa.me/${number ?? ''}?text=${encodeURIComponent(body)}`,
				mailto: `mailto:${encodeURIComponent(first.email)}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`
			};
		})
		.sort((a, b) => b.visits.length - a.visits.length || a.name.localeCompare(b.name));
}
