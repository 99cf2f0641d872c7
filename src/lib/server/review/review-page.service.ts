import type { Db } from '../db/connection';
import { fmtDateTime } from '$lib/i18n/display';
import { findPeriodByCode, type Period } from '../periods/period.repository';
import { findInstrumentById } from '../periods/instrument.repository';
import { listResultUnits } from '../results/results.repository';
import { listFlaggedScoreDetails } from './disagreement.repository';
import { leniencyView, reviewPeriodScores, type LeniencyView, type ReviewFlag } from './score-review.service';

// What the review page shows: a page of disagreement flags with every sheet's score, note and
// evidence, the resolutions (who, when, how), and the assessor leniency table.

export type FlagFilter = 'open' | 'resolved' | 'all';
export type FlagGrouping = 'unit' | 'indicator';

export interface ReviewOptions {
	group?: FlagGrouping;
	/** Only this unit's flags. */
	unit?: string | null;
	/** Only this indicator's flags. */
	indicator?: string | null;
}

export interface FlagGroup {
	/** The unit code or the indicator code the group gathers. */
	key: string;
	title: string;
	subtitle: string;
	flags: FlagView[];
}

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
	period: Pick<Period, 'code' | 'name' | 'status' | 'disagreementThreshold'>;
	counts: { all: number; open: number; resolved: number };
	filter: FlagFilter;
	grouping: FlagGrouping;
	unit: string | null;
	indicator: string | null;
	/**
	 * Units and indicators that have flags in the chosen view, with their open flags, for the
	 * filters; null units when more than UNIT_CHOICES_MAX have flags (the filter then takes a
	 * typed code, with the period's units suggested as one types).
	 */
	unitChoices: { code: string; name: string; open: number }[] | null;
	indicatorChoices: { code: string; title: string; open: number }[];
	flags: FlagView[];
	groups: FlagGroup[];
	page: number;
	pages: number;
	leniency: LeniencyView[];
}

const PER_PAGE = 50;
/** A longer list of units would weigh the page down: 40,000 flagged units nationally, 2.7 MB. */
export const UNIT_CHOICES_MAX = 300;

export async function loadReviewPage(
	db: Db,
	code: string,
	filter: FlagFilter,
	page: number,
	options: ReviewOptions = {}
): Promise<ReviewPage | null> {
	const grouping = options.group ?? 'unit';
	const period = await findPeriodByCode(db, code);
	if (!period) return null;
	const instrument = (await findInstrumentById(db, period.instrumentId))!;
	const review = await reviewPeriodScores(db, period);
	const inView = review.flags.filter((f) =>
		filter === 'all' ? true : filter === 'open' ? f.resolution === null : f.resolution !== null
	);
	const order = new Map(
		instrument.def.aspects.flatMap((a) => a.indicators.map((i) => i.code)).map((c, n) => [c, n])
	);
	const byIndicator = (a: ReviewFlag, b: ReviewFlag) =>
		(order.get(a.indicatorCode) ?? 0) - (order.get(b.indicatorCode) ?? 0);
	const byUnit = (a: ReviewFlag, b: ReviewFlag) => a.unitCode.localeCompare(b.unitCode);
	// Flags of one group sit together, so a page never splits a group more than it must.
	const chosen = inView
		.filter(
			(f) =>
				(!options.unit || f.unitCode === options.unit) &&
				(!options.indicator || f.indicatorCode === options.indicator)
		)
		.sort((a, b) =>
			grouping === 'unit' ? byUnit(a, b) || byIndicator(a, b) : byIndicator(a, b) || byUnit(a, b)
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
				at: fmtDateTime(f.resolution.resolvedAt)
			}
		};
	};
	const flags = slice.map(view);
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
		grouping,
		unit: options.unit ?? null,
		indicator: options.indicator ?? null,
		unitChoices: unitChoices(
			tally(inView, (f) => f.unitCode),
			unitNames
		),
		indicatorChoices: tally(inView, (f) => f.indicatorCode)
			.map(([code, open]) => ({ code, title: indicators.get(code)?.title ?? '', open }))
			.sort((a, b) => (order.get(a.code) ?? 0) - (order.get(b.code) ?? 0)),
		flags,
		groups: groupFlags(flags, grouping),
		page: current,
		pages,
		leniency: leniencyView(review.leniency)
	};
}

function unitChoices(
	open: [string, number][],
	names: ReadonlyMap<string, string>
): ReviewPage['unitChoices'] {
	if (open.length > UNIT_CHOICES_MAX) return null;
	return open
		.map(([code, count]) => ({ code, name: names.get(code) ?? code, open: count }))
		.sort((a, b) => a.code.localeCompare(b.code));
}

/** Open flags per key, among the flags of the view. */
function tally(flags: readonly ReviewFlag[], keyOf: (f: ReviewFlag) => string): [string, number][] {
	const counts = new Map<string, number>();
	for (const f of flags) counts.set(keyOf(f), (counts.get(keyOf(f)) ?? 0) + (f.resolution ? 0 : 1));
	return [...counts];
}

function groupFlags(flags: readonly FlagView[], grouping: FlagGrouping): FlagGroup[] {
	const groups: FlagGroup[] = [];
	for (const f of flags) {
		const key = grouping === 'unit' ? f.unitCode : f.indicatorCode;
		let group = groups.at(-1);
		if (group?.key !== key) {
			group =
				grouping === 'unit'
					? { key, title: f.unitName, subtitle: f.unitCode, flags: [] }
					: { key, title: `${f.indicatorCode} ${f.indicatorTitle}`, subtitle: f.aspect, flags: [] };
			groups.push(group);
		}
		group.flags.push(f);
	}
	return groups;
}
