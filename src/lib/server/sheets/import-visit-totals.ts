import { addSheetToVisitTotal, emptyVisitTotal, type VisitTotal } from '../../domain/scoring/visit-totals';
import { visitTotalRow, type VisitTotalRow } from './visit-total.repository';

/**
 * The visit totals of an import (table visit_total), kept in memory for the visits the import
 * creates: at 320,000 sheets, reading the sums back would cost more than the import's own
 * writes (README, "Benchmark"). A visit that already had sheets is only marked, and recomputed
 * from the database once the import's rows are written (refreshVisitTotals).
 */
export class ImportVisitTotals {
	readonly #created = new Set<number>();
	readonly #stale = new Set<number>();
	readonly #sheetOf = new Map<number, { visitId: number; assessorId: number }>();
	readonly #totals = new Map<number, VisitTotal>();
	/** Sheets of created visits whose sums have not come yet. */
	readonly #waiting = new Set<number>();
	#sheet = -1;
	#sums: Record<string, number> = {};

	/** A sheet that was there before the import. */
	existingSheet(sheetId: number, visitId: number, assessorId: number): void {
		this.#sheetOf.set(sheetId, { visitId, assessorId });
	}

	createdVisit(visitId: number): void {
		this.#created.add(visitId);
	}

	insertedSheet(sheetId: number, visitId: number, assessorId: number): void {
		this.#sheetOf.set(sheetId, { visitId, assessorId });
		if (this.#created.has(visitId)) this.#waiting.add(sheetId);
		else this.#stale.add(visitId);
	}

	deletedSheet(sheetId: number): void {
		const sheet = this.#sheetOf.get(sheetId);
		if (sheet) this.#stale.add(sheet.visitId);
	}

	/** Sums come sheet by sheet, sheets in the order inserted (ascending ids). */
	aspectSum(sheetId: number, aspectId: number, weightedSum: number): void {
		if (sheetId !== this.#sheet) this.#commit();
		this.#sheet = sheetId;
		this.#sums[String(aspectId)] = weightedSum;
	}

	/** Rows for the created visits, and the visits to recompute from the database. */
	finish(): { rows: VisitTotalRow[]; refresh: number[] } {
		this.#commit();
		// A created visit with a sheet that never got sums is recomputed like an older one.
		for (const sheetId of this.#waiting) this.#stale.add(this.#sheetOf.get(sheetId)!.visitId);
		const rows: VisitTotalRow[] = [];
		for (const [visitId, total] of this.#totals)
			if (!this.#stale.has(visitId)) rows.push(visitTotalRow(visitId, total));
		return { rows, refresh: [...this.#stale] };
	}

	#commit(): void {
		if (this.#sheet === -1) return;
		const { visitId, assessorId } = this.#sheetOf.get(this.#sheet)!;
		if (this.#waiting.delete(this.#sheet)) {
			let total = this.#totals.get(visitId);
			if (!total) this.#totals.set(visitId, (total = emptyVisitTotal(0)));
			addSheetToVisitTotal(total, assessorId, this.#sums);
		} else this.#stale.add(visitId);
		this.#sheet = -1;
		this.#sums = {};
	}
}
