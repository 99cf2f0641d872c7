import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Comments and test names say where a rule or a surface is written down, and that place must be
// in this repository (README "Architecture"): a section of the README, or a rule of
// docs/rules.md. These checks keep every such citation pointing at something a maintainer who
// clones the repository can read.

const SOURCE_DIRS = ['src', 'tests', 'scripts', 'db'];
const SOURCE = /\.(ts|js|mjs|svelte)$/;
const GENERATED = /src\/lib\/paraglide\//;

function sourceFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const path = join(dir, e.name);
		if (e.isDirectory()) return e.name === 'node_modules' ? [] : sourceFiles(path);
		return SOURCE.test(e.name) && !GENERATED.test(path) ? [path] : [];
	});
}

const THIS_FILE = 'tests/unit/architecture/cited-documents.test.ts';
const files = [...SOURCE_DIRS.flatMap(sourceFiles), 'README.md', 'docs/rules.md']
	.filter((path) => path !== THIS_FILE)
	.map((path) => ({ path, text: readFileSync(path, 'utf8') }));

/** Every match of `pattern` in the sources, a name wrapped over comment lines read as one line. */
function citations(pattern: RegExp): { where: string; cited: string }[] {
	return files.flatMap(({ path, text }) =>
		[...text.matchAll(pattern)].map((m) => ({
			where: path,
			cited: m[1].replace(/\s*\n\s*(?:\/\/|\*)?\s*/g, ' ')
		}))
	);
}

/** The README's headings and the bold lead-ins of its paragraphs and list items. */
function readmePlaces(): string[] {
	return readFileSync('README.md', 'utf8')
		.split('\n')
		.flatMap((line) => {
			const heading = /^#+ (.+)$/.exec(line);
			if (heading) return [heading[1].trim()];
			const lead = /^(?:- )?\*\*([^*]+)\*\*/.exec(line);
			return lead ? [lead[1].replace(/[.:]$/, '').trim()] : [];
		});
}

/** `§N` for each section of docs/rules.md and `§N.M` for each numbered rule in it. */
function rulePlaces(): Set<string> {
	const places = new Set<string>();
	let section = '';
	for (const line of readFileSync('docs/rules.md', 'utf8').split('\n')) {
		const heading = /^## §(\d+)\b/.exec(line);
		if (heading) places.add((section = `§${heading[1]}`));
		const item = /^(\d+)\. /.exec(line);
		if (item && section) places.add(`${section}.${item[1]}`);
	}
	return places;
}

describe('documents cited in comments and test names', () => {
	it('cites no document outside the repository', () => {
		const outside = citations(/\b(spec (?:section )?\d[\d.]*|\(spec\b|issue \d+|contracts\b)/gi);
		expect(outside.map((c) => `${c.where}: ${c.cited}`)).toEqual([]);
	});

	it('names only sections the README has', () => {
		const places = readmePlaces();
		const missing = citations(/README "([^"]+)"/g).filter(
			(c) => !places.some((p) => p === c.cited || p.startsWith(`${c.cited} `))
		);
		expect(missing.map((c) => `${c.where}: README "${c.cited}"`)).toEqual([]);
	});

	it('names only rules docs/rules.md has', () => {
		const places = rulePlaces();
		const missing = citations(/docs\/rules\.md (§\d+(?:\.\d+)?)/g).filter((c) => !places.has(c.cited));
		expect(missing.map((c) => `${c.where}: docs/rules.md ${c.cited}`)).toEqual([]);
	});
});
