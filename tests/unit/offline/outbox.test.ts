import { describe, expect, it } from 'vitest';
import {
	nextToSend,
	outcomeOf,
	pendingByVisit,
	queueSave,
	refreshedSheet,
	settledItem,
	withEvidence,
	type OutboxEntry
} from '../../../src/lib/domain/offline';

const v = (score: number | null, note = '') => ({ 'A.1': { score, note } });

describe('the outbox', () => {
	it("folds a change into the sheet's last queued save when nothing of that sheet came after it", () => {
		const queue: OutboxEntry[] = [{ id: 'a', seq: 1, visitId: 7, kind: 'save', values: v(1) }];
		expect(queueSave(queue, 7, v(2), 'new')).toEqual({
			id: 'a',
			seq: 1,
			visitId: 7,
			kind: 'save',
			values: v(2)
		});
	});

	it('appends a save after a photo of the same sheet, keeping the order of work', () => {
		const queue: OutboxEntry[] = [
			{ id: 'a', seq: 1, visitId: 7, kind: 'save', values: v(1) },
			{ id: 'p', seq: 2, visitId: 7, kind: 'photo' }
		];
		expect(queueSave(queue, 7, v(2), 'new')).toMatchObject({ id: 'new', seq: 3, kind: 'save' });
	});

	it('never changes a save that is on its way: the change gets its own item and id', () => {
		const queue: OutboxEntry[] = [{ id: 'a', seq: 4, visitId: 7, kind: 'save', values: v(1), sending: true }];
		expect(queueSave(queue, 7, v(2), 'new')).toMatchObject({ id: 'new', seq: 5 });
	});

	it('never changes a save sent once without an answer: the server may hold it under that id', () => {
		const queue: OutboxEntry[] = [
			{ id: 'a', seq: 4, visitId: 7, kind: 'save', values: v(1), sending: false, tried: true }
		];
		expect(queueSave(queue, 7, v(2), 'new')).toEqual({
			id: 'new',
			seq: 5,
			visitId: 7,
			kind: 'save',
			values: v(2)
		});
	});

	it('does not fold into a save of another sheet', () => {
		const queue: OutboxEntry[] = [{ id: 'a', seq: 1, visitId: 8, kind: 'save', values: v(1) }];
		expect(queueSave(queue, 7, v(2), 'new')).toMatchObject({ id: 'new', visitId: 7, seq: 2 });
	});

	it('sends the oldest item first and skips sheets waiting on a conflict decision', () => {
		const queue: OutboxEntry[] = [
			{ id: 'c', seq: 3, visitId: 2, kind: 'save' },
			{ id: 'a', seq: 1, visitId: 1, kind: 'save' },
			{ id: 'b', seq: 2, visitId: 1, kind: 'photo' }
		];
		expect(nextToSend(queue, new Set())?.id).toBe('a');
		expect(nextToSend(queue, new Set([1]))?.id).toBe('c');
		expect(nextToSend(queue, new Set([1, 2]))).toBeNull();
	});

	it('counts waiting items per sheet', () => {
		const queue: OutboxEntry[] = [
			{ id: 'a', seq: 1, visitId: 1, kind: 'save' },
			{ id: 'b', seq: 2, visitId: 1, kind: 'photo' },
			{ id: 'c', seq: 3, visitId: 2, kind: 'submit' }
		];
		expect([...pendingByVisit(queue)]).toEqual([
			[1, 2],
			[2, 1]
		]);
	});

	it('reads the server answers: stale is a conflict, faults are retried, sign-in loss stops', () => {
		expect(outcomeOf(200, {})).toEqual({ kind: 'done' });
		expect(outcomeOf(201, {})).toEqual({ kind: 'done' });
		expect(outcomeOf(409, { kind: 'stale' })).toEqual({ kind: 'conflict' });
		expect(outcomeOf(409, { kind: 'busy', message: 'masih diproses' })).toEqual({ kind: 'retry' });
		expect(outcomeOf(409, { kind: 'locked', message: 'Lembar terkunci' })).toEqual({
			kind: 'rejected',
			message: 'Lembar terkunci'
		});
		expect(outcomeOf(503, null)).toEqual({ kind: 'retry' });
		expect(outcomeOf(0, null)).toEqual({ kind: 'signed_out' });
		expect(outcomeOf(400, null)).toEqual({ kind: 'rejected', message: 'Ditolak server (400).' });
	});
});

describe('refreshing a prepared sheet', () => {
	const server = { version: 5, values: v(4) };
	const local = {
		visitId: 7,
		server: { version: 3, values: v(1) },
		version: 3,
		values: v(2),
		conflict: null,
		answer: null
	};

	it('takes the server copy when nothing on the device is unsent', () => {
		expect(refreshedSheet(local, 7, server, 0)).toMatchObject({ version: 5, values: v(4) });
	});

	it("keeps the device's unsent scores and their base version, refreshing the rubric only", () => {
		expect(refreshedSheet(local, 7, server, 2)).toMatchObject({ version: 3, values: v(2), server });
	});
});

describe("a photo's answer on the device", () => {
	it('lists a newly stored file after the others', () => {
		expect(withEvidence([{ id: 1 }], { id: 2 })).toEqual([{ id: 1 }, { id: 2 }]);
	});

	it('lists a file once when a resent photo is answered with a file already listed', () => {
		const listed = [{ id: 1 }, { id: 2 }];
		expect(withEvidence(listed, { id: 2 })).toEqual([{ id: 1 }, { id: 2 }]);
		expect(listed).toEqual([{ id: 1 }, { id: 2 }]);
	});
});

describe('an answered outbox item', () => {
	const sent = {
		id: 'a',
		seq: 2,
		visitId: 7,
		kind: 'save' as const,
		values: v(3),
		sending: true,
		tried: true
	};

	it('leaves the queue when the answer settled it and it did not change on the way', () => {
		expect(settledItem(sent, v(3), true, 'new')).toEqual({ put: [], remove: ['a'] });
	});

	it('goes again under a new, unsent id with the newer values when it changed on the way', () => {
		expect(settledItem({ ...sent, values: v(4) }, v(3), true, 'new')).toEqual({
			put: [{ ...sent, id: 'new', values: v(4), sending: false, tried: false }],
			remove: ['a']
		});
	});

	it('waits in its place under a new id after a version conflict', () => {
		expect(settledItem(sent, v(3), false, 'new')).toEqual({
			put: [{ ...sent, id: 'new', sending: false, tried: false }],
			remove: ['a']
		});
	});

	it('changes nothing when the item is gone meanwhile', () => {
		expect(settledItem(undefined, v(3), true, 'new')).toEqual({ put: [], remove: [] });
	});
});
