import { describe, expect, it } from 'vitest';
import { sampleStatus } from '../../../src/lib/domain/survey/sample';

describe('whether the survey sample stands for the service users', () => {
	it('is below target until the Krejcie-Morgan sample is reached', () => {
		expect(sampleStatus(5, 310)).toBe('below');
		expect(sampleStatus(309, 310)).toBe('below');
		expect(sampleStatus(310, 310)).toBe('met');
		expect(sampleStatus(400, 310)).toBe('met');
	});

	it('is unknown without a target, however many answered', () => {
		expect(sampleStatus(0, null)).toBe('unknown');
		expect(sampleStatus(1000, null)).toBe('unknown');
	});
});
