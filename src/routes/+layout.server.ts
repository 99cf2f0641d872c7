import type { LayoutServerLoad } from './$types';

// Only the whitelisted session user reaches the browser; never a row, hash or token.
export const load: LayoutServerLoad = ({ locals }) => ({ user: locals.user });
