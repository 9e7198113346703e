/**
 * How the board keeps a watcher's attention: the one place these times are set.
 * - SAVE_VISIT_EVERY_MS: while a watcher is on a board (tab visible, connection live), their
 *   last-visit time and the viewed time of the sector they watch are saved this often, as well as
 *   when the tab is hidden or left — so a crash or a closed laptop loses at most this much.
 * - RETURN_AFTER_MS: a tab left open but hidden this long counts as a return when shown again.
 * - QUIET_AFTER_MS: a sector with no change for this long while another sector changed within
 *   it is shown as quiet.
 * - ATTENTION_TICK_MS: how often "3 h ago" and quiet are re-read.
 */
export const SAVE_VISIT_EVERY_MS = 60_000;
export const RETURN_AFTER_MS = 10 * 60_000;
export const QUIET_AFTER_MS = 30 * 60_000;
export const ATTENTION_TICK_MS = 30_000;

/** localStorage keys, per board. */
export const LAST_VISIT_KEY = (boardId: string) => `situation-board:last-visit:${boardId}`;
export const SECTOR_VIEWS_KEY = (boardId: string) => `situation-board:sector-views:${boardId}`;
