// The sheet's sticky bar changes height with what it shows (a save-state line while a sheet can be
// edited, none once it is submitted; wrapped text on a narrow phone). The sticky aspect headings
// sit right under it (AspectHead.svelte reads --sheet-bar-height): with a fixed guess, a strip of
// the card behind showed between the two on a submitted sheet.

/** Svelte action: keeps --sheet-bar-height on the document equal to the element's height. */
export function sheetBarHeight(node: HTMLElement): { destroy: () => void } {
	const root = document.documentElement;
	const publish = () => root.style.setProperty('--sheet-bar-height', `${node.offsetHeight}px`);
	const observer = new ResizeObserver(publish);
	observer.observe(node);
	publish();
	return {
		destroy() {
			observer.disconnect();
			root.style.removeProperty('--sheet-bar-height');
		}
	};
}
