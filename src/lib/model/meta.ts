/**
 * Board-wide settings in the `meta` map: a title, a description, the view a newcomer opens on,
 * and, on a fork, where it was forked from.
 */
import { z } from 'zod';
import { latitude, longitude } from './common';
import { LIMITS } from './limits';
import { plainLine } from './plain-text';

export const mapView = z.object({
	lat: latitude,
	lng: longitude,
	zoom: z.number().min(0).max(20)
});
export type MapView = z.infer<typeof mapView>;

const boardTitle = plainLine().trim().min(1).max(LIMITS.boardTitleLength);

/**
 * Where a fork came from: the source board, its title when forked (so the fork can name it even
 * after the source is renamed or gone; absent on forks made before it was kept), and the moment
 * copied — the source log's sequence number and that update's time (null: before the first).
 */
export const forkedFrom = z.object({
	boardId: z.string().min(1).max(64),
	title: boardTitle.optional(),
	seq: z.number().int().nonnegative(),
	at: z.number().int().nonnegative().nullable()
});
export type ForkedFrom = z.infer<typeof forkedFrom>;

/** Keys of the `meta` map and the schema of each value; unknown keys are not part of the model. */
export const metaFields = {
	/** Shown in every watcher's board list: one plain line (plain-text.ts), checked before trimming. */
	title: boardTitle,
	description: z.string().max(LIMITS.noteLength),
	homeView: mapView,
	/** Written once, by the server, when the board is made as a fork (server/history/fork.ts). */
	forkedFrom
} as const;
export type MetaKey = keyof typeof metaFields;
export const FORKED_FROM_KEY = 'forkedFrom' satisfies MetaKey;

/**
 * Meta keys a board cannot do without once set: the board list mirrors `title` (board-directory.ts),
 * so a document without one would disagree with the list. The content validator refuses their deletion.
 */
export const REQUIRED_META_KEYS: ReadonlySet<MetaKey> = new Set(['title']);
export type BoardMeta = { [K in MetaKey]?: z.infer<(typeof metaFields)[K]> };
