import type { SessionUser } from '$lib/server/auth/session';
import type { Session } from '$lib/server/db/schema';
import type { AppContext } from '$lib/server/app';

declare global {
	namespace App {
		interface Locals {
			user: SessionUser | null;
			session: Session | null;
			locale: 'vi' | 'en';
			/** The composition root's components (database, caches), set by hooks.server.ts. */
			app: AppContext;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
