import { DEMO, dbRead, http, httpSignIn } from './http';
import { runAdmin, scoredIndicatorCodes, writeScoresCsv } from './cli';

// The demo city seeds no uploaded files, so the access table's evidence, coaching-progress and
// objection-evidence rows would point at nothing. They are made here through the app itself, as the assessor and
// the unit head would: a real upload, checked and stored like any other.

// A 1×1 PNG: files are decoded in full, so it must really be an image.
const PNG = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
	'base64'
);

/** Evidence on a sheet of the assessor still open, on a visit the other assessor is not on. */
async function ensureEvidence(): Promise<void> {
	const [has] = dbRead(
		`select 1 from evidence e join score_sheet s on s.id = e.sheet_id join user u on u.id = s.assessor_id where u.email = ?`,
		DEMO.assessor
	);
	if (has) return;
	const [open] = dbRead<{ id: number }>(
		`select v.id from visit v join period p on p.id = v.period_id
		 join visit_assessor va on va.visit_id = v.id join user u on u.id = va.user_id
		 where p.status = 'running' and u.email = ?
		 and not exists (select 1 from visit_assessor o join user ou on ou.id = o.user_id where o.visit_id = v.id and ou.email = ?)
		 and not exists (select 1 from score_sheet s where s.visit_id = v.id and s.assessor_id = u.id and s.status = 'submitted')
		 order by v.id desc limit 1`,
		DEMO.assessor,
		DEMO.otherAssessor
	);
	const visit = open.id;
	// The last scored indicator of the visit's instrument, to stay out of the sheet tests' way.
	const [indicator] = dbRead<{ code: string }>(
		`select i.code from visit v join period p on p.id = v.period_id join indicator i on i.instrument_id = p.instrument_id
		 where v.id = ? and i.weight > 0 order by i.aspect_id desc, i.position desc limit 1`,
		visit
	);
	const body = new FormData();
	body.set('indicator', indicator.code);
	body.set('file', new Blob([PNG], { type: 'image/png' }), 'papan-informasi.png');
	const res = await http(`/penilaian/${visit}/bukti`, { cookie: await httpSignIn(DEMO.assessor), body });
	if (res.status !== 201) throw new Error(`evidence upload: ${res.status} ${await res.text()}`);
}

async function ensureProgressFile(plan: number): Promise<void> {
	const [has] = dbRead(
		`select 1 from coaching_progress pr join coaching_item i on i.id = pr.item_id
		 where i.plan_id = ? and pr.file_id is not null`,
		plan
	);
	if (has) return;
	const [item] = dbRead<{ id: number }>(
		`select id from coaching_item where plan_id = ? and status in ('open', 'in_progress') order by position desc limit 1`,
		plan
	);
	const body = new FormData();
	body.set('itemId', String(item.id));
	body.set('status', 'in_progress');
	body.set('note', 'Foto papan alur layanan yang baru dipasang.');
	body.set('berkas', new Blob([PNG], { type: 'image/png' }), 'alur-layanan.png');
	const res = await http(`/pembinaan/${plan}?/progress`, { cookie: await httpSignIn(DEMO.head), body });
	if (res.status !== 303) throw new Error(`coaching progress: ${res.status} ${await res.text()}`);
}

// A period of its own, so that the demo's MPP-2026 keeps no open window or unanswered objection.
const OBJECTION_PERIOD = 'E2E-SGH-AKSES';

/**
 * The period of the access table's objection, scored through the command line. It runs before any
 * request of this process: the command line blocks the event loop, and a kept-alive connection the
 * server closed meanwhile would otherwise be written to (EPIPE).
 */
function ensureObjectionPeriod(): void {
	const [period] = dbRead(`select 1 from period where code = ?`, OBJECTION_PERIOD);
	if (period) return;
	runAdmin(
		...['create-period', '--code', OBJECTION_PERIOD, '--name', 'Uji Akses Sanggah'],
		...['--instrument', 'permenpan-17-2017', '--from', '2026-01-05', '--to', '2026-03-31']
	);
	const rows = scoredIndicatorCodes().map((code) => `KEL-18,1,penilai.akses@e2e.test,${code},3,`);
	runAdmin('import-scores', '--period', OBJECTION_PERIOD, writeScoresCsv(rows));
}

/** An objection of KEL-18 with a photo, filed by its head in an open window of that period. */
async function ensureObjectionFile(): Promise<void> {
	const [has] = dbRead(
		`select 1 from objection_evidence oe join objection o on o.id = oe.objection_id
		 join period p on p.id = o.period_id where p.code = ?`,
		OBJECTION_PERIOD
	);
	if (has) return;
	const until = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
	const opened = await http(`/admin/periode/${OBJECTION_PERIOD}/sanggah?/window`, {
		cookie: await httpSignIn(DEMO.admin),
		body: new URLSearchParams({ until }),
		headers: { 'content-type': 'application/x-www-form-urlencoded' }
	});
	if (opened.status !== 303) throw new Error(`objection window: ${opened.status} ${await opened.text()}`);
	const body = new FormData();
	body.set('indicator', scoredIndicatorCodes()[0]);
	body.set('level', '4');
	body.set('reason', 'Standar pelayanan sudah dipajang; lihat foto.');
	body.set('file', new Blob([PNG], { type: 'image/png' }), 'papan-standar.png');
	const filed = await http(`/unit/KEL-18/sanggah/${OBJECTION_PERIOD}`, {
		cookie: await httpSignIn(DEMO.head),
		body
	});
	if (filed.status !== 303) throw new Error(`objection: ${filed.status} ${await filed.text()}`);
}

/** Makes sure the assessor has an evidence file, the plan a progress entry with a file, and KEL-18 an objection with one. */
export async function ensureDemoFiles(p: { plan: number }): Promise<void> {
	ensureObjectionPeriod();
	await ensureEvidence();
	await ensureProgressFile(p.plan);
	await ensureObjectionFile();
}
