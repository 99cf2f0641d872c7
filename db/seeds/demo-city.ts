import type { Db } from '../../src/lib/server/db/connection';
import { parseInstrumentJson, type InstrumentDef } from '../../src/lib/domain/instrument';
import { sheetAspectSums } from '../../src/lib/domain/scoring';
import { hashPassword } from '../../src/lib/server/auth/password';
import { insertInstrument, findInstrumentByCode } from '../../src/lib/server/periods/instrument.repository';
import { findOrCreateCategory, insertUnit } from '../../src/lib/server/units/unit.repository';
import {
	findUserByEmail,
	insertUser,
	replaceUnitHeadLinks
} from '../../src/lib/server/accounts/user.repository';
import { seedDemoCoaching } from './demo-coaching';
import {
	addActiveUnitsToPeriod,
	insertPeriod,
	setPeriodStatus
} from '../../src/lib/server/periods/period.repository';
import { addVisitAssessor, insertVisit } from '../../src/lib/server/visits/visit.repository';
import {
	insertScores,
	insertSheet,
	replaceAspectSums
} from '../../src/lib/server/sheets/score-sheet.repository';
import { seedSurveyResponses } from './demo-survey';
import { seedDemoComplaints } from './demo-complaints';
import {
	ADMIN,
	ASSESSORS,
	DEMO_PASSWORD,
	KELURAHAN,
	OPD,
	PUSKESMAS,
	UNIT_HEADS,
	VIEWER
} from './demo-city-data';
import { publishPeriod } from '../../src/lib/server/publication/publication.service';
import permenpan17 from '../instruments/permenpan-17-2017.json';
import pekppp29 from '../instruments/pekppp-29-2022.json';

// The demo city "Kota Contoh", generated from a fixed seed so that it is the same every time.
export const PAST_PERIOD = 'MPP-2025';
export const CURRENT_PERIOD = 'MPP-2026';

