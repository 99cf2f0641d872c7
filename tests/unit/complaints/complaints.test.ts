import { describe, expect, it } from 'vitest';
import { planComplaintImport, type Complaint } from '../../../src/lib/domain/complaints/complaint-rows';
import { complaintFigures, complaintFiguresByUnit } from '../../../src/lib/domain/complaints/figures';
import { toTabular } from '../../../src/lib/domain/import/tabular';

const header = 'ticket,unit_code,received,closed,channel';
const units = new Set(['KEL-01', 'PKM-01']);
const today = '2026-06-30';

function table(lines: string[]) {
	const read = toTabular(lines.map((l, i) => ({ line: i + 1, cells: l.split(',') })));
	if (!read.ok) throw new Error(read.problems.join('\n'));
	return read.data;
}

const plan = (lines: string[], existing = new Map<string, Complaint>()) =>
	planComplaintImport(table([header, ...lines]), units, existing, today);

describe('complaint import rows', () => {
	it('reads open and closed complaints, normalising unit codes and empty channels', () => {
		const check = plan(['LPR-1,kel-01,2026-03-01,2026-03-05,SP4N-LAPOR', 'LPR-2,PKM-01,2026-03-02,,']);
		expect(check).toEqual({
			ok: true,
			items: [
				{
					line: 2,
					ticket: 'LPR-1',
					unitCode: 'KEL-01',
					received: '2026-03-01',
					closed: '2026-03-05',
					channel: 'SP4N-LAPOR',
					action: 'create',
					replacesLines: []
				},
				{
					line: 3,
					ticket: 'LPR-2',
					unitCode: 'PKM-01',
					received: '2026-03-02',
					closed: null,
					channel: null,
					action: 'create',
					replacesLines: []
				}
			]
		});
	});

	it('names every problem with its line and writes nothing', () => {
		const check = plan([
			',KEL-01,2026-03-01,,',
			'T2,XXX-9,2026-03-01,,',
			'T3,KEL-01,01/03/2026,,',
			'T4,KEL-01,2026-03-05,2026-03-01,',
			'T5,KEL-01,2026-07-01,,',
			'T6,KEL-01,2026-02-30,,',
			'T7,KEL-01,2026-03-01,besok,'
		]);
		expect(check).toEqual({
			ok: false,
			problems: [
				'baris 2: nomor tiket kosong',
				'baris 3: unit XXX-9 tidak dikenal',
				'baris 4: tanggal diterima "01/03/2026" bukan YYYY-MM-DD',
				'baris 5: tanggal selesai 2026-03-01 sebelum tanggal diterima 2026-03-05',
				'baris 6: tanggal diterima 2026-07-01 ada di masa depan',
				'baris 7: tanggal diterima "2026-02-30" bukan YYYY-MM-DD',
				'baris 8: tanggal selesai "besok" bukan YYYY-MM-DD (kosongkan bila belum selesai)'
			]
		});
	});

	it('refuses a header without the required columns and a file without rows', () => {
		const noClosed = planComplaintImport(
			table(['ticket,unit_code,received', 'T1,KEL-01,2026-03-01']),
			units,
			new Map(),
			today
		);
		expect(noClosed).toEqual({ ok: false, problems: ['baris 1: kolom wajib tidak ada: closed'] });
		expect(plan([])).toEqual({ ok: false, problems: ['baris 1: tidak ada baris data'] });
	});

	it('lets a ticket seen again replace the earlier row, in the file and in the database', () => {
		const stored = new Map<string, Complaint>([
			['T1', { ticket: 'T1', unitCode: 'KEL-01', received: '2026-03-01', closed: null, channel: null }],
			['T2', { ticket: 'T2', unitCode: 'KEL-01', received: '2026-03-01', closed: null, channel: null }]
		]);
		const check = plan(
			[
				'T1,KEL-01,2026-03-01,,',
				'T3,PKM-01,2026-03-03,,',
				'T1,KEL-01,2026-03-01,2026-03-04,WA',
				'T2,KEL-01,2026-03-01,,'
			],
			stored
		);
		if (!check.ok) throw new Error(check.problems.join());
		expect(check.items.map((i) => [i.line, i.ticket, i.action, i.replacesLines, i.closed])).toEqual([
			[3, 'T3', 'create', [], null],
			[4, 'T1', 'update', [2], '2026-03-04'],
			[5, 'T2', 'unchanged', [], null]
		]);
	});
});

describe('complaint figures of a period', () => {
	const window = { from: '2026-01-01', to: '2026-03-31' };

	it('counts complaints received inside the survey window, closed ones even when closed after it', () => {
		const figures = complaintFigures(
			[
				{ received: '2025-12-31', closed: '2026-01-02' }, // before the window
				{ received: '2026-01-01', closed: '2026-01-03' }, // 2 days
				{ received: '2026-02-27', closed: '2026-03-02' }, // 3 days across February
				{ received: '2026-03-31', closed: '2026-04-10' }, // 10 days, closed after the window
				{ received: '2026-03-15', closed: null },
				{ received: '2026-04-01', closed: null } // after the window
			],
			window
		);
		expect(figures).toEqual({ received: 4, closed: 3, shareClosed: 0.75, medianDays: 3 });
	});

	it('takes the mean of the two middle durations for an even count and gives nulls without data', () => {
		expect(
			complaintFigures(
				[
					{ received: '2026-01-01', closed: '2026-01-01' },
					{ received: '2026-01-01', closed: '2026-01-06' }
				],
				window
			).medianDays
		).toBe(2.5);
		expect(complaintFigures([{ received: '2026-01-01', closed: null }], window)).toEqual({
			received: 1,
			closed: 0,
			shareClosed: 0,
			medianDays: null
		});
		expect(complaintFigures([], window)).toEqual({
			received: 0,
			closed: 0,
			shareClosed: null,
			medianDays: null
		});
	});

	it('groups by unit and leaves out units without complaints in the window', () => {
		const byUnit = complaintFiguresByUnit(
			[
				{ unitCode: 'A', received: '2026-01-05', closed: null },
				{ unitCode: 'B', received: '2025-05-05', closed: null }
			],
			window
		);
		expect([...byUnit.keys()]).toEqual(['A']);
	});
});
