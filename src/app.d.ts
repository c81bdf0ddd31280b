import type { SessionUser } from '$lib/server/auth/session';
import type { Session } from '$lib/server/db/schema';

declare global {
	namespace App {
		interface Locals {
			user: SessionUser | null;
			session: Session | null;
			locale: 'vi' | 'en';
		}
		interface Error {
			message: string;
		}
	}
}

export {};
