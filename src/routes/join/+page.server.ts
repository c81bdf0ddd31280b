import { redirect } from '@sveltejs/kit';
import { PIN_PATTERN } from '$lib/protocol';
import type { PageServerLoad } from './$types';

/** The home page's PIN form GETs here: a well-formed PIN goes straight to its join page. */
export const load = (({ url }) => {
	const pin = (url.searchParams.get('pin') ?? '').replace(/\s+/g, '');
	if (PIN_PATTERN.test(pin)) redirect(303, `/join/${pin}`);
	// The typed value comes back into the field (at most 6 characters, as the field allows).
	return { invalid: url.searchParams.has('pin'), pin: pin.slice(0, 6) };
}) satisfies PageServerLoad;
