import { describe, expect, it } from 'vitest';
import { parseSubmission } from '../../../src/lib/domain/survey/submission';
import { applyInstrumentEdits } from '../../../src/lib/domain/instrument/edit';
import { loadShipped } from '../instrument/shipped';

// The domain rules that keep NUL and bidi overrides out of free text (text-safety.ts).

const answers = Object.fromEntries([1, 2, 3, 4, 5, 6, 7, 8, 9].map((u) => [`u${u}`, '3']));

describe('control and bidi characters in free text', () => {
	it('are a problem of the survey suggestion and service, not of plain text with line breaks', () => {
		expect(parseSubmission({ ...answers, suggestion: 'baik\u202e', service: 'KTP\u0000' })).toEqual({
			ok: false,
			problems: { suggestion: 'unsafe_text', service: 'unsafe_text' }
		});
		const plain = parseSubmission({ ...answers, suggestion: 'Antrian\npanjang\tsekali' });
		expect(plain.ok && plain.value.suggestion).toBe('Antrian\npanjang\tsekali');
	});

	it('are an issue of an edited instrument text, named by its path', () => {
		const def = loadShipped('pekppp-29-2022');
		const aspect = def.aspects[0];
		const indicator = aspect.indicators[0];
		const { issues } = applyInstrumentEdits(def, {
			name: 'Instrumen \u2066baru',
			[`ind.${indicator.code}.title`]: 'Judul\u0007',
			[`ind.${indicator.code}.evidence`]: 'SK\n\u202egpj.exe'
		});
		expect(issues.map((i) => i.path).sort()).toEqual(
			['name', `${aspect.code}/${indicator.code}`, `${aspect.code}/${indicator.code}/evidence`].sort()
		);
		expect(issues.find((i) => i.path === 'name')?.message).toBe(
			'Nama instrumen berisi karakter kendali atau pembalik arah teks yang tidak diizinkan'
		);
	});
});