function mulberry32(seed: number): () => number {
	let a = seed;
	return () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export async function seedInstruments(db: Db, now: Date): Promise<void> {
	for (const raw of [permenpan17, pekppp29] as { notes?: string[]; sources?: string[] }[]) {
		const def = parseInstrumentJson(raw);
		if (await findInstrumentByCode(db, def.code)) continue;
		await insertInstrument(db, def, { notes: raw.notes ?? [], sources: raw.sources ?? [] }, now);
	}
}

interface SeededUnit {
	id: number;
	code: string;
	quality: number;
}

export async function seedDemoCity(db: Db, now: Date): Promise<{ units: number; users: number }> {
	const random = mulberry32(20261122);
	const token = () =>
		Array.from({ length: 20 }, () => 'abcdefghjkmnpqrstuvwxyz23456789'[Math.floor(random() * 31)]).join('');
	await seedInstruments(db, now);
	const passwordHash = await hashPassword(DEMO_PASSWORD);

	const units: SeededUnit[] = [];
	const categories = { Kelurahan: 0, Puskesmas: 1, OPD: 2 } as const;
	const add = async (code: string, name: string, category: keyof typeof categories) => {
		const categoryId = await findOrCreateCategory(db, category, categories[category]);
		const users = Math.round(
			(category === 'OPD' ? 8000 : category === 'Puskesmas' ? 12000 : 3000) * (0.5 + random())
		);
		const id = await insertUnit(
			db,
			{ code, name, categoryId, surveyToken: token(), yearlyServiceUsers: users },
			now
		);
		units.push({ id, code, quality: 1.6 + random() * 2.8 });
	};
	for (const [i, name] of KELURAHAN.entries())
		await add(`KEL-${String(i + 1).padStart(2, '0')}`, `Kelurahan ${name}`, 'Kelurahan');
	for (const [i, name] of PUSKESMAS.entries())
		await add(`PKM-${String(i + 1).padStart(2, '0')}`, name, 'Puskesmas');
	for (const [code, name] of OPD) await add(code, name, 'OPD');

	const person = (p: (typeof ASSESSORS)[number], role: 'admin' | 'assessor' | 'viewer' | 'unit_head') =>
		insertUser(
			db,
			{
				email: p.email,
				name: p.name,
				role,
				passwordHash,
				affiliationType: p.affiliationType ?? null,
				affiliationName: p.affiliationName ?? null
			},
			now
		);
	const adminId = await person(ADMIN, 'admin');
	await person(VIEWER, 'viewer');
	const assessorIds: number[] = [];
	for (const a of ASSESSORS) assessorIds.push(await person(a, 'assessor'));
	for (const head of UNIT_HEADS) {
		const id = await person(head, 'unit_head');
		await replaceUnitHeadLinks(
			db,
			id,
			head.units.map((c) => units.find((u) => u.code === c)!.id)
		);
	}
	// A declared conflict of interest: a lecturer who advises the Mrican village office.
	await db
		.insertInto('assessor_conflict')
		.values({
			user_id: assessorIds[0],
			unit_id: units.find((u) => u.code === 'KEL-18')!.id,
			reason: 'Pendamping program kelurahan'
		})
		.execute();

	const instrument = (await findInstrumentByCode(db, 'permenpan-17-2017'))!;
	const past = await insertPeriod(
		db,
		{
			code: PAST_PERIOD,
			name: 'Monitoring Pelayanan Publik 2025',
			instrumentId: instrument.id,
			startsOn: '2025-07-01',
			endsOn: '2025-09-30'
		},
		now
	);
	await addActiveUnitsToPeriod(db, past);
	const current = await insertPeriod(
		db,
		{
			code: CURRENT_PERIOD,
			name: 'Monitoring Pelayanan Publik 2026',
			instrumentId: instrument.id,
			startsOn: '2026-09-01',
			endsOn: '2026-12-15'
		},
		now
	);
	await addActiveUnitsToPeriod(db, current);

	const scoring = {
		def: instrument.def,
		aspectIds: instrument.aspectIds,
		indicatorIds: instrument.indicatorIds,
		random
	};
	const conflictUnit = units.find((u) => u.code === 'KEL-18')!.id;
	for (const [i, unit] of units.entries()) {
		// Two different assessors per unit, rotating so that workloads stay even.
		let first = assessorIds[i % assessorIds.length];
		const second = assessorIds[(i + 3) % assessorIds.length];
		if (unit.id === conflictUnit && first === assessorIds[0]) first = assessorIds[1];
		for (const [visitNo, assessorId] of [
			[1, first],
			[2, second]
		] as const) {
			const pastVisit = await insertVisit(
				db,
				{
					periodId: past,
					unitId: unit.id,
					visitNo,
					plannedOn: `2025-0${7 + visitNo}-${String(5 + (i % 20)).padStart(2, '0')}`
				},
				now
			);
			await addVisitAssessor(db, pastVisit, assessorId);
			await seedSheet(db, scoring, pastVisit, assessorId, unit.quality, 'submitted', now);

			const currentVisit = await insertVisit(
				db,
				{
					periodId: current,
					unitId: unit.id,
					visitNo,
					plannedOn: `2026-${visitNo === 1 ? '10' : '11'}-${String(3 + (i % 25)).padStart(2, '0')}`
				},
				now
			);
			await addVisitAssessor(db, currentVisit, assessorId);
			// Part of the current round is done: most first visits, a few second ones, some drafts.
			const roll = random();
			const state =
				visitNo === 1
					? roll < 0.75
						? 'submitted'
						: roll < 0.85
							? 'draft'
							: null
					: roll < 0.2
						? 'submitted'
						: null;
			if (state) await seedSheet(db, scoring, currentVisit, assessorId, unit.quality + 0.2, state, now);
		}
	}
	await setPeriodStatus(db, past, 'review', now);
	await setPeriodStatus(db, current, 'running', now);
	// Citizen survey answers after everything else, so the assessment data above stays as it was.
	await seedSurveyResponses(db, random, units, [
		{ periodId: past, from: '2025-07-01', days: 92, count: 240 },
		{ periodId: current, from: '2026-09-01', days: 81, count: 420 }
	]);
	// The past round ends published, through the same use-case as the button and the CLI.
	const published = await publishPeriod(
		db,
		{
			periodCode: PAST_PERIOD,
			userId: adminId,
			confirmOpenFlags: true,
			reason: 'Selisih penilaian dibahas dalam rapat kalibrasi penilai 10 Oktober 2025.'
		},
		now
	);
	if (!published.ok) throw new Error(`Periode ${PAST_PERIOD} gagal diterbitkan: ${published.message}`);
	const headIds = new Map<string, number>();
	for (const head of UNIT_HEADS) {
		const user = await findUserByEmail(db, head.email);
		for (const code of head.units) if (user) headIds.set(code, user.id);
	}
	await seedDemoCoaching(
		db,
		{ adminId, headOf: (code) => headIds.get(code), assessorId: assessorIds[2], periodId: past },
		now
	);
	// Complaints draw from their own stream, so the data above is the same with or without them.
	await seedDemoComplaints(
		db,
		mulberry32(20261129),
		units,
		[
			{ from: '2025-07-01', days: 92 },
			{ from: '2026-09-01', days: 106 }
		],
		now
	);
	return { units: units.length, users: 2 + ASSESSORS.length + UNIT_HEADS.length };
}

async function seedSheet(
	db: Db,
	s: {
		def: InstrumentDef;
		aspectIds: Map<string, number>;
		indicatorIds: Map<string, number>;
		random: () => number;
	},
	visitId: number,
	assessorId: number,
	quality: number,
	status: 'draft' | 'submitted',
	now: Date
): Promise<void> {
	const sheetId = await insertSheet(db, { visitId, assessorId, status, source: 'form' }, now);
	const scores: Record<string, number> = {};
	const rows = [];
	for (const aspect of s.def.aspects)
		for (const ind of aspect.indicators) {
			const noise = (s.random() - 0.5) * 2.2;
			const score = Math.max(0, Math.min(5, Math.round(quality + noise)));
			scores[ind.code] = score;
			const note =
				score === 5
					? 'Bukti lengkap dan terpasang di ruang layanan.'
					: score === 0
						? 'Tidak ditemukan bukti saat kunjungan.'
						: null;
			rows.push({ indicatorId: s.indicatorIds.get(ind.code)!, score, note });
		}
	await insertScores(db, sheetId, rows);
	if (status === 'submitted') {
		const sums = sheetAspectSums(s.def, scores);
		await replaceAspectSums(
			db,
			sheetId,
			Object.entries(sums).map(([code, weightedSum]) => ({ aspectId: s.aspectIds.get(code)!, weightedSum }))
		);
	}
}
