import { z } from 'zod';
import { readTableBytes } from './table-file';
import type { TabularData, TabularRead } from '../../domain/import/tabular';
import { hasUnsafeCharacters } from '../../domain/text-safety';
import { refusalText } from '../service-result';

/** Reads the file of a multipart form field; missing or empty files are user errors. */
export async function readUploadedTable(form: FormData, field = 'file'): Promise<TabularRead> {
	const file = form.get(field);
	if (!(file instanceof File) || file.size === 0)
		return { ok: false, problems: [refusalText('srv_upload_choose_table')] };
	return readTableBytes(file.name, new Uint8Array(await file.arrayBuffer()));
}

// The carried rows are held to what `toTabular` accepts from a file, unsafe characters included.
const cellText = (max: number) =>
	z
		.string()
		.max(max)
		.refine((t) => !hasUnsafeCharacters(t));
const carriedData = z.object({
	headerLine: z.number().int().min(1),
	columns: z.array(cellText(100)).max(50),
	rows: z
		.array(z.object({ line: z.number().int().min(1), cells: z.record(cellText(100), cellText(2000)) }))
		.max(20_000)
});

/**
 * The previewed rows travel back with the confirmation (a file input cannot be re-sent without
 * JavaScript). They are validated again before writing, so an edited copy is just another file.
 */
export function readCarriedTable(form: FormData, field = 'data'): TabularData | null {
	const raw = form.get(field);
	if (typeof raw !== 'string' || raw.length > 8_000_000) return null;
	try {
		const parsed = carriedData.safeParse(JSON.parse(raw));
		return parsed.success ? parsed.data : null;
	} catch {
		return null;
	}
}
