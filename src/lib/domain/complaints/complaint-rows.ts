import { isIsoDate } from '../dates';
import { checkTable, type TabularData } from '../import/tabular';
import { rowChecker, rowProblemIndonesian, type RowWording } from '../import/row-problem';
import { normalizeUnitCode, type ImportAction } from '../import/unit-rows';

// Import of complaint records (docs/rules.md §9.3; README "Complaints and triangulation"): one row per
// complaint, `ticket,unit_code,received,closed,channel`. A ticket already stored is replaced by
// the file's row; a ticket listed twice in one file takes its later row (a register that appends
// status changes lists a ticket again when it is answered).

export const COMPLAINT_COLUMNS = ['ticket', 'unit_code', 'received', 'closed', 'channel'] as const;

export interface Complaint {
	ticket: string;
	unitCode: string;
	/** YYYY-MM-DD */
	received: string;
	/** YYYY-MM-DD; null while the complaint is open. */
	closed: string | null;
	channel: string | null;
}

export interface ComplaintImportItem extends Complaint {
	line: number;
	action: ImportAction;
	/** Earlier lines of the same file this row replaces. */
	replacesLines: number[];
}

export type ComplaintImportCheck =
	{ ok: true; items: ComplaintImportItem[] } | { ok: false; problems: string[] };

const MAX_TICKET = 100;
const MAX_CHANNEL = 60;

function sameComplaint(a: Complaint, b: Complaint): boolean {
	return (
		a.unitCode === b.unitCode && a.received === b.received && a.closed === b.closed && a.channel === b.channel
	);
}

/**
 * Checks every row against the known unit codes and today's date (no complaint comes from the
 * future) and decides create, update or unchanged against the stored tickets.
 */
export function planComplaintImport(
	data: TabularData,
	unitCodes: ReadonlySet<string>,
	existing: ReadonlyMap<string, Complaint>,
	today: string,
	word: RowWording = rowProblemIndonesian
): ComplaintImportCheck {
	const problems = checkTable(data, ['ticket', 'unit_code', 'received', 'closed'], ['channel']);
	if (problems.length) return { ok: false, problems: problems.map(word) };
	const byTicket = new Map<string, ComplaintImportItem>();
	for (const { line, cells } of data.rows) {
		const ticket = (cells.ticket ?? '').trim();
		const unitCode = normalizeUnitCode(cells.unit_code ?? '');
		const received = (cells.received ?? '').trim();
		const closedRaw = (cells.closed ?? '').trim();
		const channel = (cells.channel ?? '').replace(/\s+/g, ' ').trim();
		const here = rowChecker(problems, line);
		if (ticket === '') here.add('srv_row_ticket_empty', {});
		else if (ticket.length > MAX_TICKET) here.add('srv_row_ticket_long', { max: MAX_TICKET });
		if (unitCode === '') here.add('srv_row_unit_code_empty', {});
		else if (!unitCodes.has(unitCode)) here.add('srv_row_unit_unknown', { code: unitCode });
		if (received === '') here.add('srv_row_received_empty', {});
		else if (!isIsoDate(received)) here.add('srv_row_received_invalid', { value: received });
		else if (received > today) here.add('srv_row_received_future', { date: received });
		if (closedRaw !== '' && !isIsoDate(closedRaw)) here.add('srv_row_closed_invalid', { value: closedRaw });
		else if (closedRaw !== '' && isIsoDate(received) && closedRaw < received)
			here.add('srv_row_closed_before', { closed: closedRaw, received });
		else if (closedRaw > today) here.add('srv_row_closed_future', { date: closedRaw });
		if (channel.length > MAX_CHANNEL) here.add('srv_row_channel_long', { max: MAX_CHANNEL });
		if (here.found) continue;
		const complaint: Complaint = {
			ticket,
			unitCode,
			received,
			closed: closedRaw === '' ? null : closedRaw,
			channel: channel === '' ? null : channel
		};
		const earlier = byTicket.get(ticket);
		const stored = existing.get(ticket);
		byTicket.delete(ticket);
		byTicket.set(ticket, {
			...complaint,
			line,
			action: !stored ? 'create' : sameComplaint(stored, complaint) ? 'unchanged' : 'update',
			replacesLines: earlier ? [...earlier.replacesLines, earlier.line] : []
		});
	}
	if (problems.length) return { ok: false, problems: problems.map(word) };
	return { ok: true, items: [...byTicket.values()].sort((a, b) => a.line - b.line) };
}
