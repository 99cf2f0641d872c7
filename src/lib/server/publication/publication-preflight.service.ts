import type { Db } from '../db/connection';
import { officeDate } from '../config';
import { flagText, lackingText, openObjectionText, preflightText } from '$lib/i18n/server-text';
import { awardsWithheldText } from '$lib/i18n/awards-withheld';
import type { PreflightFinding } from '../../domain/publication/preflight';
import type { Period } from '../periods/period.repository';
import { findPeriodWindowEnd, listDraftSheets, listLaterVisits } from './preflight.repository';
import type { ResultsDocument } from '../../domain/scoring/results-shape';
import { reviewPeriodScores } from '../review/score-review.service';
import { listObjections } from '../objections/objection.repository';

// docs/rules.md §8.1: the one preflight of a publication, used by the publication page and by the
// `publish` command through publishPeriod. `doc` is the results document publishing would
// freeze (computed fresh), so that incomplete units and withheld awards are what the public
// would see. Details speak the request's language (the command line: Indonesian). Adding a class (docs/rules.md §9.2 `objections`) means one more finder here.

export async function runPublicationPreflight(
	db: Db,
	period: Period,
	doc: ResultsDocument,
	now: Date
): Promise<PreflightFinding[]> {
	const today = officeDate(now);
	const units = doc.categories.flatMap((c) => c.units);
	const drafts = await listDraftSheets(db, period.id);
	const endsOn = await findPeriodWindowEnd(db, period.id);
	const later = await listLaterVisits(db, period.id, today);
	const { openFlags } = await reviewPeriodScores(db, period);
	const objections = (await listObjections(db, period.id)).filter((o) => o.status === 'open');
	return [
		{
			class: 'incomplete',
			items: units
				.filter((u) => !u.complete)
				.map((u) => ({
					subject: u.code,
					detail: u.lacking ? lackingText(u.lacking) : preflightText.incomplete()
				}))
		},
		{
			class: 'drafts',
			items: drafts.map((d) => ({
				subject: d.unitCode,
				detail: preflightText.draft(d.visitNo, d.assessor)
			}))
		},
		{
			class: 'window',
			items: [
				...(endsOn >= today ? [{ subject: null, detail: preflightText.windowOpen(endsOn) }] : []),
				...later.map((v) => ({
					subject: v.unitCode,
					detail: preflightText.laterVisit(v.visitNo, v.plannedOn)
				}))
			]
		},
		{
			class: 'flags',
			// flagText names the unit itself ("unit PKM-C indikator 6: ...").
			items: openFlags.map((f) => ({ subject: null, detail: flagText(f) }))
		},
		{
			class: 'objections',
			items: objections.map((o) => ({
				subject: o.unitCode,
				detail: openObjectionText(o.indicatorCode, o.claimedLevel)
			}))
		},
		{
			class: 'no-awards',
			items: doc.categories
				.filter((c) => c.awards_withheld)
				// The results JSON keeps its Indonesian sentence (a contract); the preflight says it in the
				// reader's language (README "Where translation happens").
				.map((c) => ({ subject: c.name, detail: awardsWithheldText(c.awards_withheld!) }))
		}
	];
}
