import type { Params } from './access-table';
import { DEMO, dbRead } from './http';

/** Route parameters of the access table, read from the demo database of the e2e server. */
export function demoParams(): Params {
	const one = <T>(sql: string, ...args: unknown[]) => {
		const [row] = dbRead<T>(sql, ...args);
		if (!row) throw new Error(`no demo row for: ${sql}`);
		return row;
	};
	const visit = one<{ id: number }>(
		`select v.id from visit v join period p on p.id = v.period_id
		 join visit_assessor va on va.visit_id = v.id join user u on u.id = va.user_id
		 where p.code = 'MPP-2026' and u.email = ? and not exists (
		   select 1 from visit_assessor o join user ou on ou.id = o.user_id where o.visit_id = v.id and ou.email = ?)
		 order by v.id limit 1`,
		DEMO.assessor,
		DEMO.otherAssessor
	).id;
	const plan = one<{ id: number }>(
		`select cp.id from coaching_plan cp join unit u on u.id = cp.unit_id where u.code = 'KEL-18' order by cp.id limit 1`
	).id;
	const progress =
		dbRead<{ id: number }>(
			`select pr.id from coaching_progress pr join coaching_item i on i.id = pr.item_id
			 where i.plan_id = ? order by pr.file_id is null, pr.id limit 1`,
			plan
		)[0]?.id ?? 999_999;
	const evidence =
		dbRead<{ id: number }>(
			`select e.id from evidence e join score_sheet s on s.id = e.sheet_id join user u on u.id = s.assessor_id
			 where u.email = ? and not exists (
			   select 1 from visit_assessor o join user ou on ou.id = o.user_id where o.visit_id = s.visit_id and ou.email = ?)
			 order by e.id limit 1`,
			DEMO.assessor,
			DEMO.otherAssessor
		)[0]?.id ?? 999_999;
	const objectionEvidence =
		dbRead<{ id: number }>(
			`select oe.id from objection_evidence oe join objection o on o.id = oe.objection_id
			 join unit u on u.id = o.unit_id join period p on p.id = o.period_id
			 where u.code = 'KEL-18' and p.status in ('running', 'review') order by oe.id limit 1`
		)[0]?.id ?? 999_999;
	// The first unit awarded in the latest revision of the published demo period.
	const { snapshot } = one<{ snapshot: string }>(
		`select pb.snapshot from publication pb join period p on p.id = pb.period_id
		 where p.code = 'MPP-2025' order by pb.revision desc limit 1`
	);
	const winner = (
		JSON.parse(snapshot) as { categories: { units: { code: string; award: string | null }[] }[] }
	).categories
		.flatMap((c) => c.units)
		.find((u) => u.award)?.code;
	if (!winner) throw new Error('no award winner in MPP-2025');
	return {
		winner,
		visit,
		scheduleVisit: visit,
		user: one<{ id: number }>(`select id from user where email = ?`, DEMO.viewer).id,
		plan,
		progress,
		evidence,
		objectionEvidence,
		token: one<{ survey_token: string }>(`select survey_token from unit where code = 'KEL-18'`).survey_token
	};
}
