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
	};
	unit: { code: string; name: string; category: string };
	summary: {
		ippDisplay: string;
		grade: string | null;
		predikat: string | null;
		rank: number | null;
		rankedCount: number;
		award: string | null;
		complete: boolean;
		categoryMeanDisplay: string;
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
		statusLabel: string;
		mentorName: string | null;
		items: {
			code: string;
			title: string;
			beforeDisplay: string;
			afterDisplay: string | null;
			target: number;
			status: ItemStatus;
			statusLabel: string;
			dueOnDisplay: string | null;
			overdue: boolean;
			action: string;
		}[];
	} | null;
}
