import type { Db } from '../db/connection';
import { listPublications } from '../publication/publication.repository';
import { tieNotes, type TieNote } from '../../domain/scoring/tie-notes';
import type { SessionUser } from '../../domain/auth/user';
import {
	reportCardAccess,
	buildIndicatorTable,
	buildTrend,
	type IndicatorRow,
	type TrendPoint
} from '../../domain/report-card';
import { gainOpportunities, type GainOpportunity } from '../../domain/scoring/gain';
import { unitIndicatorMeans } from '../../domain/scoring/unit-scores';
import type { CategoryResult, PeriodResults, UnitResult } from '../../domain/scoring/results-shape';
import { findInstrumentById } from '../periods/instrument.repository';
import {
	findReportUnitByCode,
	isHeadOfUnit,
	readCitySettings,
	type ReportUnit
} from './report-card.repository';
import { findPeriodByCode, type Period } from '../periods/period.repository';
import {
	listUnitEvidence,
	listUnitScoreNotes,
	listUnitSheetScores,
	type EvidenceFile,
	type ScoreNote
} from '../sheets/unit-sheet.repository';
import { findLatestPublished, listLatestPublished } from '../publication/publication-read.repository';
import { findPublishedUnitSheets } from '../corrections/published-sheets.repository';
import { findPlanOfUnit } from '../coaching/coaching-plan.repository';
import { loadPlanView, type PlanView } from '../coaching/coaching-view.service';
import { ok, refuse, type ServiceResult } from '../service-result';
import { isPublished } from '../../domain/period-status';

export const DEFAULT_GOVERNMENT = 'Pemerintah Kota Contoh';

export interface AspectLine {
	code: string;
	name: string;
	score: number | null;
	categoryMean: number | null;
}

export interface IndicatorLine extends IndicatorRow {
	notes: ScoreNote[];
	evidence: EvidenceFile[];
	nextDescriptor: string | null;
}

export interface ReportCard {
	government: string;
	division: string | null;
	period: Period & {
		published: boolean;
		publishedAt: Date | null;
		revision: { number: number; reason: string | null } | null;
	};
	unit: ReportUnit;
	result: UnitResult | null;
	category: Pick<CategoryResult, 'name' | 'count' | 'mean_ipp'> | null;
	tie: TieNote | null;
	aspects: AspectLine[];
	visitNos: number[];
	indicators: IndicatorLine[];
	gains: (GainOpportunity & { descriptor: string })[];
	trend: TrendPoint[];
	plan: PlanView | null;
}

function findUnit(results: PeriodResults | null, code: string) {
	for (const c of results?.categories ?? []) {
		const u = c.units.find((x) => x.code === code);
		if (u) return { category: c, unit: u };
	}
	return null;
}

/** Whom the card is for, decided before anything is read (README: 403 other heads, 404 unpublished). */
export async function authorizeReportCard(
	db: Db,
	user: SessionUser,
	unitCode: string,
	periodCode: string
): Promise<ServiceResult<{ unit: ReportUnit; period: Period }>> {
	const unit = await findReportUnitByCode(db, unitCode);
	const period = await findPeriodByCode(db, periodCode);
	if (!unit || !period) return refuse(404, 'srv_report_card_not_found');
	const published = isPublished(period.status);
	const head = user.role === 'unit_head' && (await isHeadOfUnit(db, user.id, unit.id));
	const access = reportCardAccess(user, head, published);
	if (access === 'forbidden') return refuse(403, 'srv_report_card_no_access');
	if (access === 'not_found') return refuse(404, 'srv_report_card_unpublished');
	return ok({ unit, period });
}

/**
 * The report card of a unit in a period. `liveResults` serves admins and viewers before
 * publication; once published, the latest published snapshot is what everybody reads.
 */
