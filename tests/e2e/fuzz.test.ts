import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessTable, type Identity, type Row } from './support/access-table';
import { DEMO, dbRead, http, httpSignIn } from './support/http';
import { demoParams } from './support/demo-params';

// Bad requests to every form action and endpoint of the access table: each answer is a 4xx (never
// a 5xx) and the database is unchanged (row counts of every table, the audit log included).

// Tables that legitimately move on refused requests: sessions, throttles and rate-limit windows,
// and the derived figures a page fills when it first reads them (the results cache, and the
// review's per-unit figures, which the review page adds for units that have none yet).
const VOLATILE = new Set([
	'session',
	'login_throttle',
	'rate_limit',
	'period_result_cache',
	'unit_review_figure'
]);
const FIELDS = [
	'id',
	'code',
	'name',
	'email',
	'role',
	'status',
	'to',
	'reason',
	'note',
	'score',
	'date',
	'unit',
	'indicator',
	'visit',
	'hal',
	'version',
	'locale',
	'back',
	'current',
	'next',
	'confirm',
	'password',
	'category',
	'from',
	'item',
	'mentor',
	'u1',
	'data',
	'token'
];
const MB = 'x'.repeat(1024 * 1024);
const JUNK = [
	'\u0000',
	'a\u0000b\u202e😀',
	'\u202egpj.exe',
	'-1',
	'99999999999999999999',
	'1e309',
	'2.5',
	'../../etc/passwd',
	'%00',
	''
];
// A scripted client sends these with a redirect; every other answer must be 4xx.
const REDIRECTING = new Set(['/logout ?/default', '/bahasa ?/default']);

function counts(): Record<string, number> {
	const tables = dbRead<{ name: string }>(
		`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%'`
	);
	return Object.fromEntries(
		tables
			.filter((t) => !VOLATILE.has(t.name))
			.map((t) => [t.name, dbRead<{ n: number }>(`select count(*) as n from "${t.name}"`)[0].n])
	);
}

const form = (pairs: [string, string][]) => {
	const body = new URLSearchParams();
	for (const [k, v] of pairs) body.append(k, v);
	return body;
};

/** The bad requests for one action or endpoint. */
function badBodies(): { body: BodyInit; type?: string }[] {
	const multipart = new FormData();
	for (const f of FIELDS) multipart.append(f, MB.slice(0, 4096));
	multipart.append(
		'file',
		new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0x3c, 0x68, 0x74, 0x6d, 0x6c])]),
		'\u202egpj.exe'
	);
	return [
		{ body: 'email=a&password=b', type: 'text/plain' },
		{
			body: '--x\r\ncontent-disposition: form-data; name="a"\r\n\r\nb',
			type: 'multipart/form-data; boundary=y'
		},
		{ body: '{"version": -1, "values": {"../x": 1e309}}', type: 'application/json' },
		{ body: '{', type: 'application/json' },
		{ body: form([]), type: 'application/x-www-form-urlencoded' },
		{
			body: form([['name', MB], ...FIELDS.map((f): [string, string] => [f, '1'])]),
			type: 'application/x-www-form-urlencoded'
		},
		{ body: multipart },
		...JUNK.map((v) => ({
			body: form(
				FIELDS.flatMap((f): [string, string][] => [
					[f, v],
					[f, `${v}2`]
				])
			),
			type: 'application/x-www-form-urlencoded'
		}))
	];
}

let table: Row[] = [];
const cookies: Partial<Record<Identity, string>> = {};
const identityFor = (row: Row): Identity => {
	if (row.route === '/logout' || row.route === '/login' || row.route === '/bahasa') return 'anon';
	for (const id of ['admin', 'assessor', 'head', 'anon'] as Identity[])
		if (row.expect[id] === 'ok' || row.expect[id] === 200) return id;
	return 'admin';
};

beforeAll(async () => {
	table = accessTable(demoParams());
	cookies.admin = await httpSignIn(DEMO.admin);
	cookies.assessor = await httpSignIn(DEMO.assessor);
	cookies.head = await httpSignIn(DEMO.head);
});

let requests = 0;
afterAll(() => console.log(`fuzz: ${requests} requests`));

describe('fuzz', () => {
	it('answers every bad request to every form action and endpoint with a 4xx and changes nothing', async () => {
		const before = counts();
		const wrong: string[] = [];
		const targets = table.filter((r) => r.action);
		for (const row of targets) {
			const cookie = cookies[identityFor(row)];
			const url =
				row.action === 'default' || /^[A-Z]+$/.test(row.action!) ? row.path : `${row.path}?/${row.action}`;
			const method = /^[A-Z]+$/.test(row.action!) ? row.action : 'POST';
			for (const bad of badBodies()) {
				const res = await http(url, {
					cookie,
					method,
					body: bad.body,
					headers: bad.type ? { 'content-type': bad.type } : {}
				}).catch((e: Error) => new Response(`network: ${e.message}`, { status: 599 }));
				requests++;
				await res.arrayBuffer();
				const label = `${row.route} ?/${row.action}`;
				const fine =
					res.status >= 400 && res.status < 500 ? true : REDIRECTING.has(label) && res.status === 303;
				if (!fine) wrong.push(`${label} (${bad.type ?? 'multipart'}): ${res.status}`);
			}
		}
		// Oversize bodies to the upload and autosave endpoints and one form action.
		const big = new Uint8Array(13 * 1024 * 1024);
		for (const row of targets.filter((r) => /bukti|simpan|kertas/.test(r.route)).slice(0, 4)) {
			const url = /^[A-Z]+$/.test(row.action!) ? row.path : `${row.path}?/${row.action}`;
			const res = await http(url, {
				cookie: cookies[identityFor(row)],
				body: big,
				headers: { 'content-type': 'application/octet-stream' }
			}).catch((e: Error) => new Response(`network: ${e.message}`, { status: 599 }));
			requests++;
			if (res.status !== 413) wrong.push(`${row.route} oversize: ${res.status}`);
		}
		// Junk in path segments and query strings of every page and download.
		for (const row of table.filter((r) => !r.action)) {
			const cookie = cookies[identityFor(row)];
			const last = row.path.lastIndexOf('/');
			for (const seg of ['..%2F..%2Fetc', '%00', '-1', '1e309', '%E2%80%AEx', '99999999999999999999']) {
				const variants = [`${row.path}?hal=${seg}&kategori=${seg}&status=${seg}&q=${seg}`];
				if (last > 0) variants.push(`${row.path.slice(0, last + 1)}${seg}`);
				for (const v of variants) {
					const res = await http(v, { cookie });
					requests++;
					await res.arrayBuffer();
					if (res.status >= 500) wrong.push(`GET ${v}: ${res.status}`);
				}
			}
		}
		expect(wrong).toEqual([]);
		expect(counts()).toEqual(before);
	}, 600_000);
});
