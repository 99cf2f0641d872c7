import ExcelJS from 'exceljs';
import { m } from '$lib/paraglide/messages';
import { itemStatusLabel, planStatusLabel } from '$lib/i18n/coaching-status';
import type { ItemStatus, PlanStatus } from '../../domain/coaching/states';

export interface CoachingExportRow {
	periodCode: string;
	category: string;
	unitCode: string;
	unitName: string;
	planStatus: PlanStatus;
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
	itemStatus: ItemStatus;
	overdue: boolean;
}

// Numbers stay numbers (formatted for id-ID by Excel's locale), dates stay text in ISO form. The
// headers and the plan and item states are in the reader's language (README "Where translation
// happens").
export async function writeCoachingWorkbook(rows: CoachingExportRow[]): Promise<Uint8Array> {
	const wb = new ExcelJS.Workbook();
	wb.creator = 'Rapor Layanan';
	const ws = wb.addWorksheet(m.xlsx_coaching_sheet());
	ws.columns = [
		{ header: m.xlsx_col_period(), key: 'periodCode', width: 12 },
		{ header: m.xlsx_col_category(), key: 'category', width: 12 },
		{ header: m.xlsx_col_unit_code(), key: 'unitCode', width: 12 },
		{ header: m.xlsx_col_unit(), key: 'unitName', width: 30 },
		{ header: m.xlsx_col_plan_status(), key: 'planStatus', width: 12 },
		{ header: m.xlsx_col_mentor(), key: 'mentor', width: 20 },
		{ header: m.xlsx_col_indicator(), key: 'indicatorCode', width: 10 },
		{ header: m.xlsx_col_indicator_title(), key: 'indicatorTitle', width: 36 },
		{ header: m.xlsx_col_current_score(), key: 'currentScore', width: 10, style: { numFmt: '0.00' } },
		{ header: m.xlsx_col_after_score(), key: 'afterScore', width: 12, style: { numFmt: '0.00' } },
		{ header: m.xlsx_col_target_level(), key: 'targetLevel', width: 10 },
		{ header: m.xlsx_col_gain(), key: 'gainNext', width: 12, style: { numFmt: '0.000' } },
		{ header: m.xlsx_col_action(), key: 'action', width: 50 },
		{ header: m.xlsx_col_due(), key: 'dueOn', width: 12 },
		{ header: m.xlsx_col_responsible(), key: 'responsible', width: 20 },
		{ header: m.xlsx_col_item_status(), key: 'itemStatus', width: 18 },
		{ header: m.xlsx_col_overdue(), key: 'overdue', width: 10 }
	];
	ws.getRow(1).font = { bold: true };
	ws.views = [{ state: 'frozen', ySplit: 1 }];
	for (const r of rows) {
		const row = ws.addRow({
			...r,
			planStatus: planStatusLabel(r.planStatus),
			itemStatus: itemStatusLabel(r.itemStatus),
			overdue: r.overdue ? m.xlsx_yes() : m.xlsx_no()
		});
		if (r.overdue) row.getCell('overdue').font = { color: { argb: 'FFB42318' }, bold: true };
	}
	ws.autoFilter = { from: 'A1', to: 'Q1' };
	return new Uint8Array(await wb.xlsx.writeBuffer());
}
