import { z } from 'zod';
import { LEVEL_COUNT, type InstrumentDef, type InstrumentIssue } from './types';

// The JSON files key descriptors "0".."5"; parsing only checks shape and types. Rules of
// docs/rules.md §3 (weights, six non-empty descriptors, unique codes) belong to validateInstrument,
// so that a clone being edited can be loaded and shown with all its problems at once.

function text(label: string, required = true) {
	const base = z.string({
		error: (iss) => (iss.input === undefined ? `${label} wajib diisi` : `${label} harus berupa teks`)
	});
	return required ? base.trim().min(1, { error: `${label} tidak boleh kosong` }) : base;
}

function list<T extends z.ZodType>(item: T, label: string) {
	return z.array(item, {
		error: (iss) => (iss.input === undefined ? `${label} wajib diisi` : `${label} harus berupa daftar`)
	});
}

const levelKeys = ['0', '1', '2', '3', '4', '5'] as const;

const levelsSchema = z.strictObject(
	Object.fromEntries(levelKeys.map((k) => [k, text(`Deskripsi level ${k}`, false).optional()])) as Record<
		(typeof levelKeys)[number],
		z.ZodOptional<z.ZodString>
	>,
	{
		error: (iss) =>
			iss.code === 'unrecognized_keys'
				? `Level tidak dikenal: ${iss.keys.join(', ')} (hanya "0" sampai "5")`
				: 'Deskripsi level harus berupa objek dengan kunci "0" sampai "5"'
	}
);

const weightSchema = (label: string) =>
	z.number({
		error: (iss) =>
			iss.input === undefined ? `${label} wajib diisi` : `${label} harus berupa angka terhingga`
	});

const indicatorSchema = z.object(
	{
		code: text('Kode indikator'),
		title: text('Judul indikator'),
		weight: weightSchema('Bobot indikator'),
		levels: levelsSchema.optional(),
		evidence: list(text('Bukti dukung', false), 'Daftar bukti dukung').optional(),
		note: text('Catatan indikator', false).optional()
	},
	{ error: 'Indikator harus berupa objek' }
);

const aspectSchema = z.object(
	{
		code: text('Kode aspek'),
		name: text('Nama aspek'),
		weight: weightSchema('Bobot aspek'),
		indicators: list(indicatorSchema, 'Daftar indikator')
	},
	{ error: 'Aspek harus berupa objek' }
);

const publicItemSchema = z.object(
	{
		code: text('Kode butir F-03'),
		text: text('Teks butir F-03'),
		aspect: text('Aspek butir F-03', false).optional()
	},
	{ error: 'Butir F-03 harus berupa objek' }
);

const instrumentSchema = z.object(
	{
		code: text('Kode instrumen'),
		name: text('Nama instrumen'),
		regulation: text('Dasar regulasi', false).optional(),
		aspects: list(aspectSchema, 'Daftar aspek'),
		publicItems: list(publicItemSchema, 'Daftar butir F-03').optional()
	},
	{ error: 'Instrumen harus berupa objek JSON' }
);

export type InstrumentParseResult =
	{ ok: true; instrument: InstrumentDef } | { ok: false; issues: InstrumentIssue[] };

export class InstrumentParseError extends Error {
	constructor(readonly issues: InstrumentIssue[]) {
		super(
			'Instrumen tidak valid: ' +
				issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')
		);
		this.name = 'InstrumentParseError';
	}
}

export function safeParseInstrumentJson(raw: unknown): InstrumentParseResult {
	const parsed = instrumentSchema.safeParse(raw);
	if (!parsed.success) {
		return {
			ok: false,
			issues: parsed.error.issues.map((iss) => ({
				path: describePath(raw, iss.path),
				code: 'file_invalid' as const,
				params: {},
				message: iss.message
			}))
		};
	}
	const data = parsed.data;
	const instrument: InstrumentDef = {
		code: data.code,
		name: data.name,
		aspects: data.aspects.map((a) => ({
			code: a.code,
			name: a.name,
			weight: a.weight,
			indicators: a.indicators.map((i) => ({
				code: i.code,
				title: i.title,
				weight: i.weight,
				levels: Array.from({ length: LEVEL_COUNT }, (_, k) => i.levels?.[levelKeys[k]] ?? ''),
				evidence: i.evidence ?? [],
				...(i.note !== undefined ? { note: i.note } : {})
			}))
		}))
	};
	if (data.regulation !== undefined) instrument.regulation = data.regulation;
	if (data.publicItems !== undefined) instrument.publicItems = data.publicItems;
	return { ok: true, instrument };
}

/** Parses the instrument file shape; throws InstrumentParseError listing every problem. */
export function parseInstrumentJson(raw: unknown): InstrumentDef {
	const result = safeParseInstrumentJson(raw);
	if (!result.ok) throw new InstrumentParseError(result.issues);
	return result.instrument;
}

// Paths name aspects and indicators by code when the raw data has one, the way an
// administrator editing the file would look for them (same form as validateInstrument).
function describePath(raw: unknown, path: readonly PropertyKey[]): string {
	const parts: string[] = [];
	let node: unknown = raw;
	for (let k = 0; k < path.length; k++) {
		const key = path[k];
		const parent = path[k - 1];
		const child: unknown =
			node !== null && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined;
		if (typeof key === 'number' && (parent === 'aspects' || parent === 'indicators')) {
			parts.pop();
			const code =
				child !== null && typeof child === 'object' ? (child as { code?: unknown }).code : undefined;
			const noun = parent === 'aspects' ? 'aspek' : 'indikator';
			parts.push(typeof code === 'string' && code.trim() !== '' ? code : `${noun} ke-${key + 1}`);
		} else {
			parts.push(String(key));
		}
		node = child;
	}
	return parts.join('/');
}
