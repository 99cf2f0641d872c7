import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import {
	DEFAULT_TIME_ZONE,
	formatDate,
	formatDateTime,
	formatNumber,
	type DisplayLocale
} from '$lib/domain/format';
import { formatDecimal } from '$lib/domain/scoring/display';
import type { PeriodStatus } from '$lib/domain/period-status';
import type { AffiliationType, Role } from '$lib/domain/auth/user';
import { GOVERNMENT_KIND_WORDS, type GovernmentKind } from '$lib/domain/settings/government-kind';

// The one place that turns grades, awards, numbers and dates into the reader's language. Stored
// and JSON values (`predikat`, `award`) stay the Indonesian originals README "Results API" names; only the
// text on screen changes. On the server getLocale() is the request's locale (paraglide middleware
// in hooks.server.ts), so services and PDFs may call these too.

export function displayLocale(): DisplayLocale {
	return getLocale() === 'en' ? 'en' : 'id';
}

const GRADE_NAMES: Record<string, (i?: object, o?: { locale?: DisplayLocale }) => string> = {
	A: m.grade_name_a,
	'A-': m.grade_name_a_minus,
	B: m.grade_name_b,
	'B-': m.grade_name_b_minus,
	C: m.grade_name_c,
	'C-': m.grade_name_c_minus,
	D: m.grade_name_d,
	E: m.grade_name_e,
	F: m.grade_name_f
};

/** The grade's name alone ("Baik (dengan catatan)" / "Good (with notes)"); unknown grades as given. */
export function gradeName(grade: string, locale?: DisplayLocale): string {
	return GRADE_NAMES[grade]?.({}, { locale }) ?? grade;
}

/** "B- · Baik (dengan catatan)" / "B- · Good (with notes)" (docs/rules.md §4.5). */
export function gradeLabel(grade: string | null | undefined): string {
	if (!grade) return '–';
	const name = GRADE_NAMES[grade];
	return name ? `${grade} · ${name()}` : grade;
}

const AWARD = /^(calon )?Terbaik ([IVXLCDM]+)$/;

/**
 * An award as stored ("Terbaik II", or "calon Terbaik I" on provisional results, docs/rules.md
 * §4.8 and §8.2) in the reader's language; anything else as given.
 */
export function awardText(award: string | null | undefined, locale?: DisplayLocale): string {
	if (!award) return '';
	const match = AWARD.exec(award);
	if (!match) return award;
	const rank = match[2];
	return match[1] ? m.award_candidate({ rank }, { locale }) : m.award_best({ rank }, { locale });
}

/** A rounded number: "1.234" / "1,234"; with decimals "3,68" / "3.68". */
export function fmtNumber(value: number, decimals = 0): string {
	return formatNumber(value, decimals, displayLocale());
}

/** A clock time on the reader's own device ("10.08.36" / "10:08:36"): when a sheet was last saved. */
export function fmtClockTime(value: Date): string {
	const tag = displayLocale() === 'en' ? 'en-GB' : 'id-ID';
	return value.toLocaleTimeString(tag, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

/** The BCP 47 tag chart.js formats its axis numbers with, in the reader's language. */
export function chartLocale(): string {
	return displayLocale() === 'en' ? 'en-US' : 'id-ID';
}

/** A rank within its category, digits grouped: "2.576 dari 16.000" / "2,576 of 16,000". */
export function rankOfText(rank: number, count: number): string {
	return m.rapor_rank_of({ rank: fmtNumber(rank), count: fmtNumber(count) });
}

/** Rounded half up like the IPP (docs/rules.md §4.5): "4,51" / "4.51". */
export function fmtDecimal(value: number, digits = 2): string {
	return formatDecimal(value, digits, displayLocale());
}

/**
 * The office's time zone (TZ, README "Environment"), in which instants are shown: the server
 * sets it when it starts, the browser from the root layout's data. Asia/Jakarta until then.
 */
let officeTimeZone = DEFAULT_TIME_ZONE;

export function setDisplayTimeZone(timeZone: string): void {
	officeTimeZone = timeZone;
}

/** "22 November 2026"; "22 Agustus 2026" / "22 August 2026" (an instant: its day in the office's zone). */
export function fmtDate(value: Date | string): string {
	return formatDate(value, displayLocale(), officeTimeZone);
}

/** "22 November 2026 14.05" / "22 November 2026 14:05", in the office's time zone. */
export function fmtDateTime(value: Date): string {
	return formatDateTime(value, displayLocale(), officeTimeZone);
}

const ID_NUMBER = /^[-+−]?\d{1,3}(\.\d{3})*(,\d+)?$/;

/**
 * A number already written the Indonesian way (the results JSON carries `ipp_display` as "4,51",
 * services hand over "1.234") in the reader's language; any other text as given.
 */
export function numberText(text: string | null | undefined): string {
	if (!text) return text ?? '';
	if (displayLocale() === 'id' || !ID_NUMBER.test(text)) return text;
	return text.replace(/[.,]/g, (c) => (c === '.' ? ',' : '.'));
}

/** The government's kind as a word in the reader's language ("kabupaten" / "regency", docs/rules.md §8.8). */
export function governmentWord(kind: GovernmentKind, capitalised = false): string {
	const word = GOVERNMENT_KIND_WORDS[kind][displayLocale()];
	return capitalised ? word[0].toUpperCase() + word.slice(1) : word;
}

const PERIOD_STATUS: Record<PeriodStatus, () => string> = {
	draft: m.period_status_draft,
	running: m.period_status_running,
	review: m.period_status_review,
	published: m.period_status_published,
	archived: m.period_status_archived
};

/** A period's status in words ("berjalan" / "running"); the codes are the README's. */
export function periodStatusLabel(status: PeriodStatus): string {
	return PERIOD_STATUS[status]();
}

const ROLE: Record<Role, () => string> = {
	admin: m.role_admin,
	assessor: m.role_assessor,
	unit_head: m.role_unit_head,
	viewer: m.role_viewer,
	enumerator: m.role_enumerator
};
const AFFILIATION: Record<AffiliationType, () => string> = {
	university: m.affiliation_university,
	student_board: m.affiliation_student_board,
	other: m.affiliation_other
};

/** A role in words; the codes are the README's. */
export function roleLabel(role: Role): string {
	return ROLE[role]();
}

export function affiliationLabel(type: AffiliationType): string {
	return AFFILIATION[type]();
}
