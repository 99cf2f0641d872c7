import type { SessionUser } from '$lib/domain/auth/user';

declare global {
	namespace App {
		interface Locals {
			user: SessionUser | null;
			sessionId: string | null;
			/** a session cookie came with the request but the session had ended */
			sessionExpired: boolean;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
