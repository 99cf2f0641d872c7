import type { Db } from '../db/connection';
import type { SessionUser } from '../../domain/auth/user';
import type { ReportCardView } from '../../domain/report-card/view';
import type { UnitIkm } from '../../domain/survey/ikm-shape';
import { officeDate } from '../config';
import { authorizeReportCard, loadReportCard } from './report-card.service';
import { presentReportCard } from './report-card-view';
import { loadLiveResults } from '../results/live-results.service';
import { unitIkm } from '../survey/survey-results.service';
import { ok, type ServiceResult } from '../service-result';
import { loadUnitTriangulation } from '../complaints/triangulation.service';
import { triangulationRow, type TriangulationRow } from '../../domain/triangulation';
import { fmtDecimal } from '$lib/i18n/display';
import type { ObjectionView } from '../../domain/objections';
import { listObjections } from '../objections/objection.repository';

export interface ReportCardResponse {
	unitCode: string;
	periodCode: string;
	card: ReportCardView;
	ikm: UnitIkm | null;
	/** IPP, IKM and complaint handling side by side (docs/rules.md §9.3); null when not covered. */
	signals: { category: string; row: TriangulationRow } | null;
	/** The unit's objections and their outcomes, once published (docs/rules.md §9.2). */
	objections: ObjectionView[];
}

/** One report card as its reader may see it (page and PDF alike): access first, then the data. */
export async function openReportCard(
	db: Db,
	user: SessionUser,
	unitCode: string,
	periodCode: string,
	now: Date
): Promise<ServiceResult<ReportCardResponse>> {
	const auth = await authorizeReportCard(db, user, unitCode, periodCode);
	if (!auth.ok) return auth;
	const { unit, period } = auth.value;
	const today = officeDate(now);
	const card = await loadReportCard(db, unit, period, (p) => loadLiveResults(db, p), today);
	const signals = await loadUnitTriangulation(db, period.code, unit.code, now);
	const objections = card.period.published ? await listObjections(db, period.id, unit.id) : [];
	return ok({
		unitCode: unit.code,
		periodCode: period.code,
		card: presentReportCard(card),
		ikm: await unitIkm(db, period.id, unit.id),
		signals: signals && { category: signals.category, row: triangulationRow(signals.unit, fmtDecimal) },
		objections: objections.map((o) => ({
			id: o.id,
			unitCode: o.unitCode,
			unitName: o.unitName,
			indicatorCode: o.indicatorCode,
			indicatorTitle: o.indicatorTitle,
			claimedLevel: o.claimedLevel,
			reason: o.reason,
			status: o.status,
			outcome: o.outcome,
			answer: o.answer,
			evidence: o.evidence
		}))
	});
}
