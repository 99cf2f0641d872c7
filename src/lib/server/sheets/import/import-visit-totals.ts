import { addSheetToVisitTotal, emptyVisitTotal, type VisitTotal } from '../../../domain/scoring/visit-totals';
import { visitTotalRow, type VisitTotalRow } from '../visit-total.repository';

/**
 * The visit totals of an import (table visit_total), kept in memory for the visits the import
 * creates: at 320,000 sheets, reading the sums back would cost more than the import's own
 * writes (README, "Benchmark"). A visit that already had sheets is only marked, and recomputed
 * from the database once the import's rows are written (refreshVisitTotals). The inserted
 * sheets sit in arrays by insertion order, not in an object each: hundreds of thousands of
 * small objects cost the import more in garbage collection than the totals themselves.
 */
export class ImportVisitTotals {
	readonly #created = new Set<number>();
	readonly #stale = new Set<number>();
	/** Visit of each sheet that was there before the import. */
	readonly #before = new Map<number, number>();
	/** Inserted sheets: position by id; visit, assessor and "sums not come yet" by position. */
	readonly #position = new Map<number, number>();
	readonly #visit: number[] = [];
	readonly #assessor: number[] = [];
	readonly #waiting: boolean[] = [];
	readonly #totals = new Map<number, VisitTotal>();
	/** Position of the sheet whose sums are coming in, or -1. */
	#sheet = -1;
	#sheetId = -1;
	#sums: Record<string, number> = {};

	/** A sheet that was there before the import. */
	existingSheet(sheetId: number, visitId: number): void {
		this.#before.set(sheetId, visitId);
	}

	createdVisit(visitId: number): void {
		this.#created.add(visitId);
	}

	insertedSheet(sheetId: number, visitId: number, assessorId: number): void {
		this.#position.set(sheetId, this.#visit.length);
		this.#visit.push(visitId);
		this.#assessor.push(assessorId);
		const created = this.#created.has(visitId);
		this.#waiting.push(created);
		if (!created) this.#stale.add(visitId);
	}

	deletedSheet(sheetId: number): void {
		const at = this.#position.get(sheetId);
		const visitId = at === undefined ? this.#before.get(sheetId) : this.#visit[at];
		if (visitId !== undefined) this.#stale.add(visitId);
	}

	/** Sums come sheet by sheet, sheets in the order inserted (ascending ids). */
	aspectSum(sheetId: number, aspectId: number, weightedSum: number): void {
		if (sheetId !== this.#sheetId) {
			this.#commit();
			this.#sheetId = sheetId;
			this.#sheet = this.#position.get(sheetId) ?? -1;
		}
		this.#sums[aspectId] = weightedSum;
	}

	/** Rows for the created visits, and the visits to recompute from the database. */
	finish(): { rows: VisitTotalRow[]; refresh: number[] } {
		this.#commit();
		// A created visit with a sheet that never got sums is recomputed like an older one.
		for (let at = 0; at < this.#waiting.length; at++) if (this.#waiting[at]) this.#stale.add(this.#visit[at]);
		const rows: VisitTotalRow[] = [];
		for (const [visitId, total] of this.#totals)
			if (!this.#stale.has(visitId)) rows.push(visitTotalRow(visitId, total));
		return { rows, refresh: [...this.#stale] };
	}

	#commit(): void {
		if (this.#sheetId === -1) return;
		const at = this.#sheet;
		if (at === -1) {
			// Sums of a sheet the import did not insert: its visit is recomputed.
			const visitId = this.#before.get(this.#sheetId);
			if (visitId !== undefined) this.#stale.add(visitId);
		} else if (this.#waiting[at]) {
			this.#waiting[at] = false;
			const visitId = this.#visit[at];
			let total = this.#totals.get(visitId);
			if (!total) this.#totals.set(visitId, (total = emptyVisitTotal(0)));
			addSheetToVisitTotal(total, this.#assessor[at], this.#sums);
		} else this.#stale.add(this.#visit[at]);
		this.#sheetId = -1;
		this.#sheet = -1;
		this.#sums = {};
	}
}
