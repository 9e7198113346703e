/**
 * Presence: what each watcher's Yjs awareness state carries (ephemeral, relayed by the server,
 * never persisted). Any peer can put anything in its awareness, so a receiver reads every state
 * through `readPresence` and ignores one that does not fit — it is never rendered.
 */
import { z } from 'zod';
import { actorName, hexColour, itemId, latLng } from '../model/common';
import { mapView } from '../model/meta';

/** active: using the board now; idle: the tab is open but untouched for a while; away: the tab is hidden. */
export const ACTIVITIES = ['active', 'idle', 'away'] as const;
export type Activity = (typeof ACTIVITIES)[number];

export const presenceSchema = z.object({
	name: actorName,
	colour: hexColour,
	activity: z.enum(ACTIVITIES),
	/** The sector this watcher has focused, or null for the whole board. */
	sector: itemId.nullable(),
	/** Where their pointer is on the map, or null when it is off the map. */
	cursor: latLng.nullable(),
	/** Their map's centre and zoom, so others can follow them. */
	view: mapView.nullable()
});
export type Presence = z.infer<typeof presenceSchema>;

/** The awareness field holding the presence (other fields of a state belong to other tools). */
export const PRESENCE_FIELD = 'presence';

/** A peer's presence from its raw awareness state, or null when it carries none that fits. */
export function readPresence(state: unknown): Presence | null {
	if (!state || typeof state !== 'object') return null;
	const parsed = presenceSchema.safeParse((state as Record<string, unknown>)[PRESENCE_FIELD]);
	return parsed.success ? parsed.data : null;
}

/**
 * The most an awareness state may weigh, in bytes of JSON; a heavier one is refused (4422). The
 * server relays every change of a state to every watcher of the board, so its size is multiplied by
 * the watchers and by the pointer rate. A typical presence is ~220 bytes and the largest our schema
 * allows ~670 (a 64-character name of escaped control characters, long ids and coordinates); 2 KiB
 * leaves room for another Yjs tool's small fields (a stock editor's user name and cursor) beside it.
 */
export const MAX_AWARENESS_STATE_BYTES = 2048;

/** How often a moving pointer is announced at most: smooth enough to follow, light on the wire. */
export const CURSOR_SEND_INTERVAL_MS = 80;

/**
 * Awareness client ids one connection may hold. A stock provider relays its sibling tabs' states
 * (BroadcastChannel) over its own socket, so a connection may carry a few ids besides its own; more
 * would let one socket show as a crowd. Of these at most one may carry a `presence` — one roster
 * entry and one cursor per connection (server/rooms/awareness-guard.ts).
 */
export const MAX_AWARENESS_CLIENTS_PER_CONNECTION = 4;
