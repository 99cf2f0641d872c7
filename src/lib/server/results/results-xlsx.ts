import ExcelJS from 'exceljs';
import type { ResultsTable } from '../../domain/scoring/results-table';

// XLSX of the results table: numbers stay numbers; the formats use Excel's neutral codes,
// which an Indonesian Excel shows with its own separators ("4,08", "1.234").
export async function resultsXlsx(table: ResultsTable, title: string): Promise<Buffer> {
	const wb = new ExcelJS.Workbook();
	wb.creator = 'Rapor Layanan';
	const ws = wb.addWorksheet('Hasil', { views: [{ state: 'frozen', ySplit: 1 }] });
	ws.addRow(table.headers).font = { bold: true };
	for (const row of table.rows)
		ws.addRow(row.map((v) => (typeof v === 'boolean' ? (v ? 'ya' : 'tidak') : v)));
	table.headers.forEach((h, i) => {
		const col = ws.getColumn(i + 1);
		if (table.numeric[i]) col.numFmt = h === 'rank' || h === 'visits' || h === 'assessors' ? '0' : '#,##0.00';
		col.width = h === 'name' ? 40 : h === 'predikat' ? 24 : Math.max(10, h.length + 2);
	});
	wb.title = title;
	return Buffer.from(await wb.xlsx.writeBuffer());
}
