import ExcelJS from 'exceljs';

export interface CoachingExportRow {
	periodCode: string;
	category: string;
	unitCode: string;
	unitName: string;
	planStatus: string;
	mentor: string;
	indicatorCode: string;
	indicatorTitle: string;
	currentScore: number;
	afterScore: number | null;
	targetLevel: number;
	gainNext: number;
	action: string;
	dueOn: string;
	responsible: string;
	itemStatus: string;
	overdue: boolean;
}

// Numbers stay numbers (formatted for id-ID by Excel's locale), dates stay text in ISO form.
export async function writeCoachingWorkbook(rows: CoachingExportRow[]): Promise<Uint8Array> {
	const wb = new ExcelJS.Workbook();
	wb.creator = 'Rapor Layanan';
	const ws = wb.addWorksheet('Pembinaan');
	ws.columns = [
		{ header: 'Periode', key: 'periodCode', width: 12 },
		{ header: 'Kategori', key: 'category', width: 12 },
		{ header: 'Kode unit', key: 'unitCode', width: 12 },
		{ header: 'Unit', key: 'unitName', width: 30 },
		{ header: 'Status rencana', key: 'planStatus', width: 12 },
		{ header: 'Pendamping', key: 'mentor', width: 20 },
		{ header: 'Indikator', key: 'indicatorCode', width: 10 },
		{ header: 'Judul indikator', key: 'indicatorTitle', width: 36 },
		{ header: 'Nilai awal', key: 'currentScore', width: 10, style: { numFmt: '0.00' } },
		{ header: 'Nilai tindak lanjut', key: 'afterScore', width: 12, style: { numFmt: '0.00' } },
		{ header: 'Target level', key: 'targetLevel', width: 10 },
		{ header: 'Tambahan IPP', key: 'gainNext', width: 12, style: { numFmt: '0.000' } },
		{ header: 'Tindakan', key: 'action', width: 50 },
		{ header: 'Tenggat', key: 'dueOn', width: 12 },
		{ header: 'Penanggung jawab', key: 'responsible', width: 20 },
		{ header: 'Status butir', key: 'itemStatus', width: 18 },
		{ header: 'Terlambat', key: 'overdue', width: 10 }
	];
	ws.getRow(1).font = { bold: true };
	ws.views = [{ state: 'frozen', ySplit: 1 }];
	for (const r of rows) {
		const row = ws.addRow({ ...r, overdue: r.overdue ? 'Ya' : 'Tidak' });
		if (r.overdue) row.getCell('overdue').font = { color: { argb: 'FFB42318' }, bold: true };
	}
	ws.autoFilter = { from: 'A1', to: 'Q1' };
	return new Uint8Array(await wb.xlsx.writeBuffer());
}
