import type { Db } from '../db/connection';
import { formatDateTimeId } from '../../domain/format';
import { formatDecimalId } from '../../domain/scoring/display';
import { findPeriodByCode, type PeriodDetail } from '../periods/period.repository';
import { findInstrumentById } from '../periods/instrument.repository';
import { listResultUnits } from '../results/results.repository';
import { listFlaggedScoreDetails } from './disagreement.repository';
import { reviewPeriodScores, type ReviewFlag } from './score-review.service';

// What the review page shows: a page of disagreement flags with every sheet's score, note and
// evidence, the resolutions (who, when, how), and the assessor leniency table.

export type FlagFilter = 'open' | 'resolved' | 'all';

export interface FlagView {
	unitCode: string;
	unitName: string;
	indicatorCode: string;
	indicatorTitle: string;
	aspect: string;
	spread: number;
	scores: { visitNo: number; assessor: string; score: number; note: string | null; evidence: string[] }[];
	resolution: { action: 'note' | 'extra_visit'; note: string; by: string; at: string } | null;
}

export interface ReviewPage {
	period: Pick<PeriodDetail, 'code' | 'name' | 'status' | 'disagreementThreshold'>;
	counts: { all: number; open: number; resolved: number };
	filter: FlagFilter;
	flags: FlagView[];
	page: number;
	pages: number;
	leniency: { name: string; email: string; mean: string | null; lenient: boolean; count: number }[];
}

const PER_PAGE = 20;

export async function loadReviewPage(
	db: Db,
	code: string,
	filter: FlagFilter,
	page: number
): Promise<ReviewPage | null> {
	const period = await findPeriodByCode(db, code);
	if (!period) return null;
	const instrument = (await findInstrumentById(db, period.instrumentId))!;
	const review = await reviewPeriodScores(db, period);
	const chosen = review.flags.filter((f) =>
		filter === 'all' ? true : filter === 'open' ? f.resolution === null : f.resolution !== null
	);
	const pages = Math.max(1, Math.ceil(chosen.length / PER_PAGE));
	const current = Math.min(Math.max(1, page), pages);
	const slice = chosen.slice((current - 1) * PER_PAGE, current * PER_PAGE);
	const unitNames = new Map((await listResultUnits(db, period.id)).map((u) => [u.code, u.name]));
	const indicators = new Map(
		instrument.def.aspects.flatMap((a) =>
			a.indicators.map((i) => [i.code, { title: i.title, aspect: a.name }])
		)
	);
	const details = await listFlaggedScoreDetails(
		db,
		period.id,
		[...new Set(slice.map((f) => f.unitCode))],
		[...new Set(slice.map((f) => instrument.indicatorIds.get(f.indicatorCode)!))]
	);
	const detailOf = new Map(
		details.map((d) => [`${d.unitCode}|${d.visitNo}|${d.assessorId}|${d.indicatorId}`, d])
	);
	const view = (f: ReviewFlag): FlagView => {
		const indicatorId = instrument.indicatorIds.get(f.indicatorCode)!;
		return {
			unitCode: f.unitCode,
			unitName: unitNames.get(f.unitCode) ?? f.unitCode,
			indicatorCode: f.indicatorCode,
			indicatorTitle: indicators.get(f.indicatorCode)?.title ?? '',
			aspect: indicators.get(f.indicatorCode)?.aspect ?? '',
			spread: f.spread,
			scores: f.scores.map((s) => {
				const d = detailOf.get(`${f.unitCode}|${s.visitNo}|${s.assessorId}|${indicatorId}`);
				return {
					visitNo: s.visitNo,
					assessor: s.assessor,
					score: s.score,
					note: d?.note ?? null,
					evidence: d?.evidence.map((e) => e.name) ?? []
				};
			}),
			resolution: f.resolution && {
				action: f.resolution.action,
				note: f.resolution.note,
				by: f.resolution.resolvedBy,
				at: formatDateTimeId(f.resolution.resolvedAt)
			}
		};
	};
	return {
		period: {
			code: period.code,
			name: period.name,
			status: period.status,
			disagreementThreshold: period.disagreementThreshold
		},
		counts: {
			all: review.flags.length,
			open: review.openFlags.length,
			resolved: review.flags.length - review.openFlags.length
		},
		filter,
		flags: slice.map(view),
		page: current,
		pages,
		leniency: review.leniency.map((l) => ({
			name: l.name,
			email: l.email,
			mean: l.meanDeviation === null ? null : formatDecimalId(l.meanDeviation, 2),
			lenient: l.meanDeviation !== null && l.meanDeviation > 0,
			count: l.count
		}))
	};
}
