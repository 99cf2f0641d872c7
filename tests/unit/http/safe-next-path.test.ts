import { describe, expect, it } from 'vitest';
import { safeNextPath } from '../../../src/lib/server/http/forms';

const ORIGIN = 'http://127.0.0.1:3000';

describe('safeNextPath', () => {
	it('keeps a same-origin path with its query and fragment', () => {
		expect(safeNextPath('/admin/periode?hal=2#x', ORIGIN)).toBe('/admin/periode?hal=2#x');
	});

	it.each([
		['/\t/evil.example/x'],
		['/\n/evil.example/x'],
		['/\r\n/evil.example'],
		['//evil.example'],
		['/\\evil.example'],
		['/%09/x\u0000'],
		['/\u202egpj.exe'],
		['/ünïcode'],
		['https://evil.example/'],
		['javascript:alert(1)'],
		['evil.example'],
		[''],
		[null]
	])('refuses %j', (next) => {
		expect(safeNextPath(next, ORIGIN)).toBeNull();
	});

	it('never returns a path whose browser reading leaves the origin', () => {
		for (const next of ['/./\t/evil.example', '/..//evil.example', '/%2F%2Fevil.example']) {
			const path = safeNextPath(next, ORIGIN);
			if (path !== null) expect(new URL(path, ORIGIN).origin).toBe(ORIGIN);
		}
	});
});
