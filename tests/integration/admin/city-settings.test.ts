import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { createTestDb, type TestDb } from '../support/test-db';
import { insertUser } from '../../../src/lib/server/accounts/user.repository';
import { readCitySettings } from '../../../src/lib/server/settings/city-setting.repository';
import {
	readCityLogo,
	saveCityLogo,
	saveCitySettings
} from '../../../src/lib/server/settings/city-settings.service';

const now = new Date('2026-11-22T03:00:00Z');
let t: TestDb;
let admin: number;
let uploads: string;

beforeEach(async () => {
	t = await createTestDb();
	uploads = mkdtempSync(join(tmpdir(), 'rapor-up-'));
	process.env.UPLOAD_DIR = uploads;
	admin = await insertUser(t.db, { email: 'a@x.id', name: 'Admin', role: 'admin', passwordHash: null }, now);
});
afterEach(async () => {
	delete process.env.UPLOAD_DIR;
	rmSync(uploads, { recursive: true, force: true });
	await t.cleanup();
});

describe('city settings', () => {
	it('saves the signatory block and refuses a malformed NIP', async () => {
		const base = {
			governmentKind: 'kota' as const,
			governmentName: 'Pemerintah Kota Contoh',
			place: 'Kota Contoh',
			signatoryName: 'Ir. Suryo Wibowo',
			signatoryTitle: 'Wali Kota Contoh'
		};
		expect(await saveCitySettings(t.db, { ...base, signatoryNip: '1234' }, admin, now)).toMatchObject({
			ok: false,
			errors: { signatory_nip: expect.any(String) }
		});
		expect(
			await saveCitySettings(t.db, { ...base, signatoryNip: '19700101 199503 1 001' }, admin, now)
		).toEqual({ ok: true });
		expect(await readCitySettings(t.db)).toMatchObject({ ...base, signatoryNip: '197001011995031001' });
	});

	it('keeps the government kind, and reads it from the name where it was never set', async () => {
		await t.db
			.insertInto('city_setting')
			.values({ key: 'government_name', value: 'Pemerintah Kabupaten Sleman' })
			.execute();
		expect((await readCitySettings(t.db)).governmentKind).toBe('kabupaten');
		const regency = {
			governmentKind: 'provinsi' as const,
			governmentName: 'Pemerintah Daerah Istimewa Yogyakarta',
			place: 'Yogyakarta',
			signatoryName: 'Sri Sultan',
			signatoryTitle: 'Gubernur',
			signatoryNip: ''
		};
		expect(await saveCitySettings(t.db, regency, admin, now)).toEqual({ ok: true });
		expect((await readCitySettings(t.db)).governmentKind).toBe('provinsi');
		expect(
			await saveCitySettings(t.db, { ...regency, governmentKind: 'desa' as never }, admin, now)
		).toMatchObject({ ok: false, errors: { government_kind: expect.any(String) } });
	});

	it('accepts a logo only when its bytes are a real PNG or JPEG', async () => {
		const fake = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"></svg>');
		expect(await saveCityLogo(t.db, fake, admin, now)).toMatchObject({ ok: false });
		const truncated = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0]);
		expect(await saveCityLogo(t.db, truncated, admin, now)).toMatchObject({
			ok: false,
			errors: { logo: expect.stringContaining('rusak') }
		});
		expect(await readCityLogo(t.db)).toBeNull();
		const png = new Uint8Array(
			await sharp({ create: { width: 8, height: 8, channels: 3, background: '#0f4c81' } })
				.png()
				.toBuffer()
		);
		expect(await saveCityLogo(t.db, png, admin, now)).toEqual({ ok: true });
		const logo = await readCityLogo(t.db);
		expect(logo?.mime).toBe('image/png');
		expect(Buffer.from(logo!.bytes).equals(Buffer.from(png))).toBe(true);
	});

	it('refuses a logo whose header is whole but whose pixels are cut off (decoded in full)', async () => {
		const raw = Buffer.alloc(64 * 64 * 3, 0).map((_, i) => (i * 7919) % 251);
		const png = await sharp(raw, { raw: { width: 64, height: 64, channels: 3 } })
			.png()
			.toBuffer();
		const cut = new Uint8Array(png.subarray(0, Math.floor(png.length / 2)));
		expect(await sharp(cut).metadata()).toMatchObject({ width: 64, height: 64 });
		expect(await saveCityLogo(t.db, cut, admin, now)).toMatchObject({
			ok: false,
			errors: { logo: expect.stringContaining('rusak') }
		});
		expect(await readCityLogo(t.db)).toBeNull();
	});
});
