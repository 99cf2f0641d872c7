import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NOW, NO_LIMITS, answers, countResponses, createSurveyFixture, type SurveyFixture } from './fixture';
import { findPeriodByCode } from '../../../src/lib/server/periods/period.repository';
import { importPaperFile } from '../../../src/lib/server/survey/survey-paper.service';
import { issueFormToken, submitSurvey } from '../../../src/lib/server/survey/intake/survey.service';
import { submissionProblemText } from '../../../src/lib/server/survey/submission-problem-text';
import {
	describeSubmissionProblem,
	entryWordingIndonesian,
	parseEnumeratorEntry,
	type EntryReason
} from '../../../src/lib/domain/survey';
import { refusalText } from '../../../src/lib/server/service-result';
import { readFileSync } from 'node:fs';
import { recordEnumeratorResponse } from '../../../src/lib/server/enumerators/enumerator.service';
import { insertUser } from '../../../src/lib/server/accounts/user.repository';
import { inRequest } from '../support/in-request';

// The paper import's problems and the survey form's field problems are codes worded in the
// request's language (README "Where translation happens"): English names taken from the public
// survey form for an English reader, word for word the domain's Indonesian otherwise.
let t: SurveyFixture;
beforeEach(async () => (t = await createSurveyFixture()));
afterEach(() => t.cleanup());

const csv = (text: string) => ({ name: 'kuesioner.csv', bytes: new TextEncoder().encode(text) });
const importBad = async () =>
	importPaperFile(
		t.db,
		t.adminId,
		(await findPeriodByCode(t.db, 'P-2026'))!,
		csv(
			'unit_code,date,u1,u2,u3,u4,u5,u6,u7,u8,u9,sex,suggestion\n' +
				'KEL-99,2026-10-03,4,4,4,5,4,4,4,4,,Alien,\n' +
				',31/02/2026,4,4,4,4,4,4,4,4,4,,\n' +
				'KEL-01,2025-01-01,4,4,4,4,4,4,4,4,4,,' +
				'x'.repeat(1001) +
				'\n'
		),
		NOW
	);
const problemsOf = (r: { ok: boolean; problems?: readonly string[] }) => (r.ok ? [] : r.problems);

