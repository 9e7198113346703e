/** Board-wide settings in the `meta` map: a title, a description and the view a newcomer opens on. */
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

/** Keys of the `meta` map and the schema of each value; unknown keys are not part of the model. */
export const metaFields = {
	/** Shown in every watcher's board list: one plain line (plain-text.ts), checked before trimming. */
	title: plainLine().trim().min(1).max(LIMITS.boardTitleLength),
	description: z.string().max(LIMITS.noteLength),
	homeView: mapView
} as const;
export type MetaKey = keyof typeof metaFields;

/**
 * Meta keys a board cannot do without once set: the board list mirrors `title` (board-directory.ts),
 * so a document without one would disagree with the list. The content validator refuses their deletion.
 */
export const REQUIRED_META_KEYS: ReadonlySet<MetaKey> = new Set(['title']);
export type BoardMeta = { [K in MetaKey]?: z.infer<(typeof metaFields)[K]> };
