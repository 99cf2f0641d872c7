import type { Db } from '../db/connection';
import type { Role } from '../../domain/auth/user';
import { canSeeResults } from '../../domain/results-access';
import {
	awardWinners,
	publicCategories,
	winnersByCategory,
	type AwardWinner,
	type PublicCategory
} from '../../domain/scoring/public-view';
import { listPublishedPeriods } from '../periods/period.repository';
import { listPublications, type PublicationRecord } from '../publication/publication.repository';
import { loadResults } from './results.service';
import type { ResultsDocument } from '../../domain/scoring/results-shape';
import { computePeriodIkm } from '../survey/survey-results.service';
import type { UnitIkm } from '../../domain/survey';
import type { PeriodStatus } from '../db/schema';
import type { RevisionChange } from '../../domain/publication/revision-changes';

// The public results (/hasil/{period}) and the signed-out home page. Anyone sees a published
// or archived period, from its frozen snapshot; administrators and viewers may preview others.

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;

export interface PublicResults {
	period: { code: string; name: string; status: PeriodStatus };
	preview: boolean;
	firstPublishedAt: Date | null;
	/** Latest revision when the results were revised (revision > 1), else null. */
	revised: { revision: number; at: Date; reason: string | null; changes: RevisionChange[] } | null;
	categories: PublicCategory[];
	winners: AwardWinner[];
	/** Citizen satisfaction (docs/rules.md §6) per unit of the same period: what the IKM API shows. */
	ikm: PublicUnitIkm[];
}

export interface PublicUnitIkm {
	code: string;
	name: string;
	category: string;
	respondents: number;
	/** Krejcie-Morgan sample target; null when the yearly number of service users is unknown. */
	target: number | null;
	konversi: number | null;
	mutu: string | null;
	kinerja: string | null;
}

/** The results a caller may see, with the document for certificates; null means 404. */
export async function findVisibleResults(
	db: Db,
	code: string,
	role: Role | null,
	now: Date
): Promise<{ doc: ResultsDocument; periodId: number; preview: boolean } | null> {
	if (!CODE.test(code)) return null;
	const found = await loadResults(db, code, now);
	if (!found || !canSeeResults(role, found.period.status)) return null;
	const preview = found.period.status !== 'published' && found.period.status !== 'archived';
	return { doc: found.doc, periodId: found.period.id, preview };
}

/** The public results without the survey part, and the period's id to read it by. */
export async function loadPublicRanking(
	db: Db,
	code: string,
	role: Role | null,
	now: Date
): Promise<(Omit<PublicResults, 'ikm'> & { periodId: number }) | null> {
	const found = await findVisibleResults(db, code, role, now);
	if (!found) return null;
	const { doc } = found;
	const publications = found.preview ? [] : await listPublications(db, found.periodId);
	return {
		periodId: found.periodId,
		period: { code: doc.period.code, name: doc.period.name, status: doc.period.status },
		preview: found.preview,
		firstPublishedAt: publications.at(-1)?.publishedAt ?? null,
		revised: revisionNote(publications),
		categories: publicCategories(doc, found.preview),
		winners: awardWinners(doc, found.preview)
	};
}

export async function loadPublicResults(
	db: Db,
	code: string,
	role: Role | null,
	now: Date
): Promise<PublicResults | null> {
	const found = await loadPublicRanking(db, code, role, now);
	if (!found) return null;
	const { periodId, ...ranking } = found;
	return { ...ranking, ikm: publicIkm((await computePeriodIkm(db, periodId))?.units ?? []) };
}

/** What the public sees of units' IKM: what the IKM API shows. */
export function publicIkm(units: readonly UnitIkm[]): PublicUnitIkm[] {
	return units.map((u) => ({
		code: u.code,
		name: u.name,
		category: u.category,
		respondents: u.respondents,
		target: u.target,
		konversi: u.result?.konversi ?? null,
		mutu: u.result?.mutu ?? null,
		kinerja: u.result?.kinerja ?? null
	}));
}

function revisionNote(newestFirst: PublicationRecord[]): PublicResults['revised'] {
	const latest = newestFirst[0];
	if (!latest || latest.revision < 2) return null;
	return {
		revision: latest.revision,
		at: latest.publishedAt,
		reason: latest.reason,
		changes: latest.changes
	};
}

export interface PublicHome {
	periods: { code: string; name: string; publishedAt: Date }[];
	latest: { code: string; name: string; groups: { category: string; winners: AwardWinner[] }[] } | null;
}

/** Published periods, newest first, and the award winners of the newest. */
export async function loadPublicHome(db: Db, now: Date): Promise<PublicHome> {
	const periods = await listPublishedPeriods(db);
	const newest = periods[0];
	if (!newest) return { periods, latest: null };
	const found = await loadResults(db, newest.code, now);
	return {
		periods,
		latest: found
			? { code: newest.code, name: newest.name, groups: winnersByCategory(awardWinners(found.doc)) }
			: null
	};
}
