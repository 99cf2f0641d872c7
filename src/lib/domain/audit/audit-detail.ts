// The audit log's detail column (a JSON object written by auditTrail) as lines a person reads:
// "field: old → new" for changes, "field: value" otherwise. The services write a few shapes of
// change: {old, new}, {from, to}, {before, <field>} and {was}; everything else is a plain value.
export interface AuditLine {
	field: string | null;
	value?: string;
	from?: string;
	to?: string;
}

/** The keys that carry a change rather than a field: describeAuditDetail turns them into lines. */
export const AUDIT_CHANGE_KEYS: readonly string[] = ['before', 'old', 'new', 'was'];

// A list longer than this shows its first items and how many more there are: a publication
// with 321 open disagreements would otherwise fill a screen. The raw JSON toggle keeps them all.
export const AUDIT_LIST_SHOWN = 5;

const isRecord = (x: unknown): x is Record<string, unknown> =>
	typeof x === 'object' && x !== null && !Array.isArray(x);

export function auditValueText(x: unknown): string {
	if (x === null || x === undefined || x === '') return '–';
	if (typeof x === 'string') return x;
	if (typeof x === 'number' || typeof x === 'boolean') return String(x);
	if (Array.isArray(x)) {
		const shown = x
			.slice(0, AUDIT_LIST_SHOWN)
			.map(auditValueText)
			.join(x.some(isRecord) ? '; ' : ', ');
		return x.length > AUDIT_LIST_SHOWN ? `${shown} … (+${x.length - AUDIT_LIST_SHOWN})` : shown;
	}
	return Object.entries(x as Record<string, unknown>)
		.map(([k, v]) => `${k}: ${auditValueText(v)}`)
		.join(', ');
}

function changeLines(field: string | null, before: unknown, after: unknown): AuditLine[] {
	if (isRecord(before) && isRecord(after)) {
		const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
		return keys
			.filter((k) => auditValueText(before[k]) !== auditValueText(after[k]))
			.map((k) => ({ field: k, from: auditValueText(before[k]), to: auditValueText(after[k]) }));
	}
	return [{ field, from: auditValueText(before), to: auditValueText(after) }];
}

export function parseAuditDetail(json: string): Record<string, unknown> | null {
	try {
		const parsed: unknown = JSON.parse(json);
		return isRecord(parsed) ? parsed : null;
	} catch {
		return null;
	}
}

/** entityId: the entity's id after the change, for {was} (a renamed code). */
export function describeAuditDetail(json: string, entityId: string | null = null): AuditLine[] {
	const detail = parseAuditDetail(json);
	if (!detail) return json && json !== '{}' ? [{ field: null, value: json }] : [];
	const lines: AuditLine[] = [];
	const rest = { ...detail };
	if ('before' in rest) {
		const before = rest.before;
		delete rest.before;
		if (isRecord(before)) {
			lines.push(
				...changeLines(null, before, Object.fromEntries(Object.keys(before).map((k) => [k, detail[k]])))
			);
			for (const k of Object.keys(before)) delete rest[k];
		} else {
			const [field] = Object.keys(rest);
			if (field) {
				lines.push({ field, from: auditValueText(before), to: auditValueText(rest[field]) });
				delete rest[field];
			}
		}
	}
	if ('old' in rest || 'new' in rest) {
		lines.push(...changeLines(null, rest.old, rest.new));
		delete rest.old;
		delete rest.new;
	}
	if ('from' in rest && 'to' in rest && !isRecord(rest.from) && !isRecord(rest.to)) {
		lines.push({ field: null, from: auditValueText(rest.from), to: auditValueText(rest.to) });
		delete rest.from;
		delete rest.to;
	}
	if ('was' in rest) {
		lines.push({ field: 'code', from: auditValueText(rest.was), to: auditValueText(entityId) });
		delete rest.was;
	}
	for (const [k, v] of Object.entries(rest)) lines.push({ field: k, value: auditValueText(v) });
	return lines;
}
