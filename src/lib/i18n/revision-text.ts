import { m } from '$lib/paraglide/messages';
import type { ChangedField, RevisionChange, UnitStanding } from '$lib/domain/publication/revision-changes';
import { awardText, numberText } from './display';

// What a revision changed for one unit (docs/rules.md §8.3), old → new, in the reader's language:
// "IPP 3,05 → 3,21; peringkat 3 → 2" / "IPP 3.05 → 3.21; rank 3 → 2". Grades stay their codes.

const LABELS: Record<ChangedField, () => string> = {
	ipp: m.revision_field_ipp,
	grade: m.revision_field_grade,
	rank: m.revision_field_rank,
	award: m.revision_field_award,
	complete: m.revision_field_complete
};

function shown(field: ChangedField, s: UnitStanding | null): string {
	if (!s) return '–';
	if (field === 'complete') return s.complete ? m.revision_yes() : m.revision_not_yet();
	const v = s[field];
	if (v === null) return '–';
	if (field === 'ipp') return numberText(String(v));
	return field === 'award' ? awardText(String(v)) : String(v);
}

export function revisionChangeText(c: RevisionChange): string {
	if (!c.after) return m.revision_unit_removed();
	if (!c.before) return m.revision_unit_added({ ipp: shown('ipp', c.after) });
	if (c.fields.length === 0) return m.rev_moved({ category: c.category });
	return c.fields.map((f) => `${LABELS[f]()} ${shown(f, c.before)} → ${shown(f, c.after)}`).join('; ');
}
