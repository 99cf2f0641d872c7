import type { Db } from '../db/connection';
import type { SessionUser } from '../../domain/auth/user';
import { findPeriodByCode } from '../periods/period.repository';
import { findInstrumentById } from '../periods/instrument.repository';
import { findUnitByCode } from '../units/unit-catalog.repository';
import { isHeadOfUnit } from '../report-cards/report-card.repository';
import { listUnitSheetScores } from '../sheets/unit-sheet.repository';
import { buildIndicatorTable, type IndicatorRow } from '../../domain/report-card/indicators';
import { officeDate } from '../config';
import { isObjectionWindowOpen } from '../../domain/objections';
import {
	findObjectionUntil,
	listObjections,
	listReopenableSheets,
	type ObjectionRow
} from './objection.repository';

// What the two objection pages show (docs/rules.md §9.2); whitelisted, never rows.

export interface OfficeObjectionPage {
	period: { code: string; name: string; status: string };
	until: string | null;
	open: boolean;
	canOpen: boolean;
	objections: (ObjectionRow & { sheets: { sheetId: number; visitNo: number; assessor: string }[] })[];
}

export async function loadOfficeObjections(
	db: Db,
	code: string,
	now: Date
): Promise<OfficeObjectionPage | null> {
	const period = await findPeriodByCode(db, code);
	if (!period) return null;
	const until = await findObjectionUntil(db, period.id);
	const sheets = await listReopenableSheets(db, period.id);
	return {
		period: { code: period.code, name: period.name, status: period.status },
		until,
		open: isObjectionWindowOpen(period.status, until, officeDate(now)),
		canOpen: period.status === 'running' || period.status === 'review',
		objections: (await listObjections(db, period.id)).map((o) => ({
			...o,
			sheets: sheets.filter((s) => s.unitCode === o.unitCode)
		}))
	};
}

export interface UnitObjectionPage {
	period: { code: string; name: string };
	unit: { code: string; name: string };
	until: string | null;
	open: boolean;
	/** Provisional scores per indicator, without any rank (docs/rules.md §9.2). */
	rows: Pick<IndicatorRow, 'aspectCode' | 'code' | 'title' | 'mean' | 'level' | 'descriptor'>[];
	objections: ObjectionRow[];
}

/** null when the period or unit is unknown or the user is not the unit's head (a 404). */
export async function loadUnitObjections(
	db: Db,
	user: SessionUser,
	unitCode: string,
	periodCode: string,
	now: Date
): Promise<UnitObjectionPage | null> {
	const period = await findPeriodByCode(db, periodCode);
	const unit = await findUnitByCode(db, unitCode);
	if (!period || !unit || !(await isHeadOfUnit(db, user.id, unit.id))) return null;
	const unitId = unit.id;
	const until = await findObjectionUntil(db, period.id);
	const open = isObjectionWindowOpen(period.status, until, officeDate(now));
	const objections = await listObjections(db, period.id, unitId);
	// Scores are shown only while the window is open (or to read one's own objections later).
	const def = (await findInstrumentById(db, period.instrumentId))!.def;
	return {
		period: { code: period.code, name: period.name },
		unit: { code: unit.code, name: unit.name },
		until,
		open,
		rows: open
			? buildIndicatorTable(def, await listUnitSheetScores(db, period.id, unitId)).rows.map((r) => ({
					aspectCode: r.aspectCode,
					code: r.code,
					title: r.title,
					mean: r.mean,
					level: r.level,
					descriptor: r.descriptor
				}))
			: [],
		objections
	};
}

/** Whether the user heads the unit: the objection form answers 404 before reading anything else. */
export async function headsUnit(db: Db, userId: number, unitCode: string): Promise<boolean> {
	const unit = await findUnitByCode(db, unitCode);
	return unit !== null && (await isHeadOfUnit(db, userId, unit.id));
}
