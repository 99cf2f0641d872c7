import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { readCitySettings } from '$lib/server/settings/city-setting.repository';
import { saveCityLogo, saveCitySettings } from '$lib/server/settings/city-settings.service';
import { GOVERNMENT_KINDS, type GovernmentKind } from '$lib/domain/settings/government-kind';
import { governmentWord } from '$lib/i18n/display';
import { m } from '$lib/paraglide/messages';
import { refusalErrors } from '$lib/server/service-result';
import { runForm } from '$lib/server/http/form-action';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const s = await readCitySettings(getDb());
	return {
		values: {
			government_kind: s.governmentKind,
			government_name: s.governmentName,
			place: s.place,
			signatory_name: s.signatoryName,
			signatory_title: s.signatoryTitle,
			signatory_nip: s.signatoryNip,
			document_language: s.documentLanguage ?? 'id'
		},
		kind: s.governmentKind,
		hasLogo: s.logoFileId !== null,
		logoVersion: s.logoFileId ?? 0
	};
};

const text = z.string().max(200, 'Terlalu panjang.').optional().default('');
const settingsForm = z.object({
	government_kind: z.enum(GOVERNMENT_KINDS, { error: () => m.fm_government_kind_pick() }),
	government_name: text,
	place: text,
	signatory_name: text,
	signatory_title: text,
	signatory_nip: text,
	document_language: z
		.enum(['id', 'en'], { error: () => m.fm_language_pick() })
		.optional()
		.default('id')
});

export const actions: Actions = {
	save: async (event) => {
		const admin = requireRole(event, 'admin');
		const save = (d: z.infer<typeof settingsForm>) =>
			saveCitySettings(
				getDb(),
				{
					governmentKind: d.government_kind,
					governmentName: d.government_name,
					place: d.place,
					signatoryName: d.signatory_name,
					signatoryTitle: d.signatory_title,
					signatoryNip: d.signatory_nip,
					documentLanguage: d.document_language
				},
				admin.id,
				new Date()
			);
		const r = await runForm(await event.request.formData(), settingsForm, save);
		if (!r.ok) return r.failure;
		// the kind sent passed the form's check, so it is one of GOVERNMENT_KINDS
		const kind = r.values.government_kind as GovernmentKind;
		return { done: m.fm_done_settings({ kind: governmentWord(kind) }) };
	},
	logo: async (event) => {
		const admin = requireRole(event, 'admin');
		const file = (await event.request.formData()).get('logo');
		const bytes = file instanceof File ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array();
		const r = await saveCityLogo(getDb(), bytes, admin.id, new Date());
		if (!r.ok) return fail(400, { errors: refusalErrors(r) });
		return { done: m.fm_done_logo() };
	}
};
