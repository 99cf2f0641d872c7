import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
	isIsoDate,
	isInWindow,
	dayOfInstant,
	dayRange,
	dayStart,
	parseSubmission,
	periodForMoment,
	presetRange,
	signFormToken,
	verifyFormToken
} from '../../../src/lib/domain/survey';

// The server signs with node:crypto; the domain only formats, compares and checks claims.
const formTokenMac = (key: Uint8Array) => (message: string) =>
	createHmac('sha256', key).update(message).digest('base64url');

describe('survey windows in Asia/Jakarta', () => {
	it('dates a moment by the Jakarta calendar (UTC+7)', () => {
		expect(dayOfInstant(Date.parse('2026-09-30T16:59:59Z'))).toBe('2026-09-30');
		expect(dayOfInstant(Date.parse('2026-09-30T17:00:00Z'))).toBe('2026-10-01');
	});

	it('includes both ends of a window', () => {
		const w = { from: '2026-09-01', to: '2026-12-15' };
		expect(isInWindow(w, Date.parse('2026-08-31T17:00:00Z'))).toBe(true); // 1 Sept 00:00 WIB
		expect(isInWindow(w, Date.parse('2026-08-31T16:59:59Z'))).toBe(false);
		expect(isInWindow(w, Date.parse('2026-12-15T16:59:59Z'))).toBe(true);
		expect(isInWindow(w, Date.parse('2026-12-15T17:00:00Z'))).toBe(false);
	});

	it("reads days in the office's zone when one is given: Papua (UTC+9), Makassar (UTC+8), and a zone with summer time", () => {
		const w = { from: '2026-09-01', to: '2026-12-15' };
		// 31 August 15:30 UTC is 22:30 in Jakarta but already 1 September 00:30 in Jayapura.
		const early = Date.parse('2026-08-31T15:30:00Z');
		expect(dayOfInstant(early, 'Asia/Jayapura')).toBe('2026-09-01');
		expect(isInWindow(w, early, 'Asia/Jayapura')).toBe(true);
		expect(isInWindow(w, early)).toBe(false);
		// 15 December 16:00 UTC is 23:00 in Jakarta, 16 December 00:00 in Makassar.
		const late = Date.parse('2026-12-15T16:00:00Z');
		expect(isInWindow(w, late)).toBe(true);
		expect(isInWindow(w, late, 'Asia/Makassar')).toBe(false);
		expect(dayStart('2026-09-01', 'Asia/Jayapura')).toBe(Date.parse('2026-08-31T15:00:00Z'));
		expect(dayRange('2026-09-01', '2026-09-30', 'Asia/Makassar')).toEqual({
			start: Date.parse('2026-08-31T16:00:00Z'),
			end: Date.parse('2026-09-30T16:00:00Z')
		});
		// A zone outside Indonesia goes through Intl, summer time included.
		expect(dayStart('2026-07-01', 'Europe/Amsterdam')).toBe(Date.parse('2026-06-30T22:00:00Z'));
		expect(dayStart('2026-01-01', 'Europe/Amsterdam')).toBe(Date.parse('2025-12-31T23:00:00Z'));
	});

	it('gives a response to the period whose window contains it, the newest on overlap', () => {
		const periods = [
			{ id: 1, from: '2025-07-01', to: '2025-09-30' },
			{ id: 2, from: '2026-01-01', to: '2026-12-31' },
			{ id: 3, from: '2026-09-01', to: '2026-12-15' }
		];
		expect(periodForMoment(periods, Date.parse('2025-08-01T03:00:00Z'))?.id).toBe(1);
		expect(periodForMoment(periods, Date.parse('2026-03-01T03:00:00Z'))?.id).toBe(2);
		expect(periodForMoment(periods, Date.parse('2026-10-01T03:00:00Z'))?.id).toBe(3);
		expect(periodForMoment(periods, Date.parse('2025-12-01T03:00:00Z'))).toBeNull();
	});

	it('knows quarters, semesters and years, and real dates', () => {
		expect(presetRange({ kind: 'quarter', year: 2026, index: 1 })).toEqual({
			from: '2026-01-01',
			to: '2026-03-31'
		});
		expect(presetRange({ kind: 'semester', year: 2024, index: 1 })).toEqual({
			from: '2024-01-01',
			to: '2024-06-30'
		});
		expect(presetRange({ kind: 'year', year: 2026 })).toEqual({ from: '2026-01-01', to: '2026-12-31' });
		expect(isIsoDate('2026-02-28')).toBe(true);
		expect(isIsoDate('2026-02-30')).toBe(false);
		expect(isIsoDate('26-2-3')).toBe(false);
	});
});

describe('signed single-use form token', () => {
	const key = formTokenMac(new Uint8Array(32).fill(7));
	const claims = { unitId: 12, nonce: 'abcdefghijklmnopqrstuv', issuedAt: 1_790_000_000_000 };

	it('accepts its own token for the same unit while fresh', () => {
		const token = signFormToken(key, claims);
		expect(verifyFormToken(key, token, { unitId: 12, now: claims.issuedAt + 60_000 })).toEqual({
			ok: true,
			claims
		});
	});

	it('refuses forged, foreign, stale and malformed tokens', () => {
		const token = signFormToken(key, claims);
		const other = formTokenMac(new Uint8Array(32).fill(8));
		const now = claims.issuedAt + 1000;
		expect(verifyFormToken(other, token, { unitId: 12, now })).toEqual({ ok: false, reason: 'forged' });
		const tampered = token.replace('.12.', '.13.');
		expect(verifyFormToken(key, tampered, { unitId: 13, now })).toEqual({ ok: false, reason: 'forged' });
		expect(verifyFormToken(key, token, { unitId: 13, now })).toEqual({ ok: false, reason: 'other_unit' });
		expect(verifyFormToken(key, token, { unitId: 12, now: claims.issuedAt + 13 * 3600e3 })).toEqual({
			ok: false,
			reason: 'expired'
		});
		for (const junk of ['', 'v1', 'v2.12.abcdefghijklmnopqrstuv.1.x', 'v1.x.y.z.w', token + '.x'])
			expect(verifyFormToken(key, junk, { unitId: 12, now }).ok).toBe(false);
	});
});

describe('questionnaire validation', () => {
	const full = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`u${i + 1}`, '3']));

	it('requires all nine answers within 1..4', () => {
		expect(parseSubmission(full).ok).toBe(true);
		const r = parseSubmission({ ...full, u4: '5', u9: '' });
		expect(r).toEqual({ ok: false, problems: { u4: 'out_of_range', u9: 'missing' } });
		expect(parseSubmission({ ...full, u1: '2.5' }).ok).toBe(false);
		expect(parseSubmission({ ...full, u1: '0' }).ok).toBe(false);
	});

	it('accepts profile options by code or label and rejects unknown ones', () => {
		const r = parseSubmission({ ...full, sex: 'perempuan', education: 'S1', service: '  KTP  elektronik ' });
		expect(r.ok && r.value.profile).toEqual({
			sex: 'P',
			age_band: null,
			education: 'S1',
			occupation: null,
			service: 'KTP elektronik'
		});
		expect(parseSubmission({ ...full, occupation: 'astronaut' })).toEqual({
			ok: false,
			problems: { occupation: 'unknown_option' }
		});
	});
});
