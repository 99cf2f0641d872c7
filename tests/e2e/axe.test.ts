import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessTable, type Identity } from './support/access-table';
import { demoParams } from './support/demo-params';
import { baseURL, openBrowser, type Session } from './support/browser';
import { DEMO, http, httpSignIn } from './support/http';

// axe-core over every page of the access table, as every identity that may read it, on a phone
// no critical or serious finding (README "Tests").

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const ROLES: Identity[] = ['anon', 'admin', 'viewer', 'assessor', 'head'];
// Phones are where tables scroll sideways (axe "scrollable-region-focusable"); desktop layout is
// walked by the English walk and the screen tests.
const VIEWPORTS = [{ width: 390, height: 844 }];

interface Finding {
	id: string;
	impact: string | null;
	help: string;
	targets: string[];
}

let sessions: Session[] = [];
const cookies: Partial<Record<Identity, string>> = {};

beforeAll(async () => {
	for (const role of ROLES)
		if (role !== 'anon') cookies[role] = await httpSignIn(DEMO[role as keyof typeof DEMO]);
});
afterAll(async () => {
	for (const s of sessions) await s.close();
});

/** The HTML pages each identity may read (downloads, JSON and redirects left out). */
async function pagesOf(role: Identity): Promise<string[]> {
	const paths = accessTable(demoParams())
		.filter((r) => !r.action && r.expect[role] === 200)
		.map((r) => r.path);
	const pages: string[] = [];
	for (const path of new Set(paths)) {
		const res = await http(path, { cookie: cookies[role] });
		await res.arrayBuffer();
		if (res.status === 200 && (res.headers.get('content-type') ?? '').startsWith('text/html'))
			pages.push(path);
	}
	return pages;
}

describe('accessibility', () => {
	it('finds nothing critical or serious on any page, for any role, on a phone', async () => {
		const found: string[] = [];
		let views = 0;
		for (const role of ROLES) {
			const pages = await pagesOf(role);
			for (const viewport of VIEWPORTS) {
				const s = await openBrowser(viewport);
				sessions.push(s);
				const cookie = cookies[role];
				if (cookie) {
					const [name, value] = cookie.split('=');
					await s.context.addCookies([{ name, value, url: baseURL() }]);
				}
				for (const path of pages) {
					await s.page.goto(path, { waitUntil: 'load' });
					// Evaluated through the DevTools protocol: the page's nonce CSP would refuse a script tag.
					await s.page.evaluate(AXE);
					const findings = await s.page.evaluate(async () => {
						const axe = (window as unknown as { axe: { run: (o: object) => Promise<any> } }).axe;
						const result = await axe.run({ resultTypes: ['violations'] });
						return result.violations.map(
							(v: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }) => ({
								id: v.id,
								impact: v.impact,
								help: v.help,
								targets: v.nodes.slice(0, 3).map((n) => n.target.join(' '))
							})
						) as Finding[];
					});
					views++;
					if (views % 20 === 0) console.log(`axe: ${views} page views`);
					for (const f of findings.filter((f) => f.impact === 'critical' || f.impact === 'serious'))
						found.push(
							`${role} ${viewport.width}px ${path}: ${f.id} (${f.impact}) ${f.help} at ${f.targets.join(', ')}`
						);
				}
				await s.close();
				sessions = sessions.filter((x) => x !== s);
			}
		}
		console.log(`axe: ${views} page views`);
		expect(found).toEqual([]);
	}, 900_000);
});
