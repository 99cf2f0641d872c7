// docs/rules.md §5: the report card shows each plan item's score before (as published) and after (the
// latest follow-up visit that scored it: mean of that visit's submitted sheets).

export interface FollowUpScoreInput {
	indicatorId: number;
	visitNo: number;
	score: number;
}

export interface AfterScore {
	score: number;
	visitNo: number;
}

export function latestFollowUpScores(rows: readonly FollowUpScoreInput[]): Map<number, AfterScore> {
	const byIndicator = new Map<number, { visitNo: number; sum: number; n: number }>();
	for (const r of rows) {
		const cur = byIndicator.get(r.indicatorId);
		if (!cur || r.visitNo > cur.visitNo)
			byIndicator.set(r.indicatorId, { visitNo: r.visitNo, sum: r.score, n: 1 });
		else if (r.visitNo === cur.visitNo) {
			cur.sum += r.score;
			cur.n++;
		}
	}
	const out = new Map<number, AfterScore>();
	for (const [id, v] of byIndicator) out.set(id, { score: v.sum / v.n, visitNo: v.visitNo });
	return out;
}
