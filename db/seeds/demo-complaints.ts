import type { Db } from '../../src/lib/server/db/connection';
import { addDays } from '../../src/lib/domain/dates';
import { isoDateIn } from '../../src/lib/domain/format';
import { saveComplaint } from '../../src/lib/server/complaints/complaint.repository';

// Demo complaint records (README "Complaints and triangulation"), so that the triangulation page
// has all three signals on `npm start`. Better units close more complaints, except every seventh
// unit, whose complaints go mostly unanswered whatever its IPP: those are the "tidak selaras"
// cases the page exists to show. Dates after `now` are not generated as received, and answers
// that would come after `now` leave the complaint open, so no record lies in the future.

const CHANNELS = ['SP4N-LAPOR', 'WhatsApp', 'Instagram', 'Telepon', 'Kotak saran', 'Datang langsung'];

export async function seedDemoComplaints(
	db: Db,
	random: () => number,
	units: readonly { id: number; code: string; quality: number }[],
	windows: readonly { from: string; days: number }[],
	now: Date
): Promise<number> {
	const today = isoDateIn(now);
	let count = 0;
	for (const window of windows) {
		const year = window.from.slice(0, 4);
		let seq = 0;
		for (const [i, unit] of units.entries()) {
			const busy = unit.code.startsWith('KEL') ? 6 : unit.code.startsWith('PKM') ? 12 : 9;
			const n = Math.floor(random() * busy * 1.6);
			const neglected = i % 7 === 3;
			const closeChance = neglected ? 0.15 : 0.35 + ((unit.quality - 1.6) / 2.8) * 0.6;
			for (let k = 0; k < n; k++) {
				seq++;
				const received = addDays(window.from, Math.floor(random() * window.days));
				const closes = random() < closeChance;
				const closed = addDays(received, 1 + Math.floor(random() ** 2 * (neglected ? 40 : 20)));
				const channel = CHANNELS[Math.floor(random() * CHANNELS.length)];
				if (received > today) continue;
				await saveComplaint(
					db,
					{
						ticket: `ADU-${year}-${String(seq).padStart(5, '0')}`,
						unitId: unit.id,
						received,
						closed: closes && closed <= today ? closed : null,
						channel
					},
					now
				);
				count++;
			}
		}
	}
	return count;
}
