import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { TestDb } from '../support/test-db';
import { resolveDisagreements } from '../../../src/lib/server/review/flag-resolution.service';
import { loadReviewPage } from '../../../src/lib/server/review/review-page.service';
import { insertAdmin } from './support';
import { dbWithPeriod, EXAMPLES, importScores, NOW, removeTempFiles, tempFile } from '../results/support';

// The worked example with four more disagreements: PKM-A's second visit scores 1 where the first
// scored 4 on 1.a.K1 and 1.a.K2, and KEL-B's second visit scores 5 where the first scored 3 on 1.a.K1
// and 1.a.K2. With PKM-C's indicator 6 that makes five open flags over three units.
const LOWERED = new Map([
	['PKM-A,2,budi@univ-b.ac.id,1.a.K1', '1,diamati langsung'],
	['PKM-A,2,budi@univ-b.ac.id,1.a.K2', '1,diamati langsung'],
	['KEL-B,2,budi@univ-b.ac.id,1.a.K1', '5,diamati langsung'],
	['KEL-B,2,budi@univ-b.ac.id,1.a.K2', '5,diamati langsung']
]);

let t: TestDb;
let adminId: number;
afterEach(async () => t?.cleanup());
afterAll(removeTempFiles);

async function fivesFlags(): Promise<void> {
	t = await dbWithPeriod(join(EXAMPLES, 'units.csv'), 'permenpan-17-2017');
	const csv = readFileSync(join(EXAMPLES, 'scores.csv'), 'utf8')
		.split('\n')
		.map((line) => {
			const key = line.split(',').slice(0, 4).join(',');
			return LOWERED.has(key) ? `${key},${LOWERED.get(key)}` : line;
		})
		.join('\n');
	const r = await importScores(t, tempFile('scores.csv', csv));
	if (!r.ok) throw new Error(r.problems.join('\n'));
	adminId = await insertAdmin(t);
}

const resolutions = () => t.db.selectFrom('disagreement_resolution').selectAll().execute();

describe('reviewing many flags at once', () => {
	it('groups flags by unit or by indicator, filters them, and counts open flags per group', async () => {
		await fivesFlags();
		const byUnit = (await loadReviewPage(t.db, 'P1', 'open', 1))!;
		expect(byUnit.counts.open).toBe(5);
		expect(byUnit.groups.map((g) => [g.key, g.flags.length])).toEqual([
			['KEL-B', 2],
			['PKM-A', 2],
			['PKM-C', 1]
		]);
		const byIndicator = (await loadReviewPage(t.db, 'P1', 'open', 1, { group: 'indicator' }))!;
		expect(byIndicator.groups.map((g) => [g.key, g.flags.map((f) => f.unitCode)])).toEqual([
			['1.a.K1', ['KEL-B', 'PKM-A']],
			['1.a.K2', ['KEL-B', 'PKM-A']],
			['6', ['PKM-C']]
		]);
		const oneUnit = (await loadReviewPage(t.db, 'P1', 'open', 1, { unit: 'PKM-A' }))!;
		expect(oneUnit.flags.map((f) => f.indicatorCode)).toEqual(['1.a.K1', '1.a.K2']);
		expect(oneUnit.unitChoices!.map((u) => [u.code, u.open])).toEqual([
			['KEL-B', 2],
			['PKM-A', 2],
			['PKM-C', 1]
		]);
		const oneIndicator = (await loadReviewPage(t.db, 'P1', 'open', 1, { indicator: '1.a.K2' }))!;
		expect(oneIndicator.flags.map((f) => f.unitCode)).toEqual(['KEL-B', 'PKM-A']);
	});

	it('resolves the chosen flags with one note and one extra visit per unit', async () => {
		await fivesFlags();
		const r = await resolveDisagreements(
			t.db,
			{
				periodCode: 'P1',
				userId: adminId,
				action: 'extra_visit',
				note: 'Kunjungi ulang: dokumen SP diperiksa bersama',
				flags: [
					{ unitCode: 'PKM-A', indicatorCode: '1.a.K1' },
					{ unitCode: 'PKM-A', indicatorCode: '1.a.K2' },
					{ unitCode: 'KEL-B', indicatorCode: '1.a.K1' }
				]
			},
			NOW
		);
		expect(r).toEqual({
			ok: true,
			value: {
				resolved: 3,
				extraVisits: [
					{ unitCode: 'PKM-A', visitNo: 3 },
					{ unitCode: 'KEL-B', visitNo: 3 }
				]
			}
		});
		const rows = await resolutions();
		expect(rows).toHaveLength(3);
		expect(new Set(rows.map((x) => x.note))).toEqual(
			new Set(['Kunjungi ulang: dokumen SP diperiksa bersama'])
		);
		const audit = await t.db
			.selectFrom('audit_log')
			.select('id')
			.where('action', '=', 'disagreement.resolve')
			.execute();
		expect(audit).toHaveLength(3);
		const page = (await loadReviewPage(t.db, 'P1', 'open', 1))!;
		expect(page.counts).toEqual({ all: 5, open: 2, resolved: 3 });
	});

	it('changes nothing when one chosen flag is already resolved or does not exist', async () => {
		await fivesFlags();
		const base = { periodCode: 'P1', userId: adminId, action: 'note' as const, note: 'Cukup' };
		await resolveDisagreements(t.db, { ...base, flags: [{ unitCode: 'PKM-C', indicatorCode: '6' }] }, NOW);
		const twice = await resolveDisagreements(
			t.db,
			{
				...base,
				flags: [
					{ unitCode: 'PKM-A', indicatorCode: '1.a.K1' },
					{ unitCode: 'PKM-C', indicatorCode: '6' }
				]
			},
			NOW
		);
		expect(twice).toEqual({
			ok: false,
			status: 409,
			message: 'Selisih PKM-C 6 sudah diselesaikan sebelumnya; tidak ada yang diubah.'
		});
		const unknown = await resolveDisagreements(
			t.db,
			{
				...base,
				flags: [
					{ unitCode: 'PKM-A', indicatorCode: '1.a.K1' },
					{ unitCode: 'PKM-A', indicatorCode: '9' }
				]
			},
			NOW
		);
		expect(unknown).toMatchObject({
			ok: false,
			status: 404,
			message: 'Tidak ada selisih penilaian untuk unit PKM-A indikator 9.'
		});
		expect(await resolveDisagreements(t.db, { ...base, flags: [] }, NOW)).toMatchObject({
			ok: false,
			status: 400,
			message: 'Pilih sedikitnya satu selisih.'
		});
		expect(await resolutions()).toHaveLength(1);
	});
});
