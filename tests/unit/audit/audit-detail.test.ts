import { describe, expect, it } from 'vitest';
import { describeAuditDetail } from '../../../src/lib/domain/audit/audit-detail';

describe('audit details in words', () => {
	it('shows a score change as "field: old → new" for each changed field only', () => {
		const json = JSON.stringify({
			indicator: '1.a.K1',
			old: { score: 3, note: null },
			new: { score: 5, note: 'Ada SOP' },
			version: 4
		});
		expect(describeAuditDetail(json)).toEqual([
			{ field: 'score', from: '3', to: '5' },
			{ field: 'note', from: '–', to: 'Ada SOP' },
			{ field: 'indicator', value: '1.a.K1' },
			{ field: 'version', value: '4' }
		]);
	});

	it('reads a status move, a window with its previous value, a plain before and a renamed code', () => {
		expect(describeAuditDetail('{"from":"running","to":"review"}')).toEqual([
			{ field: null, from: 'running', to: 'review' }
		]);
		expect(
			describeAuditDetail(
				JSON.stringify({
					from: '2026-02-01',
					to: '2026-03-01',
					before: { from: '2026-01-01', to: '2026-03-01' }
				})
			)
		).toEqual([{ field: 'from', from: '2026-01-01', to: '2026-02-01' }]);
		expect(describeAuditDetail('{"users":1200,"before":null}')).toEqual([
			{ field: 'users', from: '–', to: '1200' }
		]);
		expect(describeAuditDetail('{"was":"KEL-1"}', 'KEL-01')).toEqual([
			{ field: 'code', from: 'KEL-1', to: 'KEL-01' }
		]);
	});

	it('lists plain values, joins arrays, and keeps text that is not a JSON object', () => {
		expect(describeAuditDetail('{}')).toEqual([]);
		expect(describeAuditDetail('{"fields":["name","role"],"unit":"KEL-18"}')).toEqual([
			{ field: 'fields', value: 'name, role' },
			{ field: 'unit', value: 'KEL-18' }
		]);
		expect(describeAuditDetail('not json')).toEqual([{ field: null, value: 'not json' }]);
	});

	it('cuts a long list to its first five items and says how many more there are', () => {
		const openFlags = Array.from({ length: 321 }, (_, i) => `flag ${i + 1}`);
		const confirmed = [{ class: 'flags', count: 321 }];
		expect(describeAuditDetail(JSON.stringify({ openFlags, confirmed }))).toEqual([
			{ field: 'openFlags', value: 'flag 1, flag 2, flag 3, flag 4, flag 5 … (+316)' },
			{ field: 'confirmed', value: 'class: flags, count: 321' }
		]);
		expect(describeAuditDetail('{"units":["A","B","C","D","E"]}')).toEqual([
			{ field: 'units', value: 'A, B, C, D, E' }
		]);
	});
});
