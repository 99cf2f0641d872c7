// Outcome of a use-case that a route turns into fail(status, ...) or a redirect.
export type ServiceResult<T = void> =
	{ ok: true; value: T } | { ok: false; status: 400 | 403 | 404 | 409; message: string };

export const ok = <T>(value: T): ServiceResult<T> => ({ ok: true, value });
export const refuse = (status: 400 | 403 | 404 | 409, message: string): ServiceResult<never> => ({
	ok: false,
	status,
	message
});
