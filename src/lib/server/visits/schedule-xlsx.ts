import ExcelJS from 'exceljs';
import type { Period } from '../periods/period.repository';
import type { ScheduledVisit } from './visit-plan.repository';
import { formatDateId } from '../../domain/format';

/** The schedule as a printable sheet: landscape A4, header row repeated, dates as real dates. */
export async function writeScheduleXlsx(period: Period, visits: ScheduledVisit[]): Promise<Uint8Array> {
	const wb = new ExcelJS.Workbook();
	const ws = wb.addWorksheet('Jadwal', {
		pageSetup: {
			paperSize: 9,
			orientation: 'landscape',
			fitToPage: true,
			fitToWidth: 1,
			fitToHeight: 0,
			printTitlesRow: '3:3'
		}
	});
	ws.addRow([`Jadwal kunjungan ${period.name} (${period.code})`]).font = { bold: true, size: 14 };
	ws.addRow([`Jendela ${formatDateId(period.startsOn)} – ${formatDateId(period.endsOn)}`]);
	const header = ws.addRow([
		'Tanggal',
		'Kode unit',
		'Nama unit',
		'Kategori',
		'Kunjungan ke',
		'Penilai',
		'Afiliasi',
		'Paraf'
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
