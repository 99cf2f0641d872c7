import type { SubmitFunction } from '@sveltejs/kit';

/**
 * A form's "sending" state for `use:enhance`: the submit button is disabled from the click until
 * the answer is shown, so a second click does not send the form twice.
 */
export function busySubmit() {
	let busy = $state(false);
	const submit: SubmitFunction = () => {
		busy = true;
		return async ({ update }) => {
			await update();
			busy = false;
		};
	};
	return {
		get busy() {
			return busy;
		},
		submit
	};
}
