import { createWriteStream } from 'node:fs';
import { randomBytes } from 'node:crypto';
import type { OpenSqlite } from '../../../src/lib/server/db/connection';
import type { InstrumentDef } from '../../../src/lib/domain/instrument';

// A national-scale period for the benchmark: units in five categories and a score file with
// two visits of two assessors each, every scored indicator, notes on every 0 and 5.

export const CATEGORIES = ['Kelurahan', 'Kecamatan', 'Puskesmas', 'OPD', 'Sekolah'];

function mulberry32(seed: number): () => number {
	let a = seed;
	return () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export const unitCode = (i: number) => `U${String(i).padStart(6, '0')}`;

/** Inserts the units with plain prepared statements (the bench measures score import, not this). */
export function insertUnits(conn: OpenSqlite, count: number): void {
	const { sqlite } = conn;
	const now = Date.now();
	sqlite.transaction(() => {
		const cat = sqlite.prepare('insert into category (name, position) values (?, ?)');
		const ids = CATEGORIES.map((name, i) => Number(cat.run(name, i).lastInsertRowid));
		const unit = sqlite.prepare(
			'insert into unit (code, name, category_id, survey_token, created_at, updated_at) values (?, ?, ?, ?, ?, ?)'
		);
		for (let i = 1; i <= count; i++)
			unit.run(
				unitCode(i),
				`Unit Layanan ${i}`,
				ids[i % ids.length],
				randomBytes(12).toString('hex'),
				now,
				now
			);
	})();
}

/** Writes the score CSV; returns the number of score rows. */
export async function writeScoreCsv(
	path: string,
	def: InstrumentDef,
	units: number,
	assessorPool = 500
): Promise<number> {
	const random = mulberry32(20261122);
	const scored = def.aspects
		.filter((a) => a.weight > 0)
		.flatMap((a) => a.indicators.filter((i) => i.weight > 0).map((i) => i.code));
	const out = createWriteStream(path, { highWaterMark: 1 << 22 });
	const write = (s: string) =>
		out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r()));
	await write('unit_code,visit_no,assessor_email,indicator_code,score,note\n');
	let rows = 0;
	let chunk = '';
	for (let u = 1; u <= units; u++) {
		const code = unitCode(u);
		const quality = 1.5 + random() * 3;
		for (let visit = 1; visit <= 2; visit++)
			for (let k = 0; k < 2; k++) {
				const email = `penilai${(u * 4 + (visit - 1) * 2 + k) % assessorPool}@bench.id`;
				const prefix = `${code},${visit},${email},`;
				for (const ind of scored) {
					const s = Math.max(0, Math.min(5, Math.round(quality + (random() - 0.5) * 2.4)));
					chunk += prefix + ind + ',' + s + (s === 0 || s === 5 ? ',diamati langsung\n' : ',\n');
					rows++;
				}
			}
		if (chunk.length > 1 << 20) {
			await write(chunk);
			chunk = '';
		}
	}
	await write(chunk);
	await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
	return rows;
}
