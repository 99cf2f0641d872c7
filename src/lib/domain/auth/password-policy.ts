// Password rules shown to users (README, Pages): at least 10 characters, not one of the commonest.
export const MIN_PASSWORD_LENGTH = 10;

// The commonest passwords of at least 10 characters in public breach lists, plus Indonesian
// favourites; compared case-insensitively.
const COMMON_PASSWORDS = new Set([
	'1234567890',
	'0987654321',
	'12345678910',
	'123456789a',
	'1q2w3e4r5t',
	'1qaz2wsx3edc',
	'qwertyuiop',
	'qwerty1234',
	'qwerty12345',
	'password12',
	'password123',
	'password1234',
	'passw0rd123',
	'iloveyou12',
	'abcdefghij',
	'abcd123456',
	'a123456789',
	'aaaaaaaaaa',
	'0000000000',
	'1111111111',
	'1212121212',
	'1234512345',
	'1234554321',
	'admin12345',
	'administrator',
	'welcome123',
	'letmein123',
	'sayangkamu',
	'sayangku123',
	'bismillah123',
	'indonesia123',
	'indonesia1945',
	'merdeka1945',
	'rahasia123',
	'katasandi123',
	'raporlayanan',
	'penilaian123',
	'pelayanan123'
]);

export type PasswordProblem = 'too_short' | 'too_common';

export function checkPasswordStrength(password: string, email?: string): PasswordProblem | null {
	if (password.length < MIN_PASSWORD_LENGTH) return 'too_short';
	const lower = password.toLowerCase();
	if (COMMON_PASSWORDS.has(lower)) return 'too_common';
	if (/^(.)\1+$/.test(password)) return 'too_common';
	if (email && lower === email.toLowerCase()) return 'too_common';
	return null;
}
