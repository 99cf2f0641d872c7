import { enhance } from '$app/forms';
import { goto } from '$app/navigation';

/**
 * Progressive enhancement for the review forms: after a resolution the page reloads its data
 * where the reader is, instead of jumping to the top. Without JavaScript the redirect's
 * `#grup-…` anchor brings the reader back to the same group.
 */
export function stayInPlace(form: HTMLFormElement) {
	return enhance(form, () => async ({ result, update }) => {
		if (result.type === 'redirect')
			await goto(result.location, { invalidateAll: true, noScroll: true, keepFocus: true });
		else await update({ reset: false });
	});
}
