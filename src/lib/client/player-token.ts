/**
 * The player token is the only way back into a game after a drop or a reload, so it lives in
 * localStorage (one entry per PIN). Everything here tolerates private mode and full storage.
 */
const PREFIX = 'chuongvang:player:';
/** Tokens older than this are forgotten (a PIN may be reused by a later game). */
const TOKEN_TTL_MS = 24 * 60 * 60 * 1000;

export interface StoredPlayer {
	token: string;
	nickname: string;
	savedAt: number;
}

export function loadPlayer(pin: string): StoredPlayer | null {
	try {
		const raw = localStorage.getItem(PREFIX + pin);
		if (!raw) return null;
		const parsed = JSON.parse(raw) as Partial<StoredPlayer>;
		if (typeof parsed.token !== 'string' || typeof parsed.nickname !== 'string') return null;
		if (Date.now() - (parsed.savedAt ?? 0) > TOKEN_TTL_MS) {
			forgetPlayer(pin);
			return null;
		}
		return { token: parsed.token, nickname: parsed.nickname, savedAt: parsed.savedAt ?? 0 };
	} catch {
		return null;
	}
}

export function savePlayer(pin: string, token: string, nickname: string): void {
	try {
		localStorage.setItem(
			PREFIX + pin,
			JSON.stringify({ token, nickname, savedAt: Date.now() } satisfies StoredPlayer)
		);
	} catch {
		// Private mode: the game still works until the page is closed.
	}
}

export function forgetPlayer(pin: string): void {
	try {
		localStorage.removeItem(PREFIX + pin);
	} catch {
		// nothing to forget
	}
}

/** Per-tab memory of things the server does not repeat on rejoin (the question text during a reveal, the answer sent). */
export function remember(key: string, value: unknown): void {
	try {
		sessionStorage.setItem(PREFIX + key, JSON.stringify(value));
	} catch {
		// best effort
	}
}

export function recall<T>(key: string): T | null {
	try {
		const raw = sessionStorage.getItem(PREFIX + key);
		return raw ? (JSON.parse(raw) as T) : null;
	} catch {
		return null;
	}
}
