import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO, dbRead, http, httpSignIn } from './support/http';
import { runAdmin, scoredIndicatorCodes, writeScoresCsv } from './support/cli';
import { PREFLIGHT_CLASSES } from '../../src/lib/domain/publication/preflight';

// A double-clicked form has one effect (README "Double submits"): the page's form token is sent
// twice at the same moment, as a browser does on a double click, and the database shows one write.

let admin = '';
let head = '';
beforeAll(async () => {
	admin = await httpSignIn(DEMO.admin);
	head = await httpSignIn(DEMO.head);
});

async function tokenOf(path: string, cookie: string): Promise<string> {
	const res = await http(path, { cookie });
	expect(res.status).toBe(200);
	const token = /name="once" value="(form-[0-9a-f-]{36})"/.exec(await res.text())?.[1];
	if (!token) throw new Error(`no form token on ${path}`);
	return token;
}

/** Posts the same form twice at once; both answers must send the browser to the same place. */
async function postTwice(
	path: string,
	cookie: string,
	fields: Record<string, string>,
	repeated = new FormData()
): Promise<string> {
	const post = () => {
		const body = new FormData();
		for (const [k, v] of Object.entries(fields)) body.append(k, v);
		for (const [k, v] of repeated.entries()) body.append(k, v);
		return http(path, { cookie, body });
	};
	const answers = await Promise.all([post(), post()]);
	for (const a of answers) expect(a.status, await a.text()).toBe(303);
	const [first, second] = answers.map((a) => a.headers.get('location'));
	expect(second).toBe(first);
	return first!;
}

const count = (sql: string, ...args: unknown[]) => dbRead<{ n: number }>(sql, ...args)[0].n;

describe('double submits', () => {
	it('enters a paper questionnaire once', async () => {
		const path = '/admin/survei/MPP-2026/kertas';
		const [unit] = dbRead<{ code: string }>(
			`select code from unit where active = 1 order by id desc limit 1`
		);
		const before = count(`select count(*) as n from survey_response where source = 'paper'`);
		const once = await tokenOf(path, admin);
		const answers = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`r1.u${i + 1}`, '3']));
		const location = await postTwice(`${path}?/bulk`, admin, {
			once,
			'r1.unit_code': unit.code,
			'r1.date': '2026-10-01',
			...answers
		});
		expect(location).toContain('masuk=1');
		expect(count(`select count(*) as n from survey_response where source = 'paper'`)).toBe(before + 1);
	});

	it('records coaching progress once', async () => {
		const [plan] = dbRead<{ id: number }>(
			`select cp.id from coaching_plan cp join unit u on u.id = cp.unit_id where u.code = 'KEL-18' order by cp.id limit 1`
		);
		const [item] = dbRead<{ id: number }>(
			`select id from coaching_item where plan_id = ? and status in ('open', 'in_progress') order by position desc limit 1`,
			plan.id
		);
		const progress = () => count(`select count(*) as n from coaching_progress where item_id = ?`, item.id);
		const before = progress();
		const once = await tokenOf(`/pembinaan/${plan.id}`, head);
		await postTwice(`/pembinaan/${plan.id}?/progress`, head, {
			once,
			itemId: String(item.id),
			status: 'in_progress',
			note: 'Papan alur layanan dipasang di ruang tunggu.'
		});
		expect(progress()).toBe(before + 1);
	});

	it('reopens a sheet once', async () => {
		const [sheet] = dbRead<{ id: number; visit: number }>(
			`select s.id, s.visit_id as visit from score_sheet s join visit v on v.id = s.visit_id
			 join period p on p.id = v.period_id join user u on u.id = s.assessor_id
			 where p.code = 'MPP-2026' and s.status = 'submitted' and u.email = 'laila.bem@student.uic.ac.id'
			 order by s.id desc limit 1`
		);
		const reopens = () =>
			count(
				`select count(*) as n from audit_log where action = 'reopen' and entity = 'score_sheet' and entity_id = ?`,
				String(sheet.id)
			);
		const before = reopens();
		const once = await tokenOf(`/admin/kunjungan/${sheet.visit}`, admin);
		await postTwice(`/admin/kunjungan/${sheet.visit}?/reopen`, admin, {
			once,
			sheetId: String(sheet.id),
			reason: 'Penilai salah memilih level pada dua indikator.'
		});
		expect(reopens()).toBe(before + 1);
	});

	it('publishes a revision once', async () => {
		const period = 'E2E-DBL';
		const email = { 1: 'dr.ratna@unc.ac.id', 2: 'agus.prasetyo@unc.ac.id' } as const;
		const scores = (rows: [string, 1 | 2][]) =>
			writeScoresCsv(
				rows.flatMap(([unit, visit]) =>
					scoredIndicatorCodes().map((code) => `${unit},${visit},${email[visit]},${code},3,`)
				)
			);
		runAdmin(
			...[
				'create-period',
				'--code',
				period,
				'--name',
				'Uji Terbit Ganda',
				'--instrument',
				'permenpan-17-2017'
			],
			...['--from', '2026-01-05', '--to', '2026-03-31']
		);
		runAdmin(
			'import-scores',
			'--period',
			period,
			scores([
				['PKM-01', 1],
				['PKM-01', 2],
				['PKM-02', 1]
			])
		);
		runAdmin('publish', '--period', period, '--confirm', 'incomplete,no-awards', '--reason', 'Rapat pleno');
		runAdmin('correction', '--period', period, '--open', '--reason', 'Kunjungan kedua PKM-02 tertinggal');
		runAdmin('import-scores', '--period', period, scores([['PKM-02', 2]]));
		const revisions = () =>
			count(
				`select count(*) as n from publication p join period pe on pe.id = p.period_id where pe.code = ?`,
				period
			);
		expect(revisions()).toBe(1);
		const path = `/admin/periode/${period}/publikasi`;
		const once = await tokenOf(`${path}?konfirmasi=revisi`, admin);
		const body = new FormData();
		for (const c of PREFLIGHT_CLASSES) body.append('confirm_class', c);
		const location = await postTwice(
			`${path}?/publish`,
			admin,
			{
				once,
				confirm: 'ya',
				revision: '1',
				reason: 'Koreksi: kunjungan kedua PKM-02'
			},
			body
		);
		expect(location).toContain('terbit=2');
		expect(revisions()).toBe(2);
	}, 180_000); // five command-line runs set the period up

	it('refuses a malformed token and writes nothing', async () => {
		const before = count(`select count(*) as n from survey_response`);
		const body = new FormData();
		body.set('once', 'bukan-token');
		body.set('r1.unit_code', 'KEL-18');
		const res = await http('/admin/survei/MPP-2026/kertas?/bulk', { cookie: admin, body });
		expect(res.status).toBe(400);
		expect(count(`select count(*) as n from survey_response`)).toBe(before);
	});
});
