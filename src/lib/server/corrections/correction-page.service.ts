import type { Db } from '../db/connection';
import type { Period } from '../periods/period.repository';
import { findLatestPublished } from '../publication/publication-read.repository';
import { computeResultsDocument } from '../results/results.service';
import { fmtDateTime } from '$lib/i18n/display';
import { revisionChangeText } from '$lib/i18n/revision-text';
import {
	changeLines,
	diffPublishedResults,
	type ChangeLine
} from '../../domain/publication/revision-changes';
import { findOpenCorrection, listCorrections } from './correction.repository';
import { refusalText } from '../service-result';

// The correction panel of the publication page (docs/rules.md §8.3): whether a correction is
// open, what publishing it would change against the published revision, and past corrections.

export interface CorrectionPanel {
	canOpen: boolean;
	open: { reason: string; by: string; at: string; baseRevision: number } | null;
	/** Open correction only: units whose standing the next revision would change. */
	pending: ChangeLine[];
	history: {
		at: string;
		by: string;
		reason: string;
		outcome: 'published' | 'abandoned';
		closeReason: string | null;
	}[];
}

export async function loadCorrectionPanel(db: Db, period: Period): Promise<CorrectionPanel> {
	const open = await findOpenCorrection(db, period.id);
	let pending: ChangeLine[] = [];
	if (open) {
		const published = await findLatestPublished(db, period.id);
		const now = await computeResultsDocument(db, period, 'published');
		if (published) pending = changeLines(diffPublishedResults(published.results, now), revisionChangeText);
	}
	return {
		canOpen: period.status === 'published' && !open,
		open: open
			? {
					reason: open.reason,
					by: open.openedBy ?? refusalText('srv_by_command_line'),
					at: fmtDateTime(open.openedAt),
					baseRevision: open.baseRevision
				}
			: null,
		pending,
		history: (await listCorrections(db, period.id))
			.filter((c) => c.status !== 'open')
			.map((c) => ({
				at: fmtDateTime(c.openedAt),
				by: c.openedBy ?? refusalText('srv_by_command_line'),
				reason: c.reason,
				outcome: c.status === 'published' ? 'published' : 'abandoned',
				closeReason: c.closeReason
			}))
	};
}
