// Characters no field of the application accepts (README: bad input gets a 4xx): C0 controls
// other than tab and line ends, DEL, and the bidirectional overrides and isolates that make
// "\u202Egpj.exe" display as "exe.jpg" (Unicode TR 36, "Bidirectional Text Spoofing").
const UNSAFE_CLASS =
	'[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069\\u061c]';
const UNSAFE = new RegExp(UNSAFE_CLASS);
const UNSAFE_ALL = new RegExp(UNSAFE_CLASS, 'g');

export function hasUnsafeCharacters(text: string): boolean {
	return UNSAFE.test(text);
}

/** The text without those characters (for names the user never typed, such as uploaded file names). */
export function withoutUnsafeCharacters(text: string): string {
	return text.replace(UNSAFE_ALL, '');
}

/** The Indonesian sentence of a refused field, for imports, the command line and field errors. */
export function unsafeTextReason(field: string): string {
	return `${field} berisi karakter kendali atau pembalik arah teks yang tidak diizinkan`;
}
