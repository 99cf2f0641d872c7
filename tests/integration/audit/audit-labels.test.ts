import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import ts from 'typescript';
import {
	auditActionLabel,
	auditEntityLabel,
	auditFieldLabel
} from '../../../src/lib/server/audit/audit-view';
import { AUDIT_CHANGE_KEYS } from '../../../src/lib/domain/audit/audit-detail';
import { baseLocale, overwriteGetLocale } from '../../../src/lib/paraglide/runtime';

// README "Audit log": the log reads in words in the reader's language. Every object and action
// code a service writes must therefore have a phrase; the fallback (the code with spaces) is
// for rows written by older versions only.

function sources(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
		e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []
	);
}

/**
 * Literal codes a service writes: the first (action) or second (entity) argument of
 * `auditTrail(...).record(action, entity, ...)`: the string literals of that argument.
 */
function writtenCodes(key: 'entity' | 'action'): string[] {
	const codes = new Set<string>();
	for (const file of sources('src/lib/server')) {
		const text = readFileSync(file, 'utf8');
		if (!text.includes('auditTrail(')) continue;
		for (const call of text.matchAll(/\.record\(\s*([^,]*),\s*([^,)]*)/g)) {
			// A plain literal, or each literal of a choice (`calibrated ? 'calibration.mark' : …`).
			for (const literal of (key === 'action' ? call[1] : call[2]).matchAll(/'([a-z_.]+)'/g))
				codes.add(literal[1]);
		}
	}
	return [...codes].sort();
}

/**
 * The detail fields a service writes: the keys of the object literal given to `.record(…)` as its
 * fourth argument, and for a spread (`{ ...summary }`) the fields of the interface its variable or
 * parameter is declared with (looked up among the server's interfaces). Parsed, not matched by a
 * pattern: an object literal spans lines and nests.
 */
function writtenFields(): string[] {
	const parsed = sources('src/lib/server').map((file) =>
		ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true)
	);
	const interfaces = new Map<string, string[]>();
	const declaredTypes = new Map<string, string>();
	const details: ts.Expression[] = [];
	const visit = (node: ts.Node): void => {
		if (ts.isInterfaceDeclaration(node))
			interfaces.set(
				node.name.text,
				node.members.flatMap((m) => (m.name && ts.isIdentifier(m.name) ? [m.name.text] : []))
			);
		if ((ts.isVariableDeclaration(node) || ts.isParameter(node)) && ts.isIdentifier(node.name) && node.type)
			declaredTypes.set(node.name.text, node.type.getText());
		if (
			ts.isCallExpression(node) &&
			ts.isPropertyAccessExpression(node.expression) &&
			node.expression.name.text === 'record' &&
			node.arguments.length === 4
		)
			details.push(node.arguments[3]);
		ts.forEachChild(node, visit);
	};
	for (const source of parsed) visit(source);
	const fields = new Set<string>();
	for (const detail of details) {
		if (!ts.isObjectLiteralExpression(detail))
			throw new Error(`detail is not an object: ${detail.getText()}`);
		for (const p of detail.properties) {
			if (ts.isSpreadAssignment(p)) {
				const type = declaredTypes.get(p.expression.getText());
				const members = type ? interfaces.get(type) : undefined;
				if (!members) throw new Error(`cannot tell the fields of ...${p.expression.getText()}`);
				for (const f of members) fields.add(f);
			} else if (p.name) fields.add(p.name.getText());
		}
	}
	return [...fields].filter((f) => !AUDIT_CHANGE_KEYS.includes(f)).sort();
}

const humanized = (code: string) => code.replace(/[._]/g, ' ');

afterAll(() => overwriteGetLocale(() => baseLocale));

describe('audit log labels', () => {
	const entities = writtenCodes('entity');
	const actions = writtenCodes('action');

	const fields = writtenFields();

	it('finds the codes and detail fields the services write', () => {
		expect(entities).toContain('objection');
		expect(actions).toContain('sign_in');
		// a literal key, and the fields of an import summary written as a spread
		expect(fields).toEqual(expect.arrayContaining(['openFlagsConfirmed', 'created', 'newCategories']));
	});

	for (const locale of ['id', 'en'] as const) {
		it(`names every object, action and detail field the services write in ${locale}`, () => {
			overwriteGetLocale(() => locale);
			const unnamed = [
				...entities.filter((e) => auditEntityLabel(e) === humanized(e)).map((e) => `entity ${e}`),
				...actions.filter((a) => auditActionLabel(a) === humanized(a)).map((a) => `action ${a}`),
				...fields.filter((f) => auditFieldLabel(f) === null).map((f) => `field ${f}`)
			];
			expect(unnamed).toEqual([]);
		});
	}

	it('names the objects differently in English and Indonesian where the words differ', () => {
		overwriteGetLocale(() => 'id');
		const id = auditEntityLabel('objection');
		overwriteGetLocale(() => 'en');
		expect([id, auditEntityLabel('objection')]).toEqual(['Sanggahan', 'Objection']);
	});
});
