import type { Role } from './user';

// The viewer (the mayor, README "Pages") reads everything the office reads and changes nothing:
// read pages let both roles in, every form action stays admin-only.
export function readsOfficeData(role: Role): boolean {
	return role === 'admin' || role === 'viewer';
}
