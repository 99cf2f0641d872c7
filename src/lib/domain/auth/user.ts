export const ROLES = ['admin', 'assessor', 'unit_head', 'viewer', 'enumerator'] as const;
export type Role = (typeof ROLES)[number];

export const AFFILIATION_TYPES = ['university', 'student_board', 'other'] as const;
export type AffiliationType = (typeof AFFILIATION_TYPES)[number];

/** What the browser may know about the signed-in user: a whitelist, never a row. */
export interface SessionUser {
	id: number;
	name: string;
	email: string;
	role: Role;
}

export interface User extends SessionUser {
	active: boolean;
	canSignIn: boolean;
	affiliationType: AffiliationType | null;
	affiliationName: string | null;
	phone: string | null;
	unitCodes: string[];
	createdAt: Date;
}

/** Where each role lands after signing in. */
export function homePathFor(role: Role): string {
	switch (role) {
		case 'admin':
			return '/admin';
		case 'assessor':
			return '/penilaian';
		case 'unit_head':
			return '/unit';
		case 'viewer':
			return '/pimpinan';
		case 'enumerator':
			return '/enumerasi';
	}
}

export function normalizeEmail(email: string): string {
	return email.trim().toLowerCase();
}
