import type { SheetValues } from './entries';

/** An evidence item as the browser sees it: addresses, never paths or hashes. */
export interface EvidenceView {
	id: number;
	indicatorCode: string;
	name: string;
	isImage: boolean;
	size: number;
	url: string;
	thumbUrl: string | null;
}

export interface SheetIndicatorView {
	code: string;
	title: string;
	required: boolean;
	levels: string[];
	expectedEvidence: string[];
}

/** Everything the score sheet page shows: whitelisted, and only the signed-in assessor's own sheet. */
export interface SheetView {
	visit: {
		id: number;
		periodCode: string;
		periodName: string;
		unitCode: string;
		unitName: string;
		category: string;
		visitNo: number;
		followUp: boolean;
		/** a calibration round's sheet (docs/rules.md §9.1): outside every result */
		calibration?: boolean;
		plannedOn: string | null;
	};
	instrumentName: string;
	aspects: { code: string; name: string; indicators: SheetIndicatorView[] }[];
	status: 'not_started' | 'draft' | 'submitted';
	version: number;
	submittedAt: Date | null;
	editable: boolean;
	lockedReason: string | null;
	values: SheetValues;
	evidence: EvidenceView[];
}
