import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { optionalText } from '$lib/server/http/form-fields';

// Messages are Paraglide keys read when the form is parsed (README "Where translation happens").

const optional = (max: number, label: () => string) =>
	optionalText(max, () => m.fm_max_chars({ label: label(), max }));

export const unitForm = z.object({
	code: z
		.string()
		.trim()
		.min(1, { error: () => m.fm_unit_code_required() })
		.max(40, { error: () => m.fm_unit_code_max() }),
	name: z
		.string()
		.trim()
		.min(3, { error: () => m.fm_unit_name_min() })
		.max(200, { error: () => m.fm_unit_name_max() }),
	category: z.coerce
		.number({ error: () => m.fm_category_pick() })
		.int({ error: () => m.fm_category_pick() })
		.min(1, { error: () => m.fm_category_pick() }),
	parent: optional(40, m.fm_label_parent),
	address: optional(300, m.fm_label_address),
	yearly_service_users: z
		.string()
		.trim()
		.optional()
		.default('')
		.refine((v) => v === '' || /^\d{1,9}$/.test(v.replace(/\./g, '')), {
			error: () => m.fm_yearly_users_int()
		})
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
