import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { NOW, createSurveyFixture, type SurveyFixture } from './fixture';
import { insertSurveyResponses } from '../../../src/lib/server/survey/survey-response.repository';

let t: SurveyFixture;
beforeAll(async () => {
	t = await createSurveyFixture();
	const profile = { sex: null, age_band: null, education: null, occupation: null, service: null };
	await insertSurveyResponses(t.db, [
		{
			periodId: t.periods.current,
			unitId: t.units.a.id,
			submittedAt: NOW.getTime(),
			answers: [4, 4, 4, 4, 4, 4, 4, 4, 3],
			profile,
			suggestion: null,
			source: 'online',
			enteredBy: null
		}
	]);
});
afterAll(() => t.cleanup());

const admin = (...args: string[]) =>
	spawnSync('node', ['--import', 'tsx', 'src/lib/server/cli/main.ts', ...args], {
		env: { ...process.env, ...t.env, ORIGIN: 'https://survei.kota.go.id' },
		encoding: 'utf8'
	});

describe('survey commands', { timeout: 60_000 }, () => {
	it('prints the IKM per unit as JSON as the IKM JSON of README "Administration command line", and as CSV', () => {
		const json = admin('ikm', '--period', 'P-2026', '--format', 'json');
		expect(json.status).toBe(0);
		const data = JSON.parse(json.stdout);
		expect(data.period).toEqual({ code: 'P-2026' });
		expect(data.units[0]).toMatchObject({
			code: 'KEL-01',
			respondents: 1,
			target: 278,
			mutu: 'A',
			kinerja: 'Sangat Baik',
			ikm_konversi: 97.22
		});
		expect(data.units[0].nrr.U9).toBe(3);
		const csv = admin('ikm', '--period', 'P-2026', '--format', 'csv');
		expect(csv.stdout.split('\n')[0]).toBe(
			'code,respondents,target,nrr_U1,nrr_U2,nrr_U3,nrr_U4,nrr_U5,nrr_U6,nrr_U7,nrr_U8,nrr_U9,ikm,ikm_konversi,mutu,kinerja'
		);
		expect(csv.stdout.split('\n')[2]).toBe('KEL-02,0,,,,,,,,,,,,,,');
	});

	it('prints the absolute survey address of a unit, and refuses unknown names', () => {
		const link = admin('survey-link', '--unit', 'KEL-01');
		expect(link.stdout.trim()).toBe('https://survei.kota.go.id/survei/tokenunitsatu01');
		const bad = admin('ikm', '--period', 'NOPE', '--format', 'xml');
		expect(bad.status).toBe(1);
		expect(bad.stderr).toContain('--format harus json atau csv');
		expect(admin('survey-link', '--unit', 'NOPE').stderr).toContain('unit NOPE tidak ditemukan');
	});

	it('words a service\'s refusal in Indonesian on the command line (README "Where translation happens")', () => {
		const noPeriod = admin(
			'assign-enumerator',
			'--period',
			'NOPE',
			'--unit',
			'KEL-01',
			'--enumerator',
			'e@x.id'
		);
		expect(noPeriod.status).toBe(1);
		expect(noPeriod.stderr).toContain('periode NOPE tidak ada');
		const noUnit = admin(
			'assign-enumerator',
			'--period',
			'P-2026',
			'--unit',
			'NOPE',
			'--enumerator',
			'e@x.id'
		);
		expect(noUnit.status).toBe(1);
		expect(noUnit.stderr).toContain('unit NOPE tidak ada');
		expect(noUnit.stderr).not.toMatch(/does not exist/);
	});
});
