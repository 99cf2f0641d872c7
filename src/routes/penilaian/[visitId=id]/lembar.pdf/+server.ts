import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { loadAssessorSheet } from '$lib/server/sheets/sheet-view.service';
import { renderBlankSheetPdf } from '$lib/server/offline/blank-sheet-pdf';
import { pdfResponse } from '$lib/server/http/download';
import { m } from '$lib/paraglide/messages';

// A printable blank sheet of the assessor's own visit, for teams that must fall back to paper.
export const GET: RequestHandler = async (event) => {
	const user = requireRole(event, 'assessor');
	const visitId = Number(event.params.visitId);
	const sheet = visitId ? await loadAssessorSheet(getDb(), visitId, user.id) : null;
	if (!sheet) error(404, m.srv_visit_not_yours());
	const pdf = await renderBlankSheetPdf(sheet, `${user.name} (${user.email})`);
	const name = `lembar-${sheet.visit.unitCode}-${sheet.visit.periodCode}-k${sheet.visit.visitNo}.pdf`;
	return pdfResponse(pdf, name.replace(/[^A-Za-z0-9._-]/g, '_'), { cache: 'private, no-store' });
};
