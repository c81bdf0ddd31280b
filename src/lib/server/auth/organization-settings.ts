import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { organization } from '../db/schema';
import { DEFAULT_TIME_ZONE, isTimeZone } from '../../practice/format';

/** Time zones offered in the settings form: this runtime's IANA list, Vietnam's first. */
export function timeZoneChoices(): string[] {
	const all =
		typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
	return [DEFAULT_TIME_ZONE, ...all.filter((z) => z !== DEFAULT_TIME_ZONE)];
}

/** Set the organization's time zone; false (nothing changed) when the zone is unknown. */
export async function setOrganizationTimeZone(
	db: Db,
	organizationId: number,
	timeZone: string
): Promise<boolean> {
	if (!isTimeZone(timeZone)) return false;
	await db.update(organization).set({ timeZone }).where(eq(organization.id, organizationId));
	return true;
}
