/** Typed contexts handing the page's live-game object down to its components. */
import { createContext } from 'svelte';
import type { HostGame } from './host-game.svelte';
import type { PlayerGame } from './player-game.svelte';

export const [getHostGame, setHostGame] = createContext<HostGame>();
export const [getPlayerGame, setPlayerGame] = createContext<PlayerGame>();