export async function loadReportCard(
	db: Db,
	unit: ReportUnit,
	period: Period,
	liveResults: (period: Period) => Promise<PeriodResults | null>,
	today: string
): Promise<ReportCard> {
	const published = isPublished(period.status);
	const snap = published ? await findLatestPublished(db, period.id) : null;
	const results: PeriodResults | null = snap ? snap.results : await liveResults(period);
	const found = findUnit(results, unit.code);
	const instrument = (await findInstrumentById(db, period.instrumentId))!;
	// docs/rules.md §8.3: inside an open correction the card keeps the published revision's sheets.
	const frozen = snap ? await findPublishedUnitSheets(db, period.id, unit.id) : null;
	const sheets = frozen?.sheets ?? (await listUnitSheetScores(db, period.id, unit.id));
	const table = buildIndicatorTable(instrument.def, sheets);
	// Assessors' notes reach the unit only with the published results (README).
	const notes = frozen?.notes ?? (snap ? await listUnitScoreNotes(db, period.id, unit.id) : []);
	const evidence = frozen?.evidence ?? (await listUnitEvidence(db, period.id, unit.id));
	const levels = new Map(instrument.def.aspects.flatMap((a) => a.indicators.map((i) => [i.code, i.levels])));
	const settings = await readCitySettings(db);
	const planSummary = await findPlanOfUnit(db, period.id, unit.id);
	return {
		government: settings.government_name?.trim() || DEFAULT_GOVERNMENT,
		division: settings.division?.trim() || null,
		period: {
			...period,
			published,
			publishedAt: snap?.publishedAt ?? null,
			revision: await revisionOf(db, period.id, snap)
		},
		unit,
		result: found?.unit ?? null,
		category: found
			? { name: found.category.name, count: found.category.count, mean_ipp: found.category.mean_ipp }
			: null,
		tie: found ? (tieNotes(found.category.units).get(unit.code) ?? null) : null,
		aspects: instrument.def.aspects
			.filter((a) => a.weight > 0)
			.map((a) => ({
				code: a.code,
				name: a.name,
				score: found?.unit.aspects?.[a.code] ?? null,
				categoryMean: found?.category.aspect_means?.[a.code] ?? null
			})),
		visitNos: table.visitNos,
		indicators: table.rows.map((r) => ({
			...r,
			notes: notes.filter((n) => n.indicatorCode === r.code),
			evidence: evidence.filter((e) => e.indicatorCode === r.code),
			nextDescriptor: r.level !== null && r.level < 5 ? levels.get(r.code)?.[r.level + 1] || null : null
		})),
		gains: gainOpportunities(instrument.def, unitIndicatorMeans(sheets))
			.slice(0, 5)
			.map((g) => ({ ...g, descriptor: levels.get(g.indicatorCode)?.[g.target] ?? '' })),
		trend: await loadTrend(db, unit.code),
		// A draft plan is the office's working copy: unit heads never see it, nor a link to it.
		plan:
			planSummary && published && planSummary.status !== 'draft'
				? await loadPlanView(db, planSummary.id, today)
				: null
	};
}

/** The newest revision and its reason when the results were revised (docs/rules.md §8.3). */
async function revisionOf(db: Db, periodId: number, snap: { revision: number } | null) {
	if (!snap || snap.revision < 2) return null;
	const latest = (await listPublications(db, periodId))[0];
	return { number: snap.revision, reason: latest?.reason ?? null };
}

async function loadTrend(db: Db, unitCode: string): Promise<TrendPoint[]> {
	const snaps = await listLatestPublished(db);
	return buildTrend(
		snaps.map((s) => {
			const found = findUnit(s.results, unitCode);
			return {
				periodCode: s.periodCode,
				periodName: s.periodName,
				instrumentCode: s.instrumentCode,
				ipp: found?.unit.ipp ?? null,
				grade: found?.unit.grade ?? null,
				rank: found?.unit.rank ?? null,
				rankedCount: found?.category.count ?? 0
			};
		})
	);
}
