import type { Db } from '../db/connection';
import {
	isRequired,
	isVisitEditable,
	type EvidenceView,
	type SheetIndicatorView,
	type SheetView
} from '../../domain/score-sheet';
import { findSheetOf, listSheetEntries } from './score-sheet.repository';
import { listEvidenceOfSheet, type EvidenceFile } from './evidence.repository';
import { openVisitForAssessor } from './sheet-access';
import { refusalText } from '../service-result';

export type { EvidenceView, SheetIndicatorView, SheetView };

export function toEvidenceView(e: EvidenceFile): EvidenceView {
	return {
		id: e.id,
		indicatorCode: e.indicatorCode,
		name: e.name,
		isImage: e.mime.startsWith('image/'),
		size: e.size,
		url: `/bukti/${e.id}`,
		thumbUrl: e.hasThumbnail ? `/bukti/${e.id}?ukuran=kecil` : null
	};
}

export async function loadAssessorSheet(db: Db, visitId: number, userId: number): Promise<SheetView | null> {
	const visit = await openVisitForAssessor(db, visitId, userId);
	if (!visit) return null;
	const { ctx, instrument } = visit;
	const sheet = await findSheetOf(db, visitId, userId);
	const periodOpen = isVisitEditable(ctx);
	const submitted = sheet?.status === 'submitted';
	return {
		visit: {
			id: ctx.visitId,
			periodCode: ctx.periodCode,
			periodName: ctx.periodName,
			unitCode: ctx.unitCode,
			unitName: ctx.unitName,
			category: ctx.category,
			visitNo: ctx.visitNo,
			followUp: ctx.kind === 'follow_up',
			calibration: ctx.kind === 'calibration',
			plannedOn: ctx.plannedOn
		},
		instrumentName: instrument.def.name,
		aspects: instrument.def.aspects.map((a) => ({
			code: a.code,
			name: a.name,
			indicators: a.indicators.map((i) => ({
				code: i.code,
				title: i.title,
				required: isRequired(a.weight, i.weight),
				levels: i.levels,
				expectedEvidence: i.evidence
			}))
		})),
		status: sheet ? sheet.status : 'not_started',
		version: sheet?.version ?? 1,
		submittedAt: sheet?.submittedAt ?? null,
		editable: periodOpen && !submitted,
		lockedReason: submitted
			? refusalText('srv_sheet_locked')
			: periodOpen
				? null
				: refusalText('srv_period_locked'),
		values: sheet ? await listSheetEntries(db, sheet.id) : {},
		evidence: sheet ? (await listEvidenceOfSheet(db, sheet.id)).map(toEvidenceView) : []
	};
}
