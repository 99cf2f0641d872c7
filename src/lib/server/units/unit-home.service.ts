import type { Db } from '../db/connection';
import { isOverdue } from '../../domain/coaching/states';
import type { ItemStatus } from '../../domain/coaching/states';
import { fmtDate } from '$lib/i18n/display';
import { listUnitsOfHead } from './unit.repository';
import { listLatestPublished } from '../publication/publication-read.repository';
import { listActiveItemsOfUnits } from '../coaching/coaching-item.repository';

// The unit head's home: the latest published report card of each of their units, and the items
// of their active coaching plans with due dates (overdue first in attention, not hidden).

export interface UnitHomeCard {
	code: string;
	name: string;
	category: string;
	cards: { periodCode: string; periodName: string }[];
	latest: {
		periodCode: string;
		periodName: string;
		ippDisplay: string | null;
		grade: string | null;
		predikat: string | null;
		rank: number | null;
		rankedCount: number;
	} | null;
}

export interface UnitHomeItem {
	id: number;
	planId: number;
	unitName: string;
	indicatorCode: string;
	indicatorTitle: string;
	action: string;
	/** The item's state code; pages word it in the reader's language. */
	status: ItemStatus;
	dueOnDisplay: string | null;
	overdue: boolean;
}

export async function loadUnitHome(
	db: Db,
	userId: number,
	today: string
): Promise<{ units: UnitHomeCard[]; items: UnitHomeItem[] }> {
	const units = await listUnitsOfHead(db, userId);
	const snaps = await listLatestPublished(db);
	const cards = units.map((u): UnitHomeCard => {
		const found = snaps
			.map((s) => {
				for (const c of s.results.categories) {
					const r = c.units.find((x) => x.code === u.code);
					if (r) return { s, c, r };
				}
				return null;
			})
			.filter((x) => x !== null);
		const last = found.at(-1);
		return {
			code: u.code,
			name: u.name,
			category: u.category,
			cards: found.map((f) => ({ periodCode: f.s.periodCode, periodName: f.s.periodName })).reverse(),
			latest: last
				? {
						periodCode: last.s.periodCode,
						periodName: last.s.periodName,
						ippDisplay: last.r.ipp_display,
						grade: last.r.grade,
						predikat: last.r.predikat,
						rank: last.r.rank,
						rankedCount: last.c.count
					}
				: null
		};
	});
	const items = await listActiveItemsOfUnits(
		db,
		units.map((u) => u.id)
	);
	return {
		units: cards,
		items: items.map((i) => ({
			id: i.id,
			planId: i.planId,
			unitName: i.unitName,
			indicatorCode: i.indicatorCode,
			indicatorTitle: i.indicatorTitle,
			action: i.action,
			status: i.status,
			dueOnDisplay: i.dueOn ? fmtDate(i.dueOn) : null,
			overdue: isOverdue(i, today)
		}))
	};
}
