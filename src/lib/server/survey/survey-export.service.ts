import ExcelJS from 'exceljs';
import { SURVEY_ELEMENTS, type BreakdownField, type BreakdownRow, type UnitIkm } from '../../domain/survey';
import { m } from '$lib/paraglide/messages';
import { displayLocale } from '$lib/i18n/display';

// XLSX of the survey results: numbers stay numbers, shown with id-ID formats (README); titles and
// headers in the reader's language (README "Where translation happens").

const FIELD_TITLES: Record<BreakdownField, () => string> = {
	source: m.xlsx_field_source,
	sex: m.xlsx_field_sex,
	age_band: m.xlsx_field_age_band,
	education: m.xlsx_field_education,
	occupation: m.xlsx_field_occupation,
	service: m.xlsx_field_service
};

export async function renderIkmWorkbook(p: {
	title: string;
	units: readonly UnitIkm[];
	breakdowns: Record<BreakdownField, BreakdownRow[]>;
}): Promise<Buffer> {
	const book = new ExcelJS.Workbook();
	book.creator = 'Rapor Layanan';
	const sheet = book.addWorksheet(m.xlsx_ikm_sheet());
	sheet.addRow([p.title]).font = { bold: true, size: 14 };
	sheet.addRow([]);
	const header = sheet.addRow([
		m.xlsx_col_code(),
		m.xlsx_col_unit(),
		m.xlsx_col_category(),
		m.xlsx_col_respondents(),
		m.xlsx_col_sample_target(),
		...SURVEY_ELEMENTS.map((e) => `NRR ${e.code} ${e.name[displayLocale()]}`),
		m.xlsx_col_ikm_raw(),
		m.xlsx_col_ikm_converted(),
		m.xlsx_col_quality(),
		m.xlsx_col_performance()
	]);
	header.font = { bold: true };
	for (const u of p.units) {
		sheet.addRow([
			u.code,
			u.name,
			u.category,
			u.respondents,
			u.target,
			...SURVEY_ELEMENTS.map((e) => u.result?.nrr[e.code] ?? null),
			u.result?.ikm ?? null,
			u.result?.konversi ?? null,
			u.result?.mutu ?? null,
			u.result?.kinerja ?? null
		]);
	}
	sheet.columns.forEach((col, i) => {
		col.width = i === 1 ? 40 : i < 5 ? 12 : 14;
		if (i >= 5 && i <= 14) col.numFmt = '0.0000';
		if (i === 15) col.numFmt = '0.00';
	});
	const bd = book.addWorksheet(m.xlsx_profile_sheet());
	for (const [field, rows] of Object.entries(p.breakdowns) as [BreakdownField, BreakdownRow[]][]) {
		bd.addRow([FIELD_TITLES[field]()]).font = { bold: true };
		bd.addRow([
			m.xlsx_col_group(),
			m.xlsx_col_respondents(),
			m.xlsx_col_ikm_raw(),
			m.xlsx_col_ikm_converted(),
			m.xlsx_col_quality()
		]).font = { italic: true };
		for (const r of rows)
			bd.addRow([
				r.label,
				r.result?.respondents ?? 0,
				r.result?.ikm ?? null,
				r.result?.konversi ?? null,
				r.result?.mutu ?? null
			]);
		bd.addRow([]);
	}
	bd.getColumn(1).width = 32;
	bd.getColumn(3).numFmt = '0.0000';
	bd.getColumn(4).numFmt = '0.00';
	return Buffer.from(await book.xlsx.writeBuffer());
}
