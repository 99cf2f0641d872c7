import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

// The layering rule of the README (Architecture) is enforced by eslint.config.js. These cases lint
// code that breaks it, as if it stood at the given path, so a weakened rule fails the suite.
const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
	const [result] = await eslint.lintText(code, { filePath });
	return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layering rule (eslint no-restricted-imports)', () => {
	it('refuses $lib/server in browser code, even for types', async () => {
		const code =
			"import type { SheetView } from '$lib/server/sheets/sheet-view.service';\nexport type X = SheetView;\n";
		expect(await restrictedImports('src/lib/client/layering-fixture.ts', code)).toEqual([
			expect.stringContaining('Components never import $lib/server')
		]);
	}, 120_000);

	it('refuses framework, database and server code in the domain', async () => {
		const code = [
			"import { error } from '@sveltejs/kit';",
			"import { sql } from 'kysely';",
			"import { readFileSync } from 'node:fs';",
			"import { getDb } from '../../server/db';",
			'export const x = [error, sql, readFileSync, getDb];',
			''
		].join('\n');
		const messages = await restrictedImports('src/lib/domain/layering-fixture.ts', code);
		expect(messages).toHaveLength(4);
	}, 120_000);

	it('lets a route read from a repository but not write through one', async () => {
		const read =
			"import { findUnitByCode, type UnitRow } from '$lib/server/units/unit-catalog.repository';\nexport const x: [typeof findUnitByCode, UnitRow?] = [findUnitByCode];\n";
		expect(await restrictedImports('src/routes/layering-fixture/+page.server.ts', read)).toEqual([]);
		const write =
			"import { insertUnit } from '$lib/server/units/unit.repository';\nexport const x = insertUnit;\n";
		expect(await restrictedImports('src/routes/layering-fixture/+page.server.ts', write)).toEqual([
			expect.stringContaining('writes go through a service')
		]);
	}, 120_000);

	it('keeps the score import, whose reading thread is loaded from source, out of the routes', async () => {
		const code =
			"import { importScoresFile } from '$lib/server/sheets/import/score-import.service';\nexport const x = importScoresFile;\n";
		expect(await restrictedImports('src/routes/layering-fixture/+page.server.ts', code)).toEqual([
			expect.stringContaining('The score import is for the command line')
		]);
	}, 120_000);
});
