import type { TieNote } from '../scoring/tie-notes';
import type { ItemStatus, PlanStatus } from '../coaching/states';

// The whitelisted, display-ready report card that leaves the server (page and PDF alike).
export interface ReportCardView {
	government: string;
	division: string | null;
	period: {
		code: string;
		name: string;
		published: boolean;
		publishedOn: string | null;
		instrumentCode: string;
		/** docs/rules.md §8.3: the card follows the newest revision; null for the first publication. */
		revision: { number: number; reason: string | null } | null;
	};
	unit: { code: string; name: string; category: string };
	summary: {
		ippDisplay: string;
		grade: string | null;
		rank: number | null;
		rankedCount: number;
		award: string | null;
		complete: boolean;
		categoryMeanDisplay: string;
		/** docs/rules.md §4.7: why the rank is shared with, or split from, the unit above. */
		tie: TieNote | null;
	} | null;
	aspects: {
		code: string;
		name: string;
		score: number | null;
		scoreDisplay: string;
		categoryMean: number | null;
		categoryMeanDisplay: string;
	}[];
	visitNos: number[];
	indicators: {
		aspectCode: string;
		code: string;
		title: string;
		visitScores: string[];
		meanDisplay: string;
		level: number | null;
		descriptor: string | null;
		notes: { visitNo: number; note: string }[];
		evidence: { name: string; isImage: boolean; url: string; thumbnailUrl: string | null }[];
	}[];
	gains: {
		code: string;
		title: string;
		meanDisplay: string;
		target: number;
		gainDisplay: string;
		descriptor: string;
	}[];
	trend: {
		periodCode: string;
		periodName: string;
		instrumentCode: string;
		ipp: number;
		ippDisplay: string;
		grade: string | null;
		rank: number | null;
		rankedCount: number;
		instrumentChanged: boolean;
	}[];
	plan: {
		id: number;
		status: PlanStatus;
		mentorName: string | null;
		items: {
			code: string;
			title: string;
			beforeDisplay: string;
			afterDisplay: string | null;
			target: number;
			status: ItemStatus;
			dueOnDisplay: string | null;
			overdue: boolean;
			action: string;
		}[];
	} | null;
}
