import type { Db } from '../../../src/lib/server/db/connection';
import { seedInstruments } from '../../../db/seeds/demo-city';
import { computePeriodResults, sheetAspectSums, type PeriodResults } from '../../../src/lib/domain/scoring';
import {
	findInstrumentByCode,
	type StoredInstrument
} from '../../../src/lib/server/periods/instrument.repository';
import { findOrCreateCategory, insertUnit } from '../../../src/lib/server/units/unit.repository';
import { insertUser, replaceUnitHeadLinks } from '../../../src/lib/server/accounts/user.repository';
import {
	addActiveUnitsToPeriod,
	insertPeriod,
	setPeriodStatus
} from '../../../src/lib/server/periods/period.repository';
import { insertPublication } from '../../../src/lib/server/publication/publication.repository';
import { addVisitAssessor, insertVisit } from '../../../src/lib/server/visits/visit.repository';
import {
	insertScores,
	insertSheet,
	replaceAspectSums
} from '../../../src/lib/server/sheets/score-sheet.repository';

// A small city on a real database: units scored by a function of (unit, indicator index, visit),
// so each test knows exactly which indicators are weakest.

export const NOW = new Date('2026-11-22T03:00:00Z');

export interface UnitSpec {
	code: string;
	category: string;
	/** Score of the indicator at index i (instrument order) on visit v (1 or 2). */
	score: (i: number, visit: number, aspectCode: string) => number;
}

export interface Fixture {
	instrument: StoredInstrument;
	periodId: number;
	unitIds: Map<string, number>;
	users: { admin: number; viewer: number; assessors: number[]; heads: Map<string, number> };
	results: PeriodResults;
}

export const flat = (s: number) => () => s;

async function user(db: Db, email: string, role: 'admin' | 'viewer' | 'assessor' | 'unit_head') {
	return insertUser(db, { email, name: email.split('@')[0], role, passwordHash: null }, NOW);
}

export async function buildScoredPeriod(
	db: Db,
	units: UnitSpec[],
	opts: { code?: string; coachingRule?: string; items?: number; instrument?: string } = {}
): Promise<Fixture> {
	await seedInstruments(db, NOW);
	const instrument = (await findInstrumentByCode(db, opts.instrument ?? 'permenpan-17-2017'))!;
	const unitIds = new Map<string, number>();
	for (const [n, u] of units.entries()) {
		const categoryId = await findOrCreateCategory(db, u.category);
		unitIds.set(
			u.code,
			await insertUnit(
				db,
				{ code: u.code, name: `Unit ${u.code}`, categoryId, surveyToken: `tok${n}${u.code}` },
				NOW
			)
		);
	}
	const admin = await user(db, 'admin@uji.go.id', 'admin');
	const viewer = await user(db, 'pimpinan@uji.go.id', 'viewer');
	const assessors = [await user(db, 'p1@uji.ac.id', 'assessor'), await user(db, 'p2@uji.ac.id', 'assessor')];
	const heads = new Map<string, number>();
	for (const u of units) {
		const id = await user(db, `kepala.${u.code.toLowerCase()}@uji.go.id`, 'unit_head');
		await replaceUnitHeadLinks(db, id, [unitIds.get(u.code)!]);
		heads.set(u.code, id);
	}
	const code = opts.code ?? 'UJI-2025';
	const periodId = await insertPeriod(
		db,
		{
			code,
			name: `Periode ${code}`,
			instrumentId: instrument.id,
			startsOn: '2025-07-01',
			endsOn: '2025-09-30'
		},
		NOW
	);
	if (opts.coachingRule || opts.items)
		await db
			.updateTable('period')
			.set({
				...(opts.coachingRule ? { coaching_rule: opts.coachingRule } : {}),
				...(opts.items ? { coaching_items: opts.items } : {})
			})
			.where('id', '=', periodId)
			.execute();
	await addActiveUnitsToPeriod(db, periodId);
	const indicators = instrument.def.aspects.flatMap((a) =>
		a.indicators.map((ind) => ({ ...ind, aspect: a.code }))
	);
	const inputs = [];
	for (const u of units) {
		const sheets = [];
		for (const visitNo of [1, 2]) {
			const visitId = await insertVisit(
				db,
				{ periodId, unitId: unitIds.get(u.code)!, visitNo, plannedOn: null },
				NOW
			);
			const assessor = assessors[visitNo - 1];
			await addVisitAssessor(db, visitId, assessor);
			const sheetId = await insertSheet(
				db,
				{ visitId, assessorId: assessor, status: 'submitted', source: 'form' },
				NOW
			);
			const scores: Record<string, number> = {};
			const rows = indicators.map((ind, i) => {
				scores[ind.code] = u.score(i, visitNo, ind.aspect);
				return {
					indicatorId: instrument.indicatorIds.get(ind.code)!,
					score: scores[ind.code],
					note: `catatan ${ind.code} v${visitNo}`
				};
			});
			await insertScores(db, sheetId, rows);
			const sums = sheetAspectSums(instrument.def, scores);
			await replaceAspectSums(
				db,
				sheetId,
				Object.entries(sums).map(([c, weightedSum]) => ({
					aspectId: instrument.aspectIds.get(c)!,
					weightedSum
				}))
			);
			sheets.push({ visitNo, assessorId: assessor, aspectSums: sums });
		}
		inputs.push({ code: u.code, name: `Unit ${u.code}`, category: u.category, sheets });
	}
	const results = computePeriodResults({
		instrument: instrument.def,
		settings: { requiredVisits: 2, requiredAssessors: 2, awardsPerCategory: 2, awardMinGrade: null },
		units: inputs
	});
	return { instrument, periodId, unitIds, users: { admin, viewer, assessors, heads }, results };
}

/** Stores the snapshot as src/lib/server/publication/publication.service.ts does: {period, ...results}. */
export async function publishSnapshot(db: Db, f: Fixture, code = 'UJI-2025', revision = 1): Promise<void> {
	const snapshot = {
		period: { code, name: `Periode ${code}`, instrument: f.instrument.def.code, status: 'published' },
		...f.results
	};
	await insertPublication(
		db,
		{
			periodId: f.periodId,
			revision,
			publishedBy: f.users.admin,
			reason: null,
			openFlagsConfirmed: false,
			snapshot: JSON.stringify(snapshot)
		},
		NOW
	);
	await setPeriodStatus(db, f.periodId, 'published', NOW);
}
