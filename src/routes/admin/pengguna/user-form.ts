import { z } from 'zod';
import { AFFILIATION_TYPES, ROLES } from '$lib/domain/auth/user';

const optionalText = z
	.string()
	.trim()
	.max(200, 'Maksimal 200 karakter.')
	.transform((v) => (v === '' ? null : v))
	.optional()
	.default('');

/** Fields shared by the create and edit forms of /admin/pengguna. */
export const userFields = {
	email: z.string().trim().min(1, 'Email wajib diisi.').max(200, 'Email terlalu panjang.'),
	name: z.string().trim().min(2, 'Nama minimal 2 karakter.').max(200, 'Nama terlalu panjang.'),
	role: z.enum(ROLES, { message: 'Pilih peran.' }),
	affiliation_type: z
		.union([z.enum(AFFILIATION_TYPES), z.literal('')], { message: 'Jenis afiliasi tidak dikenal.' })
		.optional()
		.default('')
		.transform((v) => (v === '' ? null : v)),
	affiliation_name: optionalText,
	phone: optionalText,
	units: z
		.string()
		.max(2000, 'Terlalu banyak kode unit.')
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
	password: z.string().max(500, 'Kata sandi terlalu panjang.').optional().default('')
});

export const editUserForm = z.object(userFields);

export const passwordForm = z.object({
	password: z.string().min(1, 'Kata sandi baru wajib diisi.').max(500, 'Kata sandi terlalu panjang.')
});

/** Affiliation only means something for assessors. */
export function affiliationOf(data: z.infer<typeof editUserForm>) {
	return data.role === 'assessor'
		? { affiliationType: data.affiliation_type, affiliationName: data.affiliation_name }
		: { affiliationType: null, affiliationName: null };
}
