import { randomInt } from 'node:crypto';

// Public survey addresses (/survei/{token}): unguessable, no look-alike characters.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

export function newSurveyToken(length = 20): string {
	return Array.from({ length }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
}
