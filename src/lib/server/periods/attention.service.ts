import type { Db } from '../db/connection';
import type { SessionUser } from '../../domain/auth/user';
import { findPeriodByCode, listPeriods } from './period.repository';
import { reviewPeriodScores } from '../review/score-review.service';
import { computePeriodIkm } from '../survey/survey-results.service';
import { countOverdueItems } from '../coaching/coaching-overview.service';
import { listOverdueVisits } from '../visits/overdue-visits.repository';
import { countStaleDrafts } from './attention.repository';

// What needs the office's attention (README "Dashboard"): each entry counts one kind of
// problem in one period and links to the page where it is dealt with. Empty kinds are left out.
export type AttentionKind =
	'overdue_visits' | 'open_flags' | 'stale_drafts' | 'overdue_coaching' | 'below_survey_target';

export interface AttentionItem {
	kind: AttentionKind;
	periodCode: string | null;
	count: number;
	href: string;
}

const WEEK_MS = 7 * 24 * 60 * 60_000;

export async function loadAttention(
	db: Db,
	user: SessionUser,
	today: string,
	now: Date
): Promise<AttentionItem[]> {
	const items: AttentionItem[] = [];
	const open = (await listPeriods(db)).filter((p) => p.status === 'running' || p.status === 'review');
	for (const p of open) {
		const code = encodeURIComponent(p.code);
		const period = await findPeriodByCode(db, p.code);
		if (!period) continue;
		const overdue = await listOverdueVisits(db, p.code, today);
		items.push({
			kind: 'overdue_visits',
			periodCode: p.code,
			count: overdue.length,
			href: `/admin/periode/${code}/progres#reminders`
		});
		const { openFlags } = await reviewPeriodScores(db, period);
		items.push({
			kind: 'open_flags',
			periodCode: p.code,
			count: openFlags.length,
			href: `/admin/periode/${code}/review`
		});
		items.push({
			kind: 'stale_drafts',
			periodCode: p.code,
			count: await countStaleDrafts(db, period.id, now.getTime() - WEEK_MS),
			href: `/admin/kunjungan?periode=${code}`
		});
		const ikm = await computePeriodIkm(db, period.id);
		const below = (ikm?.units ?? []).filter((u) => u.target !== null && u.respondents < u.target).length;
		items.push({
			kind: 'below_survey_target',
			periodCode: p.code,
			count: below,
			href: `/admin/survei/${code}`
		});
	}
	items.push({
		kind: 'overdue_coaching',
		periodCode: null,
		count: await countOverdueItems(db, user, today),
		href: '/pembinaan'
	});
	return items.filter((i) => i.count > 0);
}
