import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOW, createSurveyFixture, type SurveyFixture } from '../survey/fixture';
import { inRequest } from '../support/in-request';
import { insertUser } from '../../../src/lib/server/accounts/user.repository';
import { assignEnumeratorToUnit } from '../../../src/lib/server/enumerators/enumerator-assignment.service';
import { revisionChangeText } from '../../../src/lib/i18n/revision-text';
import type { RevisionChange, UnitStanding } from '../../../src/lib/domain/publication/revision-changes';

// The publication page's revision lines and the enumerator assignment's answers in the reader's
// language (README "Where translation happens"), Indonesian outside a request (the command line).
let t: SurveyFixture;
beforeAll(async () => {
	t = await createSurveyFixture();
	await insertUser(
		t.db,
		{ email: 'enum@firma.co.id', name: 'E', role: 'enumerator', passwordHash: null },
		NOW
	);
});
afterAll(() => t.cleanup());

const standing = (over: Partial<UnitStanding>): UnitStanding => ({
	ipp: '3,05',
	grade: 'B',
	rank: 3,
	award: null,
	complete: true,
	...over
});
const change = (
	before: UnitStanding | null,
	after: UnitStanding | null,
	fields: RevisionChange['fields']
) => ({
	code: 'PKM-01',
	name: 'Puskesmas Satu',
	category: 'Puskesmas',
	before,
	after,
	fields
});
const changes: RevisionChange[] = [
	change(standing({ complete: false, rank: null }), standing({ ipp: '3,21', rank: 2, award: 'Terbaik II' }), [
		'ipp',
		'rank',
		'award',
		'complete'
	]),
	change(null, standing({ ipp: '1.234,50' }), ['complete']),
	change(standing({}), null, []),
	change(standing({}), standing({}), [])
];

describe('publication and enumerator texts in the reader language', () => {
	it('words the revision change lines in English and, word for word, in Indonesian', async () => {
		const lines = async () => changes.map(revisionChangeText);
		expect(await inRequest('en', lines)).toEqual([
			'IPP 3.05 → 3.21; rank – → 2; award – → Best II; complete not yet → yes',
			'new in the results, IPP 1,234.50',
			'no longer in the results',
			'moved to category Puskesmas'
		]);
		const id = [
			'IPP 3,05 → 3,21; peringkat – → 2; penghargaan – → Terbaik II; lengkap belum → ya',
			'baru dalam hasil, IPP 1.234,50',
			'tidak lagi termasuk hasil',
			'pindah ke kategori Puskesmas'
		];
		expect(await inRequest('id', lines)).toEqual(id);
		expect(await lines()).toEqual(id);
	});

	it("answers the enumerator assignment in the request's language, Indonesian on the command line", async () => {
		const assign = () =>
			assignEnumeratorToUnit(
				t.db,
				{ periodCode: 'P-2026', unitCode: 'KEL-01', email: 'enum@firma.co.id' },
				t.adminId,
				NOW
			);
		expect(await inRequest('en', assign)).toEqual({
			ok: true,
			value: 'Enumerator enum@firma.co.id assigned to KEL-01 in period P-2026.'
		});
		expect(await inRequest('en', assign)).toEqual({
			ok: true,
			value: 'Enumerator enum@firma.co.id was already assigned to KEL-01 in period P-2026.'
		});
		expect(await assign()).toEqual({
			ok: true,
			value: 'Enumerator enum@firma.co.id sudah ditugaskan pada KEL-01 di periode P-2026.'
		});
	});
});
