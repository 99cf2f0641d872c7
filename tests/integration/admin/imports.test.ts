import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createTestDb, type TestDb } from '../support/test-db';
import { readTableBytes } from '../../../src/lib/server/files/table-file';
import { applyUnitImport, previewUnitImport } from '../../../src/lib/server/units/unit-import.service';
import { applyAssessorImport } from '../../../src/lib/server/accounts/assessor-import.service';
import { findOrCreateCategory, insertUnit } from '../../../src/lib/server/units/unit.repository';
import { insertPeriod } from '../../../src/lib/server/periods/period.repository';
import { findUserByEmail } from '../../../src/lib/server/accounts/user.repository';
import { seedInstruments } from '../../../db/seeds/demo-city';
import { findInstrumentByCode } from '../../../src/lib/server/periods/instrument.repository';

const now = new Date('2026-11-22T03:00:00Z');
let t: TestDb;
beforeEach(async () => {
	t = await createTestDb();
});
afterEach(() => t.cleanup());

async function table(text: string, name = 'units.csv') {
	const read = await readTableBytes(name, new TextEncoder().encode(text));
	if (!read.ok) throw new Error(read.problems.join('\n'));
	return read.data;
}
const countUnits = async () =>
	Number(
		(
			await t.db
				.selectFrom('unit')
				.select((eb) => eb.fn.countAll().as('n'))
				.executeTakeFirstOrThrow()
		).n
	);

describe('unit import', () => {
	it('reads a semicolon CSV with a byte-order mark and previews creations and updates', async () => {
		const catId = await findOrCreateCategory(t.db, 'Kelurahan');
		await insertUnit(
			t.db,
			{ code: 'KEL-01', name: 'Kelurahan Lama', categoryId: catId, surveyToken: 'tok1' },
			now
		);
		const data = await table(
			'\uFEFFcode;name;category;parent\nKEL-01;Kelurahan Satu;kelurahan;\n"PKM-01";"Puskesmas; Satu";Puskesmas;KEC-1\n'
		);
		const check = await previewUnitImport(t.db, data);
		expect(check.ok).toBe(true);
		if (!check.ok) return;
		expect(check.plan.items.map((i) => [i.line, i.code, i.action, i.category])).toEqual([
			[2, 'KEL-01', 'update', 'Kelurahan'],
			[3, 'PKM-01', 'create', 'Puskesmas']
		]);
		expect(check.plan.newCategories).toEqual(['Puskesmas']);
		expect(await countUnits()).toBe(1);
	});

	it('refuses a file with line-numbered reasons and writes nothing', async () => {
		const data = await table(
			'code,name,category\nKEL-01,Kelurahan Satu,Kelurahan\n\nKEL-02,,Kelurahan\nKEL-01,Lagi,Kelurahan\n'
		);
		const result = await applyUnitImport(t.db, data, null, now);
		expect(result).toEqual({
			ok: false,
			problems: [
				'baris 4: nama unit kosong atau kurang dari 3 karakter',
				'baris 5: kode KEL-01 sudah ada di baris 2'
			]
		});
		expect(await countUnits()).toBe(0);
		expect(await t.db.selectFrom('category').selectAll().execute()).toEqual([]);
	});

	it('names missing columns on the header line', async () => {
		const data = await table('kode,name\nA,B\n');
		const check = await previewUnitImport(t.db, data);
		expect(check).toEqual({
			ok: false,
			problems: [
				'baris 1: kolom wajib tidak ada: code, category',
				'baris 1: kolom tidak dikenal: kode (yang dikenal: code, name, category, parent)'
			]
		});
	});

	it('writes units, creates categories and adds new units to draft and running periods only', async () => {
		await seedInstruments(t.db, now);
		const instrument = await findInstrumentByCode(t.db, 'permenpan-17-2017');
		const draft = await insertPeriod(
			t.db,
			{
				code: 'P-DRAFT',
				name: 'Draf',
				instrumentId: instrument!.id,
				startsOn: '2026-12-01',
				endsOn: '2027-02-28'
			},
			now
		);
		await insertPeriod(
			t.db,
			{
				code: 'P-PUB',
				name: 'Terbit',
				instrumentId: instrument!.id,
				status: 'published',
				startsOn: '2025-01-01',
				endsOn: '2025-03-01'
			},
			now
		);
		const data = await table('code,name,category\nkel-09,Kelurahan Sembilan,Kelurahan\n');
		const result = await applyUnitImport(t.db, data, null, now);
		expect(result).toEqual({
			ok: true,
			summary: { created: 1, updated: 0, unchanged: 0, newCategories: ['Kelurahan'] }
		});
		const links = await t.db.selectFrom('period_unit').selectAll().execute();
		expect(links.map((l) => l.period_id)).toEqual([draft]);
	});

	it('reads the first sheet of an XLSX file with its row numbers', async () => {
		const wb = new ExcelJS.Workbook();
		const ws = wb.addWorksheet('Unit');
		ws.addRow(['code', 'name', 'category']);
		ws.addRow(['OPD-01', 'Dinas Kesehatan', 'OPD']);
		ws.addRow(['OPD-02', 'X', 'OPD']);
		const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
		const read = await readTableBytes('units.xlsx', bytes);
		expect(read.ok).toBe(true);
		if (!read.ok) return;
		const check = await previewUnitImport(t.db, read.data);
		expect(check).toEqual({ ok: false, problems: ['baris 3: nama unit kosong atau kurang dari 3 karakter'] });
	});

	it('refuses a file that is not UTF-8 text or a readable XLSX', async () => {
		expect(await readTableBytes('a.csv', new Uint8Array([0xff, 0xfe, 0x41]))).toEqual({
			ok: false,
			problems: ['baris 1: berkas bukan teks UTF-8 (simpan sebagai CSV UTF-8 atau XLSX)']
		});
		const broken = await readTableBytes('a.xlsx', new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]));
		expect(broken.ok).toBe(false);
	});
});

describe('assessor import', () => {
	it('creates assessors who cannot sign in yet and refuses an email of another role', async () => {
		const ok = await applyAssessorImport(
			t.db,
			await table(
				'email,name,affiliation_type,affiliation_name\nA@Uni.ac.id,Dr. A,perguruan tinggi,Universitas X\n',
				'p.csv'
			),
			null,
			now
		);
		expect(ok).toEqual({ ok: true, summary: { created: 1, updated: 0, unchanged: 0 } });
		const user = await findUserByEmail(t.db, 'a@uni.ac.id');
		expect(user).toMatchObject({ role: 'assessor', canSignIn: false, affiliationType: 'university' });
		await t.db.updateTable('user').set({ role: 'viewer' }).execute();
		const refused = await applyAssessorImport(
			t.db,
			await table('email,name\na@uni.ac.id,Dr. A\nb@x.id,B Bee\n', 'p.csv'),
			null,
			now
		);
		expect(refused).toEqual({
			ok: false,
			problems: ['baris 2: email a@uni.ac.id sudah dipakai akun dengan peran lain (viewer)']
		});
		expect(await findUserByEmail(t.db, 'b@x.id')).toBeNull();
	});
});
