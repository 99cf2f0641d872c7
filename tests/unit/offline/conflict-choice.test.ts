import { describe, expect, it } from 'vitest';
import {
	defaultChoices,
	requeueResolved,
	resolveConflict,
	type OutboxEntry
} from '../../../src/lib/domain/offline';

const values = {
	'A.1': { score: 2, note: '' },
	'A.2': { score: 3, note: 'di perangkat' },
	'A.3': { score: null, note: '' },
	'A.4': { score: 1, note: 'sama' }
};
const differences = [
	{ code: 'A.1', before: { score: 4, note: 'tersimpan' }, after: { score: 2, note: '' } },
	{ code: 'A.2', before: { score: 5, note: 'meja' }, after: { score: 3, note: 'di perangkat' } },
	{ code: 'A.3', before: { score: 4, note: '' }, after: { score: null, note: '' } }
];

describe('choosing per indicator after a version conflict', () => {
	it("preselects this device's entry, but the stored one where the device's is empty", () => {
		expect(defaultChoices(differences)).toEqual({ 'A.1': 'mine', 'A.2': 'mine', 'A.3': 'theirs' });
	});

	it('keeps mine for one indicator and takes the stored entry for another, leaving the rest alone', () => {
		const out = resolveConflict(values, differences, { 'A.1': 'theirs', 'A.2': 'mine', 'A.3': 'mine' });
		expect(out).toEqual({
			'A.1': { score: 4, note: 'tersimpan' },
			'A.2': { score: 3, note: 'di perangkat' },
			'A.3': { score: null, note: '' },
			'A.4': { score: 1, note: 'sama' }
		});
	});

	it('takes the stored side of every difference when the assessor chooses it throughout', () => {
		const out = resolveConflict(values, differences, { 'A.1': 'theirs', 'A.2': 'theirs', 'A.3': 'theirs' });
		expect(out).toEqual({
			'A.1': { score: 4, note: 'tersimpan' },
			'A.2': { score: 5, note: 'meja' },
			'A.3': { score: 4, note: '' },
			'A.4': values['A.4']
		});
	});

	it('falls back to the default for an indicator without a choice and does not change its input', () => {
		const before = structuredClone(values);
		expect(resolveConflict(values, differences, {})['A.3']).toEqual({ score: 4, note: '' });
		expect(values).toEqual(before);
	});

	it("gives the sheet's queued save and submission the resolved sheet under new, unsent ids, in place", () => {
		const queue: OutboxEntry[] = [
			{ id: 's', seq: 1, visitId: 7, kind: 'save', values, sending: true, tried: true },
			{ id: 'p', seq: 2, visitId: 7, kind: 'photo' },
			{ id: 'o', seq: 3, visitId: 8, kind: 'save', values },
			{ id: 'k', seq: 4, visitId: 7, kind: 'submit', values }
		];
		const resolved = resolveConflict(values, differences, { 'A.1': 'theirs' });
		let n = 0;
		const out = requeueResolved(queue, 7, resolved, () => `new-${++n}`);
		expect(out).toEqual([
			{
				replaced: 's',
				entry: {
					id: 'new-1',
					seq: 1,
					visitId: 7,
					kind: 'save',
					values: resolved,
					sending: false,
					tried: false
				}
			},
			{
				replaced: 'k',
				entry: {
					id: 'new-2',
					seq: 4,
					visitId: 7,
					kind: 'submit',
					values: resolved,
					sending: false,
					tried: false
				}
			}
		]);
	});
});
