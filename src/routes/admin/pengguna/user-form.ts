import { z } from 'zod';
import { AFFILIATION_TYPES, ROLES } from '$lib/domain/auth/user';
import { m } from '$lib/paraglide/messages';
import { emailField, optionalText, passwordField } from '$lib/server/http/form-fields';

// Messages are Paraglide keys read when the form is parsed (README "Where translation happens").

const optionalName = optionalText(200, m.fm_max_200);

/** Fields shared by the create and edit forms of /admin/pengguna. */
export const userFields = {
	// The service checks the address's shape (one message for the form and the import).
	email: emailField(m.fm_email_required),
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
	affiliation_name: optionalName,
	phone: optionalName,
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
	password: passwordField().optional().default('')
});

export const editUserForm = z.object(userFields);

export const passwordForm = z.object({
	password: passwordField(m.fm_password_required)
});

/** Affiliation only means something for assessors. */
export function affiliationOf(data: z.infer<typeof editUserForm>) {
	return data.role === 'assessor'
		? { affiliationType: data.affiliation_type, affiliationName: data.affiliation_name }
		: { affiliationType: null, affiliationName: null };
}
