import { describe, expect, it } from 'vitest';
import { AUDIT_REASON_MIN, auditReason } from '../../../src/lib/domain/audit/audit-reason';

describe('auditReason', () => {
	it('keeps a reason of at least five characters, trimmed', () => {
		expect(auditReason('  salah impor  ')).toBe('salah impor');
		expect(auditReason('abcde')).toBe('abcde');
	});

	it('refuses a reason shorter than five characters once trimmed', () => {
		expect(AUDIT_REASON_MIN).toBe(5);
		expect(auditReason('abcd')).toBeNull();
		expect(auditReason('   ab    ')).toBeNull();
		expect(auditReason('')).toBeNull();
	});
});
