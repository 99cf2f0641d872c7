import { z } from 'zod';

const optional = (max: number, label: string) =>
	z
		.string()
		.trim()
		.max(max, `${label} maksimal ${max} karakter.`)
		.optional()
		.default('')
		.transform((v) => (v === '' ? null : v));

export const unitForm = z.object({
	code: z.string().trim().min(1, 'Kode unit wajib diisi.').max(40, 'Kode unit maksimal 40 karakter.'),
	name: z
		.string()
		.trim()
		.min(3, 'Nama unit minimal 3 karakter.')
		.max(200, 'Nama unit maksimal 200 karakter.'),
	category: z.coerce.number({ message: 'Pilih kategori.' }).int('Pilih kategori.').min(1, 'Pilih kategori.'),
	parent: optional(40, 'Kode induk'),
	address: optional(300, 'Alamat'),
	yearly_service_users: z
		.string()
		.trim()
		.optional()
		.default('')
		.refine(
			(v) => v === '' || /^\d{1,9}$/.test(v.replace(/\./g, '')),
			'Jumlah pengguna layanan per tahun harus bilangan bulat.'
		)
		.transform((v) => (v === '' ? null : Number(v.replace(/\./g, ''))))
});

export function toUnitInput(d: z.infer<typeof unitForm>) {
	return {
		code: d.code,
		name: d.name,
		categoryId: d.category,
		parentCode: d.parent,
		address: d.address,
		yearlyServiceUsers: d.yearly_service_users
	};
}
