import { z } from 'zod';
import { AFFILIATION_TYPES, ROLES } from '$lib/domain/auth/user';
import { m } from '$lib/paraglide/messages';

// Messages are Paraglide keys read when the form is parsed (README "Where translation happens").

const optionalText = z
	.string()
	.trim()
	.max(200, { error: () => m.fm_max_200() })
	.transform((v) => (v === '' ? null : v))
	.optional()
	.default('');

/** Fields shared by the create and edit forms of /admin/pengguna. */
export const userFields = {
	email: z
		.string()
		.trim()
		.min(1, { error: () => m.fm_email_required() })
		.max(200, { error: () => m.fm_email_too_long() }),
	name: z
		.string()
		.trim()
		.min(2, { error: () => m.fm_name_min2() })
		.max(200, { error: () => m.fm_name_too_long() }),
	role: z.enum(ROLES, { error: () => m.fm_role_pick() }),
	affiliation_type: z
		.union([z.enum(AFFILIATION_TYPES), z.literal('')], { error: () => m.fm_affiliation_unknown() })
		.optional()
		.default('')
		.transform((v) => (v === '' ? null : v)),
	affiliation_name: optionalText,
	phone: optionalText,
	units: z
		.string()
		.max(2000, { error: () => m.fm_unit_codes_too_many() })
		.optional()
		.default('')
		.transform((v) =>
			v
				.split(/[,\s]+/)
				.map((c) => c.trim().toUpperCase())
				.filter(Boolean)
		)
};

export const createUserForm = z.object({
	...userFields,
	password: z
		.string()
		.max(500, { error: () => m.fm_password_too_long() })
		.optional()
		.default('')
});

export const editUserForm = z.object(userFields);

export const passwordForm = z.object({
	password: z
		.string()
		.min(1, { error: () => m.fm_password_required() })
		.max(500, { error: () => m.fm_password_too_long() })
});

/** Affiliation only means something for assessors. */
export function affiliationOf(data: z.infer<typeof editUserForm>) {
	return data.role === 'assessor'
		? { affiliationType: data.affiliation_type, affiliationName: data.affiliation_name }
		: { affiliationType: null, affiliationName: null };
}
