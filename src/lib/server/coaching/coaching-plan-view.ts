import type { SessionUser } from '../../domain/auth/user';
import {
	canEditItem,
	canMovePlan,
	canReportProgress,
	canVerify,
	planCompletionBlocker,
	type ItemStatus,
	type PlanStatus
} from '../../domain/coaching/states';
import type { PlanView } from './coaching-view.service';
import { refusalText } from '../service-result';

// The plan page's whitelisted data, with what the signed-in user may do on each item.

export function presentPlan(v: PlanView, user: SessionUser) {
	const isAdmin = user.role === 'admin';
	const isMentor = isAdmin && v.plan.mentorId === user.id;
	const status: PlanStatus = v.plan.status;
	// Offered only when it can succeed: every item verified by the mentor.
	const blocker = status === 'active' ? planCompletionBlocker(v.items) : null;
	const completeBlocker =
		blocker === null
			? null
			: blocker.kind === 'no_items'
				? refusalText('srv_plan_without_items')
				: refusalText('srv_plan_items_unverified', { count: blocker.count });
	const undated = v.items.filter((i) => !i.dueOn).length;
	const activateBlocker =
		status !== 'draft'
			? null
			: v.plan.mentorId === null
				? refusalText('srv_plan_pick_mentor_first')
				: undated > 0
					? refusalText('srv_plan_items_undated', { count: undated })
					: null;
	return {
		id: v.plan.id,
		periodCode: v.plan.periodCode,
		periodName: v.plan.periodName,
		unitCode: v.plan.unitCode,
		unitName: v.plan.unitName,
		category: v.plan.category,
		status,
		reason: v.plan.reason,
		mentorId: v.plan.mentorId,
		mentorName: v.plan.mentorName,
		can: {
			edit: isAdmin && (status === 'draft' || status === 'active'),
			activate: isAdmin && canMovePlan(status, 'active') && activateBlocker === null,
			complete: isAdmin && canMovePlan(status, 'completed') && completeBlocker === null,
			cancel: isAdmin && canMovePlan(status, 'cancelled'),
			scheduleFollowUp: isAdmin && status === 'active'
		},
		completeBlocker: isAdmin ? completeBlocker : null,
		activateBlocker: isAdmin ? activateBlocker : null,
		isMentor,
		items: v.items.map((i) => ({
			id: i.id,
			code: i.indicatorCode,
			title: i.indicatorTitle,
			// Numbers and dates leave as values; the page writes them in the reader's language
			// (README "Where translation happens").
			before: i.currentScore,
			after: i.after,
			target: i.targetLevel,
			gain: i.gainNext,
			action: i.action,
			dueOn: i.dueOn,
			responsible: i.responsible,
			status: i.status as ItemStatus,
			overdue: i.overdue,
			verifiedBy: i.verifiedByName,
			canEdit: isAdmin && canEditItem(status, i.status),
			canReport: user.role === 'unit_head' && canReportProgress(status, i.status, 'done'),
			canReview: isMentor && canVerify(status, i.status),
			progress: i.progress.map((p) => ({
				id: p.id,
				who: p.userName,
				note: p.note,
				status: p.status,
				hasFile: p.fileSha256 !== null,
				fileKind:
					p.fileMime === 'application/pdf' ? ('pdf' as const) : p.fileMime ? ('photo' as const) : null,
				at: p.createdAt
			}))
		})),
		followUps: v.followUps.map((f) => ({
			id: f.id,
			visitNo: f.visitNo,
			plannedOn: f.plannedOn,
			assessors: f.assessorNames.join(', '),
			submittedSheets: f.submittedSheets
		}))
	};
}

export type PlanPageData = ReturnType<typeof presentPlan>;
