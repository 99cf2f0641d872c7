import type { Db } from '../db/connection';
import type { Complaint } from '../../domain/complaints/complaint-rows';
import { slices } from '../db/slices';

// Complaint records (docs/rules.md §9.3). A ticket is unique: importing it again replaces the row.

/** The stored complaints among the given tickets, keyed by ticket. */
export async function findComplaintsByTickets(
	db: Db,
	tickets: readonly string[]
): Promise<Map<string, Complaint>> {
	const out = new Map<string, Complaint>();
	for (const slice of slices(tickets)) {
		const rows = await db
			.selectFrom('complaint')
			.innerJoin('unit', 'unit.id', 'complaint.unit_id')
			.select([
				'complaint.ticket',
				'unit.code',
				'complaint.received',
				'complaint.closed',
				'complaint.channel'
			])
			.where('complaint.ticket', 'in', slice)
			.execute();
		for (const r of rows)
			out.set(r.ticket, {
				ticket: r.ticket,
				unitCode: r.code,
				received: r.received,
				closed: r.closed,
				channel: r.channel
			});
	}
	return out;
}

export async function saveComplaint(
	db: Db,
	c: { ticket: string; unitId: number; received: string; closed: string | null; channel: string | null },
	now: Date
): Promise<void> {
	const values = {
		unit_id: c.unitId,
		received: c.received,
		closed: c.closed,
		channel: c.channel,
		imported_at: now.getTime()
	};
	await db
		.insertInto('complaint')
		.values({ ticket: c.ticket, ...values })
		.onConflict((oc) => oc.column('ticket').doUpdateSet(values))
		.execute();
}

export interface StoredComplaintDates {
	unitCode: string;
	received: string;
	closed: string | null;
}

/** Complaints received within from..to (inclusive ISO dates), optionally of one unit. */
export async function listComplaintsReceivedBetween(
	db: Db,
	window: { from: string; to: string },
	unitId?: number
): Promise<StoredComplaintDates[]> {
	let query = db
		.selectFrom('complaint')
		.innerJoin('unit', 'unit.id', 'complaint.unit_id')
		.select(['unit.code as unitCode', 'complaint.received', 'complaint.closed'])
		.where('complaint.received', '>=', window.from)
		.where('complaint.received', '<=', window.to);
	if (unitId !== undefined) query = query.where('complaint.unit_id', '=', unitId);
	return query.execute();
}
