import type { Db } from '../db/connection';
import { findInstrumentIdByCode } from '../repositories/instrument.repository';
import { addActiveUnitsToPeriod, insertPeriod, periodCodeExists } from '../repositories/period.repository';
import { recordAudit } from '../repositories/audit.repository';

// `create-period` (contracts): a draft period covering every active unit.

export interface CreatePeriodInput {
	code: string;
	name: string;
	instrument: string;
	visits?: string;
	assessors?: string;
	awards?: string;
	from?: string;
	to?: string;
}

export type CreatePeriodResult =
	| { ok: true; id: number; units: number; startsOn: string; endsOn: string }
	| { ok: false; status: 400 | 409; problems: string[] };

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isDate(s: string): boolean {
	if (!DATE.test(s)) return false;
	const d = new Date(`${s}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Today's date in the city's time zone, and a date n days later (ISO). */
export function todayIn(timeZone: string, now: Date, plusDays = 0): string {
	const today = new Intl.DateTimeFormat('en-CA', { timeZone }).format(now);
	const d = new Date(`${today}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + plusDays);
	return d.toISOString().slice(0, 10);
}

function intOption(
	name: string,
	raw: string | undefined,
	fallback: number,
	min: number,
	problems: string[]
): number {
	if (raw === undefined) return fallback;
	if (!/^\d+$/.test(raw.trim()) || Number(raw) < min || Number(raw) > 20) {
		problems.push(`opsi --${name} harus bilangan bulat ${min} sampai 20 (kini "${raw}")`);
		return fallback;
	}
	return Number(raw);
}

export async function createPeriod(
	db: Db,
	input: CreatePeriodInput,
	userId: number | null,
	now: Date,
	timeZone = process.env.TZ ?? 'Asia/Jakarta'
): Promise<CreatePeriodResult> {
	const problems: string[] = [];
	const code = input.code.trim();
	const name = input.name.trim();
	if (!CODE.test(code))
		problems.push(`kode periode "${code}" tidak sah (huruf, angka, titik, tanda hubung; maks. 40)`);
	if (name === '' || name.length > 200) problems.push('nama periode wajib diisi (maks. 200 karakter)');
	const visits = intOption('visits', input.visits, 2, 1, problems);
	const assessors = intOption('assessors', input.assessors, 2, 1, problems);
	const awards = intOption('awards', input.awards, 2, 0, problems);
	const from = input.from?.trim() ?? todayIn(timeZone, now);
	const to = input.to?.trim() ?? todayIn(timeZone, new Date(`${from}T00:00:00Z`), 90);
	if (!isDate(from)) problems.push(`opsi --from harus tanggal YYYY-MM-DD (kini "${from}")`);
	if (!isDate(to)) problems.push(`opsi --to harus tanggal YYYY-MM-DD (kini "${to}")`);
	if (isDate(from) && isDate(to) && to < from) problems.push('tanggal --to tidak boleh sebelum --from');
	const instrumentId = await findInstrumentIdByCode(db, input.instrument.trim());
	if (instrumentId === null) problems.push(`instrumen "${input.instrument}" tidak dikenal`);
	if (problems.length) return { ok: false, status: 400, problems };
	if (await periodCodeExists(db, code))
		return { ok: false, status: 409, problems: [`kode periode ${code} sudah dipakai`] };

	return db.transaction().execute(async (trx) => {
		const id = await insertPeriod(
			trx,
			{
				code,
				name,
				instrumentId: instrumentId!,
				requiredVisits: visits,
				requiredAssessors: assessors,
				awardsPerCategory: awards,
				startsOn: from,
				endsOn: to
			},
			now
		);
		const units = await addActiveUnitsToPeriod(trx, id);
		await recordAudit(
			trx,
			{ userId, action: 'period.create', entity: 'period', entityId: id, detail: { code, units } },
			now
		);
		return { ok: true as const, id, units, startsOn: from, endsOn: to };
	});
}
