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
