import { describe, expect, it } from 'vitest';
import { canOpenObjectionEvidence, isObjectionWindowOpen } from '../../../src/lib/domain/objections';
import { ROLES, type Role } from '../../../src/lib/domain/auth/user';

describe('objection window (docs/rules.md §9.2)', () => {
	it('is open from the decision through its last day, and only before publication', () => {
		expect(isObjectionWindowOpen('review', '2026-11-30', '2026-11-30')).toBe(true);
		expect(isObjectionWindowOpen('running', '2026-11-30', '2026-12-01')).toBe(false);
		expect(isObjectionWindowOpen('published', '2026-11-30', '2026-11-01')).toBe(false);
		expect(isObjectionWindowOpen('review', null, '2026-11-01')).toBe(false);
	});
});

describe('who opens an objection’s evidence', () => {
	const table = (published: boolean, head: boolean) =>
		Object.fromEntries(
			ROLES.map((role: Role) => [role, canOpenObjectionEvidence({ role }, published, head)])
		);

	it('lets the office and the unit’s own head open it before publication, nobody else', () => {
		expect(table(false, true)).toEqual({
			admin: true,
			unit_head: true,
			viewer: false,
			assessor: false,
			enumerator: false
		});
		expect(table(false, false).unit_head).toBe(false);
	});

	it('adds viewers once the report card lists the objection, never another unit’s head', () => {
		expect(table(true, false)).toEqual({
			admin: true,
			unit_head: false,
			viewer: true,
			assessor: false,
			enumerator: false
		});
	});
});
