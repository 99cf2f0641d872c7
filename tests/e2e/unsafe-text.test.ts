import { describe, expect, it } from 'vitest';
import { baseURL } from './support/browser';
import { DEMO, dbRead, http, httpSignIn } from './support/http';

// NUL, control and bidi-override characters (src/lib/domain/text-safety.ts) are refused with a 400
// that names the field or cell, on every path that takes free text, and nothing is stored.

const RLO = '\u202e';
const form = { 'content-type': 'application/x-www-form-urlencoded' };
const storedWithRlo = () =>
	dbRead<{ n: number }>(`select count(*) as n from score where instr(note, char(8238)) > 0`)[0].n;

describe('free text with control or bidi-override characters', () => {
	it('is refused on the score sheet, by autosave and by the form without JavaScript', async () => {
		const cookie = await httpSignIn(DEMO.assessor);
		// A visit whose sheet the assessor can still edit (refused posts change nothing on it).
		const [{ id: visit }] = dbRead<{ id: number }>(
			`select v.id from visit v join visit_assessor va on va.visit_id = v.id join user u on u.id = va.user_id
			 join period p on p.id = v.period_id
			 left join score_sheet s on s.visit_id = v.id and s.assessor_id = u.id
			 where u.email = ? and p.status = 'running' and v.kind = 'regular' and s.id is null
			 order by v.id desc limit 1`,
			DEMO.assessor
		);
		const html = await (await http(`/penilaian/${visit}`, { cookie })).text();
		const code = /name="note\.([^"]+)"/.exec(html)![1];
		const version = /name="version" value="(\d+)"/.exec(html)![1];

		const autosave = await http(`/penilaian/${visit}/simpan`, {
			cookie,
			body: JSON.stringify({
				version: Number(version),
				values: { [code]: { score: 3, note: `lihat ${RLO}gpj.exe` } }
			}),
			headers: { 'content-type': 'application/json' }
		});
		expect(autosave.status).toBe(400);
		expect((await autosave.json()).errors[`values.${code}.note`]).toMatch(/pembalik arah teks/);

		const noScript = await http(`/penilaian/${visit}?/save`, {
			cookie,
			body: new URLSearchParams({ version, [`score.${code}`]: '3', [`note.${code}`]: 'a\u0000b' }),
			headers: form
		});
		expect(noScript.status).toBe(400);
		expect(await noScript.text()).toContain(`${code}: catatan berisi karakter kendali`);
		expect(storedWithRlo()).toBe(0);
		const [sheet] = dbRead<{ version: number }>(
			`select s.version from score_sheet s join user u on u.id = s.assessor_id where s.visit_id = ? and u.email = ?`,
			visit,
			DEMO.assessor
		);
		expect(sheet?.version ?? 1).toBe(Number(version));
	});

	it('is refused in an imported file and in the rows carried back for confirmation', async () => {
		const cookie = await httpSignIn(DEMO.admin);
		const units = () => dbRead<{ n: number }>(`select count(*) as n from unit`)[0].n;
		const before = units();
		const upload = new FormData();
		const csv = `code,name,category\nKEL-X1,Kelurahan ${RLO}gpj.exe,Kelurahan\n`;
		upload.set('file', new Blob([csv], { type: 'text/csv' }), 'unit.csv');
		const preview = await http('/admin/unit/impor?/preview', { cookie, body: upload });
		expect(preview.status).toBe(400);
		expect(await preview.text()).toContain(
			'baris 2: kolom name berisi karakter kendali atau pembalik arah teks yang tidak diizinkan'
		);

		const carried = {
			headerLine: 1,
			columns: ['code', 'name', 'category'],
			rows: [{ line: 2, cells: { code: 'KEL-X1', name: `Kelurahan ${RLO}gpj.exe`, category: 'Kelurahan' } }]
		};
		const confirm = await http('/admin/unit/impor?/confirm', {
			cookie,
			body: new URLSearchParams({ data: JSON.stringify(carried) }),
			headers: form
		});
		expect(confirm.status).toBe(400);
		expect(units()).toBe(before);
	});

	it("is refused in a paper questionnaire's grid, named by its row and column", async () => {
		const cookie = await httpSignIn(DEMO.admin);
		const responses = () => dbRead<{ n: number }>(`select count(*) as n from survey_response`)[0].n;
		const before = responses();
		const row = (n: number, unit: string) => ({
			[`r${n}.unit_code`]: unit,
			[`r${n}.date`]: '2026-10-01',
			...Object.fromEntries([1, 2, 3, 4, 5, 6, 7, 8, 9].map((u) => [`r${n}.u${u}`, '3']))
		});
		const res = await http('/admin/survei/MPP-2026/kertas?/bulk', {
			cookie,
			body: new URLSearchParams({ ...row(1, 'KEL-18'), ...row(2, `KEL-18${RLO}`) }),
			headers: form
		});
		expect(res.status).toBe(400);
		expect(await res.text()).toContain(
			'baris 2, kolom unit_code: Berisi karakter kendali atau pembalik arah teks yang tidak diizinkan'
		);
		expect(responses()).toBe(before);
	});

	it('is refused in the citizen survey suggestion, in both answers of the form', async () => {
		const [{ survey_token: token }] = dbRead<{ survey_token: string }>(
			`select survey_token from unit where code = 'KEL-18'`
		);
		const responses = () => dbRead<{ n: number }>(`select count(*) as n from survey_response`)[0].n;
		const before = responses();
		const link = `/survei/${token}`;
		const html = await (await http(link)).text();
		const formToken = /name="form_token" value="([^"]+)"/.exec(html)![1];
		const answers = Object.fromEntries([1, 2, 3, 4, 5, 6, 7, 8, 9].map((u) => [`u${u}`, '3']));
		const body = new URLSearchParams({ ...answers, form_token: formToken, suggestion: `bagus\u0000${RLO}` });
		const page = await http(link, { body, headers: form });
		expect(page.status).toBe(400);
		expect(await page.text()).toContain('Berisi karakter kendali atau pembalik arah teks');
		const json = await fetch(`${baseURL()}${link}/kirim`, {
			method: 'POST',
			body,
			headers: { ...form, origin: baseURL(), accept: 'application/json' }
		});
		expect(json.status).toBe(400);
		expect((await json.json()).errors.suggestion).toBe(
			'saran berisi karakter kendali atau pembalik arah teks yang tidak diizinkan'
		);
		expect(responses()).toBe(before);
	});
});
