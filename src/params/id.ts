import type { ParamMatcher } from '@sveltejs/kit';

// Database ids in URLs: anything else is a 404, never a 500.
export const match: ParamMatcher = (param) => /^[1-9][0-9]{0,12}$/.test(param);