describe('survey problems in the reader language', () => {
	it("words a paper import's row problems in English and in Indonesian and stores nothing", async () => {
		expect(problemsOf(await inRequest('en', importBad))).toEqual([
			'line 2: unit KEL-99 is not part of this period',
			'line 2: U4 Cost/tariff must be a value from 1 to 4',
			'line 2: U9 Facilities is not answered',
			'line 2: Sex: option not known',
			'line 3: unit code is empty',
			'line 3: date "31/02/2026" is not valid (YYYY-MM-DD or DD/MM/YYYY)',
			'line 4: date 2025-01-01 is outside the survey window 2026-09-01 to 2026-12-15',
			'line 4: Suggestion or feedback is too long (at most 1000 characters)'
		]);
		const indonesian = [
			'baris 2: unit KEL-99 tidak termasuk periode ini',
			'baris 2: U4 Biaya/Tarif harus bernilai 1 sampai 4',
			'baris 2: U9 Sarana dan Prasarana belum dijawab',
			'baris 2: jenis kelamin: pilihan tidak dikenal',
			'baris 3: kode unit kosong',
			'baris 3: tanggal "31/02/2026" tidak valid (TTTT-BB-HH atau HH/BB/TTTT)',
			'baris 4: tanggal 2025-01-01 di luar jendela survei 2026-09-01 s.d. 2026-12-15',
			'baris 4: saran terlalu panjang (maksimal 1000 karakter)'
		];
		expect(problemsOf(await inRequest('id', importBad))).toEqual(indonesian);
		expect(problemsOf(await importBad())).toEqual(indonesian);
		expect(await countResponses(t)).toBe(0);
	});

	it("words a paper file's header problems in English", async () => {
		const header = async () =>
			importPaperFile(
				t.db,
				t.adminId,
				(await findPeriodByCode(t.db, 'P-2026'))!,
				csv('unit_code,date,u1,kota\nKEL-01,2026-10-03,4,x\n'),
				NOW
			);
		expect(problemsOf(await inRequest('en', header))).toEqual([
			'line 1: required columns missing: u2, u3, u4, u5, u6, u7, u8, u9',
			'line 1: unknown columns: kota'
		]);
		expect(problemsOf(await inRequest('id', header))).toEqual([
			'baris 1: kolom wajib tidak ada: u2, u3, u4, u5, u6, u7, u8, u9',
			'baris 1: kolom tidak dikenal: kota'
		]);
	});

	it("words the survey form's field problems (the JSON of /survei/[token]/kirim) in both languages", async () => {
		const token = await issueFormToken(t, t.units.a.id, NOW);
		const r = await submitSurvey(
			t,
			{
				unitToken: t.units.a.token,
				fields: {
					...answers(),
					u4: '5',
					u9: '',
					education: 'PhD',
					service: 'y'.repeat(101),
					form_token: token
				},
				ip: '10.1.2.3',
				limits: NO_LIMITS
			},
			NOW
		);
		if (r.ok || r.status !== 400) throw new Error('expected a 400');
		// The route's own wording of each field (src/routes/survei/[token]/kirim/+server.ts).
		const words = async () =>
			Object.fromEntries(Object.entries(r.problems).map(([f, p]) => [f, submissionProblemText(f, p)]));
		expect(await inRequest('en', words)).toEqual({
			u4: 'U4 Cost/tariff must be a value from 1 to 4',
			u9: 'U9 Facilities is not answered',
			education: 'Education: option not known',
			service: 'Service you received is too long (at most 100 characters)'
		});
		const indonesian = {
			u4: 'U4 Biaya/Tarif harus bernilai 1 sampai 4',
			u9: 'U9 Sarana dan Prasarana belum dijawab',
			education: 'pendidikan: pilihan tidak dikenal',
			service: 'jenis layanan terlalu panjang (maksimal 100 karakter)'
		};
		expect(await inRequest('id', words)).toEqual(indonesian);
		expect(
			Object.fromEntries(Object.entries(r.problems).map(([f, p]) => [f, describeSubmissionProblem(f, p)]))
		).toEqual(indonesian);
	});

	it("words an enumerator tablet's refused questionnaire in English and in Indonesian", async () => {
		const id = await insertUser(
			t.db,
			{ email: 'enum@firma.co.id', name: 'Enumerator', role: 'enumerator', passwordHash: null },
			NOW
		);
		const user = { id, name: 'Enumerator', email: 'enum@firma.co.id', role: 'enumerator' as const };
		const body = {
			deviceId: 'x',
			unitCode: 'KEL-01',
			givenAt: 'kemarin',
			fields: { ...answers('4'), u1: '5' }
		};
		const send = () => recordEnumeratorResponse(t, user, body, NOW);
		const en = await inRequest('en', send);
		expect(!en.ok && en.problems).toEqual([
			'deviceId: 8-64 letters, digits or hyphens',
			'givenAt: the interview time (ISO 8601) is required',
			'fields.u1: U1 Requirements must be a value from 1 to 4'
		]);
		const indonesian = [
			'deviceId: 8-64 huruf, angka atau tanda hubung',
			'givenAt: waktu wawancara (ISO 8601) wajib diisi',
			'fields.u1: U1 Persyaratan harus bernilai 1 sampai 4'
		];
		const id2 = await inRequest('id', send);
		expect(!id2.ok && id2.problems).toEqual(indonesian);
		const domain = parseEnumeratorEntry(body, NOW.getTime());
		expect(!domain.ok && domain.problems).toEqual(indonesian);
		expect(parseEnumeratorEntry([], NOW.getTime())).toEqual({
			ok: false,
			problems: ['isi permintaan harus objek JSON']
		});
		expect(await countResponses(t)).toBe(0);
		// Every reason's Indonesian message reads exactly like the domain's default wording.
		const file = JSON.parse(readFileSync('messages/refusals/id.json', 'utf8')) as Record<string, string>;
		const codes = Object.keys(file).filter((k) => k.startsWith('srv_enum_entry_')) as EntryReason[];
		expect(codes).toHaveLength(6);
		for (const code of codes) {
			expect(await inRequest('id', async () => refusalText(code)), code).toBe(
				entryWordingIndonesian.reason(code)
			);
			expect(await inRequest('en', async () => refusalText(code)), code).not.toBe(
				entryWordingIndonesian.reason(code)
			);
		}
	});
});
