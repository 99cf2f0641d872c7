import type { Db } from '../../../src/lib/server/db/connection';
import { seedInstruments } from '../../../db/seeds/demo-city';
import { findInstrumentByCode } from '../../../src/lib/server/periods/instrument.repository';
import { findOrCreateCategory, insertUnit } from '../../../src/lib/server/units/unit.repository';
import { insertUser } from '../../../src/lib/server/accounts/user.repository';
import {
	addActiveUnitsToPeriod,
	insertPeriod,
	setPeriodStatus
} from '../../../src/lib/server/periods/period.repository';
import { addVisitAssessor, insertVisit } from '../../../src/lib/server/visits/visit.repository';
import type { SheetValues } from '../../../src/lib/domain/score-sheet';
import type { InstrumentDef } from '../../../src/lib/domain/instrument';

export interface SheetFixture {
	periodId: number;
	unitId: number;
	visitId: number;
	/** two assessors on the same visit (a team), blind to each other */
	ani: number;
	budi: number;
	/** an assessor not on the visit */
	citra: number;
	admin: number;
	def: InstrumentDef;
}

/** A running period on PermenPAN-RB 17/2017 with one unit and one visit made by a team of two. */
export async function createSheetFixture(db: Db, now: Date): Promise<SheetFixture> {
	await seedInstruments(db, now);
	const instrument = (await findInstrumentByCode(db, 'permenpan-17-2017'))!;
	const categoryId = await findOrCreateCategory(db, 'Kelurahan');
	const unitId = await insertUnit(
		db,
		{ code: 'KEL-01', name: 'Kelurahan Satu', categoryId, surveyToken: 'tok1' },
		now
	);
	await insertUnit(db, { code: 'KEL-02', name: 'Kelurahan Dua', categoryId, surveyToken: 'tok2' }, now);
	const user = (email: string, role: 'assessor' | 'admin') =>
		insertUser(db, { email, name: email.split('@')[0], role, passwordHash: null }, now);
	const ani = await user('ani@univ.ac.id', 'assessor');
	const budi = await user('budi@univ.ac.id', 'assessor');
	const citra = await user('citra@univ.ac.id', 'assessor');
	const admin = await user('admin@kota.go.id', 'admin');
	const periodId = await insertPeriod(
		db,
		{
			code: 'P-1',
			name: 'Periode Uji',
			instrumentId: instrument.id,
			startsOn: '2026-09-01',
			endsOn: '2026-12-15'
		},
		now
	);
	await addActiveUnitsToPeriod(db, periodId);
	await setPeriodStatus(db, periodId, 'running', now);
	const visitId = await insertVisit(db, { periodId, unitId, visitNo: 1, plannedOn: '2026-10-01' }, now);
	await addVisitAssessor(db, visitId, ani);
	await addVisitAssessor(db, visitId, budi);
	return { periodId, unitId, visitId, ani, budi, citra, admin, def: instrument.def };
}

/** Every indicator at `score` (notes on the extremes so that the sheet can be submitted). */
export function fullValues(def: InstrumentDef, score: number): SheetValues {
	const values: SheetValues = {};
	for (const a of def.aspects)
		for (const i of a.indicators)
			values[i.code] = { score, note: score === 0 || score === 5 ? 'Terlihat jelas.' : '' };
	return values;
}
