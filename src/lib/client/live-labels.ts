/** Names of live-game modes, scorings, statuses and hidden fields in the reader's language. */
import { m } from '$lib/paraglide/messages.js';

export function modeLabel(mode: string): string {
	if (mode === 'teams') return m.live_mode_teams();
	if (mode === 'elimination') return m.live_mode_elimination();
	return m.live_mode_classic();
}

export function statusLabel(status: string): string {
	if (status === 'lobby') return m.live_status_lobby();
	if (status === 'running') return m.live_status_running();
	return m.live_status_ended();
}

export function scoringLabel(scoring: string): string {
	if (scoring === 'speed') return m.live_scoring_speed();
	if (scoring === 'accuracy') return m.live_scoring_accuracy();
	return m.live_scoring_speed_streak();
}

export function hiddenFieldLabel(field: string): string {
	if (field === 'fullName') return m.live_field_full_name();
	if (field === 'unit') return m.live_field_unit();
	return m.live_field_phone();
}

export function playerStatusLabel(status: string): string {
	if (status === 'eliminated') return m.live_pstatus_eliminated();
	if (status === 'spectator') return m.live_pstatus_spectator();
	if (status === 'kicked') return m.live_pstatus_kicked();
	if (status === 'finished') return m.liveday_pstatus_finished();
	if (status === 'left') return m.liveday_pstatus_left();
	return m.live_pstatus_active();
}

/**
 * Why an elimination player stands where they do (the mode ranks by survival before score):
 * still in, or the round they went out on. Null outside elimination mode.
 */
export function survivalLabel(entry: { status: string; eliminatedRound: number | null }): string {
	if (entry.status === 'active') return m.liveday_still_in();
	return m.liveday_out_at({ round: entry.eliminatedRound ?? 0 });
}
