import { addSheetToVisitTotal, emptyVisitTotal, type VisitTotal } from '../../../domain/scoring/visit-totals';

/**
 * The visit totals of an import (table unit_visit_total), kept in memory for the visits the
 * import creates: at 320,000 sheets, reading the sums back would cost more than the import's own
 * writes (README, "Benchmark"). A unit's row is made here when the import created all its
 * visits; a unit with a visit from before, or with a visit whose sheets changed otherwise, is
 * only marked, and recomputed from the database once the import's rows are written
 * (refreshVisitTotals). The inserted sheets sit in arrays by insertion order, not in an object
 * each: hundreds of thousands of small objects cost the import more in garbage collection than
 * the totals themselves.
 */
export class ImportVisitTotals {
	/** Unit of each visit the import created. */
	readonly #created = new Map<number, number>();
	/** Unit of each visit there before the import. */
	readonly #earlier = new Map<number, number>();
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

	/** A visit that was there before the import. */
	existingVisit(visitId: number, unitId: number): void {
		this.#earlier.set(visitId, unitId);
	}

	createdVisit(visitId: number, unitId: number, visitNo: number): void {
		this.#created.set(visitId, unitId);
		this.#totals.set(visitId, emptyVisitTotal(visitNo));
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

	/**
	 * The totals of the units whose visits all came with the import, and the visits whose units
	 * must be recomputed from the database.
	 */
	finish(): { units: Map<number, VisitTotal[]>; refresh: number[] } {
		this.#commit();
		// A created visit with a sheet that never got sums is recomputed like an older one.
		for (let at = 0; at < this.#waiting.length; at++) if (this.#waiting[at]) this.#stale.add(this.#visit[at]);
		const recompute = new Set<number>(this.#earlier.values());
		for (const visitId of this.#stale)
			recompute.add(this.#created.get(visitId) ?? this.#earlier.get(visitId)!);
		const units = new Map<number, VisitTotal[]>();
		const refresh = [...this.#stale];
		for (const [visitId, unitId] of this.#created) {
			if (recompute.has(unitId)) {
				refresh.push(visitId);
				continue;
			}
			let totals = units.get(unitId);
			if (!totals) units.set(unitId, (totals = []));
			totals.push(this.#totals.get(visitId)!);
		}
		return { units, refresh };
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
			addSheetToVisitTotal(this.#totals.get(this.#visit[at])!, this.#assessor[at], this.#sums);
		} else this.#stale.add(this.#visit[at]);
		this.#sheetId = -1;
		this.#sheet = -1;
		this.#sums = {};
	}
}
