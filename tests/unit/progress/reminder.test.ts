import { describe, expect, it } from 'vitest';
import { buildReminders, waNumber, type OverdueVisit } from '../../../src/lib/domain/progress/reminder';

const visit = (over: Partial<OverdueVisit>): OverdueVisit => ({
	visitId: 1,
	plannedOn: '2026-10-01',
	unitCode: 'KEL-01',
	unitName: 'Kelurahan Satu',
	assessorId: 7,
	assessorName: 'Ani',
	email: 'ani@univ.ac.id',
	phone: null,
	...over
});

describe('assessor reminders', () => {
	it('turns Indonesian phone numbers into wa.me numbers and refuses garbage', () => {
		expect(waNumber('0812-3456-7890')).toBe('6281234567890');
		expect(waNumber('+62 812 3456 7890')).toBe('6281234567890');
		expect(waNumber('62812345678')).toBe('62812345678');
		expect(waNumber('ext. 12')).toBeNull();
		expect(waNumber(null)).toBeNull();
	});

	it('makes one message per assessor, visits in date order, with WhatsApp and mailto links carrying the text', () => {
		const reminders = buildReminders(
			[
				visit({ visitId: 2, plannedOn: '2026-10-05', unitCode: 'KEL-02', unitName: 'Kelurahan Dua' }),
				visit({ visitId: 1 }),
				visit({ visitId: 3, assessorId: 8, assessorName: 'Budi', email: 'budi@x.id', phone: '0811111111' })
			],
			(name, visits) => ({
				subject: 'Pengingat',
				body: `${name}: ${visits.map((v) => v.unitCode).join(', ')}`
			})
		);
		expect(reminders.map((r) => [r.name, r.visits.map((v) => v.visitId)])).toEqual([
			['Ani', [1, 2]],
			['Budi', [3]]
		]);
		expect(reminders[0].body).toBe('Ani: KEL-01, KEL-02');
		expect(reminders[0].whatsapp).toBe('https://wa.me/?text=Ani%3A%20KEL-01%2C%20KEL-02');
		expect(reminders[1].whatsapp).toBe('https://wa.me/62811111111?text=Budi%3A%20KEL-01');
		expect(reminders[0].mailto).toBe(
			'mailto:ani%40univ.ac.id?subject=Pengingat&body=Ani%3A%20KEL-01%2C%20KEL-02'
		);
	});
});
