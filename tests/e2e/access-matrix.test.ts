import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { accessTable, IDENTITIES, type Identity, type Row } from './support/access-table';
import { demoParams } from './support/demo-params';
import { ensureDemoFiles } from './support/demo-files';
import { DEMO, http, httpSignIn } from './support/http';

// Walks src/routes: every page, endpoint method and form action must have a row of the table.
interface Found {
	route: string;
	action?: string;
}

function walk(dir: string, route: string, out: Found[]): void {
	const entries = readdirSync(dir, { withFileTypes: true });
	const names = new Set(entries.filter((e) => e.isFile()).map((e) => e.name));
	if (names.has('+page.svelte') || names.has('+page.server.ts')) out.push({ route });
	if (names.has('+page.server.ts')) {
		const source = readFileSync(join(dir, '+page.server.ts'), 'utf8');
		const block = /export const actions[^=]*=\s*([\s\S]*?)\n\}\)?;/.exec(source)?.[1] ?? '';
		if (/^importActions\(/.test(block)) out.push({ route, action: 'preview' }, { route, action: 'confirm' });
		else for (const m of block.matchAll(/^\t(\w+)\s*[:(,]/gm)) out.push({ route, action: m[1] });
	}
	if (names.has('+server.ts')) {
		const source = readFileSync(join(dir, '+server.ts'), 'utf8');
		for (const m of source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g))
			out.push(m[1] === 'GET' ? { route } : { route, action: m[1] });
	}
	for (const e of entries)
		if (e.isDirectory()) walk(join(dir, e.name), route === '/' ? `/${e.name}` : `${route}/${e.name}`, out);
}

const EMAILS: Record<Exclude<Identity, 'anon'>, string> = {
	admin: DEMO.admin,
	viewer: DEMO.viewer,
	assessor: DEMO.assessor,
	otherAssessor: DEMO.otherAssessor,
	head: DEMO.head,
	otherHead: DEMO.otherHead
};

let table: Row[] = [];
const cookies: Partial<Record<Identity, string>> = {};

beforeAll(async () => {
	await ensureDemoFiles(demoParams());
	table = accessTable(demoParams());
	for (const [identity, email] of Object.entries(EMAILS))
		cookies[identity as Identity] = await httpSignIn(email);
}, 300_000); // ensureDemoFiles may run the command line twice on a busy machine

const key = (f: Found) => `${f.route}${f.action ? ` ?/${f.action}` : ''}`;

describe('access matrix', () => {
	it('has a row for every route and form action under src/routes', () => {
		const found: Found[] = [];
		walk('src/routes', '/', found);
		expect(found.length).toBeGreaterThan(90);
		const rows = new Set(table.map(key));
		expect(found.map(key).filter((k) => !rows.has(k))).toEqual([]);
		const known = new Set(found.map(key));
		expect(table.map(key).filter((k) => !known.has(k))).toEqual([]);
	});

	it('answers every row as the table says for each identity, without another unit’s data', async () => {
		const wrong: string[] = [];
		let requests = 0;
		for (const row of table)
			for (const identity of IDENTITIES) {
				const expected = row.expect[identity];
				if (expected === 'ok') continue;
				const cookie = cookies[identity];
				let res: Response;
				if (!row.action) res = await http(row.path, { cookie });
				else if (/^[A-Z]+$/.test(row.action))
					res = await http(row.path, {
						cookie,
						method: row.action,
						body: '{}',
						headers: { 'content-type': 'application/json' }
					});
				else
					res = await http(row.action === 'default' ? row.path : `${row.path}?/${row.action}`, {
						cookie,
						body: new URLSearchParams(),
						headers: { 'content-type': 'application/x-www-form-urlencoded' }
					});
				requests++;
				const body = await res.text();
				if (res.status !== expected)
					wrong.push(`${key(row)} as ${identity}: ${res.status}, table says ${expected}`);
				for (const secret of row.secrets?.[identity] ?? [])
					if (body.includes(secret)) wrong.push(`${key(row)} as ${identity} shows "${secret}"`);
			}
		console.log(`access matrix: ${requests} requests`);
		expect(wrong).toEqual([]);
	}, 600_000);
});
