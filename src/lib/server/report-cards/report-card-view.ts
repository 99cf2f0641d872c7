import { shownAward } from '../../domain/scoring/awards';
import { fmtDate, fmtDecimal, numberText } from '$lib/i18n/display';
import type { ReportCard } from './report-card.service';
import type { ReportCardView } from '../../domain/report-card/view';

export type { ReportCardView };

// The whitelisted, display-ready report card that leaves the server (page and PDF alike), its
// numbers and dates in the reader's language ("3,25" / "3.25"), like the triangulation signals.

const num = (x: number | null | undefined, digits = 2) =>
	typeof x === 'number' ? fmtDecimal(x, digits) : '–';

export function presentReportCard(c: ReportCard): ReportCardView {
	const r = c.result;
	return {
		government: c.government,
		division: c.division,
		period: {
			code: c.period.code,
			name: c.period.name,
			published: c.period.published,
			publishedOn: c.period.publishedAt ? fmtDate(c.period.publishedAt) : null,
			instrumentCode: c.period.instrumentCode,
			revision: c.period.revision
		},
		unit: { code: c.unit.code, name: c.unit.name, category: c.unit.category },
		summary: r
			? {
					// the published figure as stored (its own rounding), in the reader's decimal mark
					ippDisplay: r.ipp_display ? numberText(r.ipp_display) : '–',
					grade: r.grade,
					rank: r.rank,
					rankedCount: c.category?.count ?? 0,
					award: shownAward(r.award, !c.period.published),
					complete: r.complete,
					categoryMeanDisplay: num(c.category?.mean_ipp),
					tie: c.tie
				}
			: null,
		aspects: c.aspects.map((a) => ({
			...a,
			scoreDisplay: num(a.score),
			categoryMeanDisplay: num(a.categoryMean)
		})),
		visitNos: c.visitNos,
		indicators: c.indicators.map((i) => ({
			aspectCode: i.aspectCode,
			code: i.code,
			title: i.title,
			visitScores: i.visitScores.map((s) => num(s)),
			meanDisplay: num(i.mean),
			level: i.level,
			descriptor: i.descriptor,
			notes: i.notes.map((n) => ({ visitNo: n.visitNo, note: n.note })),
			evidence: i.evidence.map((e) => ({
				name: e.name,
				isImage: e.mime.startsWith('image/'),
				url: `/bukti/${e.id}`,
				thumbnailUrl: e.hasThumbnail ? `/bukti/${e.id}?ukuran=kecil` : null
			}))
		})),
		gains: c.gains.map((g) => ({
			code: g.indicatorCode,
			title: g.title,
			meanDisplay: num(g.mean),
			target: g.target,
			gainDisplay: num(g.gain, 3),
			descriptor: g.descriptor
		})),
		trend: c.trend.map((t) => ({
			periodCode: t.periodCode,
			periodName: t.periodName,
			instrumentCode: t.instrumentCode,
			ipp: t.ipp as number,
			ippDisplay: num(t.ipp),
			grade: t.grade,
			rank: t.rank,
			rankedCount: t.rankedCount,
			instrumentChanged: t.instrumentChanged
		})),
		plan: c.plan
			? {
					id: c.plan.plan.id,
					status: c.plan.plan.status,
					mentorName: c.plan.plan.mentorName,
					items: c.plan.items.map((i) => ({
						code: i.indicatorCode,
						title: i.indicatorTitle,
						beforeDisplay: num(i.currentScore),
						afterDisplay: i.after === null ? null : num(i.after),
						target: i.targetLevel,
						status: i.status,
						dueOnDisplay: i.dueOn ? fmtDate(i.dueOn) : null,
						overdue: i.overdue,
						action: i.action
					}))
				}
			: null
	};
}
