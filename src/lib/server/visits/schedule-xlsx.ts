import ExcelJS from 'exceljs';
import type { Period } from '../periods/period.repository';
import type { ScheduledVisit } from './visit-plan.repository';
import { m } from '$lib/paraglide/messages';
import { fmtDate } from '$lib/i18n/display';

// Titles and column headers in the reader's language (README "Where translation happens").

/** The schedule as a printable sheet: landscape A4, header row repeated, dates as real dates. */
export async function writeScheduleXlsx(period: Period, visits: ScheduledVisit[]): Promise<Uint8Array> {
	const wb = new ExcelJS.Workbook();
	const ws = wb.addWorksheet(m.xlsx_schedule_sheet(), {
		pageSetup: {
			paperSize: 9,
			orientation: 'landscape',
			fitToPage: true,
			fitToWidth: 1,
			fitToHeight: 0,
			printTitlesRow: '3:3'
		}
	});
	ws.addRow([m.xlsx_schedule_title({ name: period.name, code: period.code })]).font = {
		bold: true,
		size: 14
	};
	ws.addRow([m.xlsx_schedule_window({ from: fmtDate(period.startsOn), to: fmtDate(period.endsOn) })]);
	const header = ws.addRow([
		m.xlsx_col_date(),
		m.xlsx_col_unit_code(),
		m.xlsx_col_unit_name(),
		m.xlsx_col_category(),
		m.xlsx_col_visit_no(),
		m.xlsx_col_assessors(),
		m.xlsx_col_affiliation(),
		m.xlsx_col_initials()
	]);
	header.font = { bold: true };
	header.eachCell((c) => {
		c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEF2F7' } };
		c.border = { bottom: { style: 'thin' } };
	});
	for (const v of visits) {
		ws.addRow([
			v.plannedOn ? new Date(v.plannedOn + 'T00:00:00Z') : null,
			v.unitCode,
			v.unitName,
			v.category,
			v.visitNo,
			v.assessors.map((a) => a.name).join(', '),
			v.assessors
				.map((a) => a.affiliation ?? '')
				.filter(Boolean)
				.join(', '),
			''
		]);
	}
	ws.getColumn(1).numFmt = 'dd/mm/yyyy';
	[12, 14, 40, 14, 12, 34, 30, 10].forEach((w, i) => (ws.getColumn(i + 1).width = w));
	return new Uint8Array(await wb.xlsx.writeBuffer());
}
