import type { Db } from '../db/connection';
import { awardWinners, type AwardWinner } from '../../domain/scoring/public-view';
import { certificateCode, normalizeCertificateCode } from './certificate-code';
import { listPublishedRevisions } from './publication-read.repository';

export interface VerifiedCertificate {
	code: string;
	unitCode: string;
	unitName: string;
	category: string;
	award: string;
	periodCode: string;
	periodName: string;
	revision: number;
	publishedAt: Date;
	latestRevision: number;
	/** The unit holds the same award in the period's latest revision. */
	current: boolean;
}

export async function verifyCertificate(db: Db, input: string): Promise<VerifiedCertificate | null> {
	const code = normalizeCertificateCode(input);
	if (!code) return null;
	const revisions = await listPublishedRevisions(db);
	const latest = new Map<string, { revision: number; awards: Map<string, string> }>();
	let found: Omit<VerifiedCertificate, 'latestRevision' | 'current'> | null = null;
	for (const r of revisions) {
		const winners = awardWinners(r.results);
		if (!latest.has(r.periodCode))
			latest.set(r.periodCode, {
				revision: r.revision,
				awards: new Map(winners.map((w) => [w.code, w.award]))
			});
		const hit: AwardWinner | undefined = found
			? undefined
			: winners.find((w) => certificateCode(r.periodCode, w.code, r.revision) === code);
		if (hit)
			found = {
				code,
				unitCode: hit.code,
				unitName: hit.name,
				category: hit.category,
				award: hit.award,
				periodCode: r.periodCode,
				periodName: r.periodName,
				revision: r.revision,
				publishedAt: r.publishedAt
			};
	}
	if (!found) return null;
	const newest = latest.get(found.periodCode)!;
	return {
		...found,
		latestRevision: newest.revision,
		current: newest.awards.get(found.unitCode) === found.award
	};
}
