import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The README's "Where things live" map is how a maintainer finds a feature's one home
// (README "Architecture"). These checks keep it true as folders come and go: every folder of
// src/lib and src/lib/server is on the map, and every folder the map names is in the tree.

function mapBlock(): string[] {
	const readme = readFileSync('README.md', 'utf8');
	const start = readme.indexOf('### Where things live');
	const fence = readme.indexOf('```', start);
	const end = readme.indexOf('```', fence + 3);
	return readme.slice(fence + 3, end).split('\n');
}

/** Folder names the map lists in the block indented under `parent/` (one level deeper). */
function foldersUnder(parent: string): string[] {
	const lines = mapBlock();
	const at = lines.findIndex((line) => line.trim().startsWith(parent));
	if (at < 0) throw new Error(`the map has no ${parent} line`);
	const indent = lines[at].search(/\S/);
	const names: string[] = [];
	for (const line of lines.slice(at + 1)) {
		if (line.search(/\S/) <= indent) break;
		// A folder entry starts right at the next indent: `name/` or `a/, b/`.
		const entry = /^\s+((?:[\w-]+\/(?:, )?)+)\s/.exec(line);
		if (entry && line.search(/\S/) === indent + 2) names.push(...entry[1].split(', '));
	}
	return names.map((name) => name.replace(/\/$/, ''));
}

function foldersIn(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true })
		.filter((e) => e.isDirectory())
		.map((e) => e.name);
}

describe('the README map of where things live', () => {
	it('names every feature folder of src/lib/server, and none that is gone', () => {
		const mapped = foldersUnder('lib/server/');
		expect(mapped.toSorted()).toEqual(foldersIn('src/lib/server').toSorted());
	});

	it('names every folder of src/lib', () => {
		const text = mapBlock().join('\n');
		for (const folder of foldersIn('src/lib')) expect(text).toContain(`lib/${folder}/`);
	});

	it('names only top-level folders and files that exist', () => {
		// A top-level line starts with its path (`tests/unit | integration | e2e` starts with one);
		// a pattern such as `messages/<area>/<locale>.json` names no single path.
		const topLevel = mapBlock()
			.map((line) => /^(\S+\/\S*)/.exec(line)?.[1])
			.filter((path): path is string => path !== undefined && !path.includes('<'));
		expect(topLevel.length).toBeGreaterThan(5);
		for (const path of topLevel) expect(existsSync(path), path).toBe(true);
	});
});
