/**
 * An awareness frame written by hand, as a client (honest or not) could send it: one entry per
 * [client id, clock, state] — any id, any clock, any JSON state, null for "left".
 */
import { encodeAwarenessUpdate } from '../../server/rooms/awareness-update';
import { encodeAwareness } from '../../server/rooms/sync-messages';

export type AwarenessFrameEntry = [clientId: number, clock: number, state: unknown];

export function awarenessFrame(...entries: AwarenessFrameEntry[]): Uint8Array {
	return encodeAwareness(
		encodeAwarenessUpdate(entries.map(([clientId, clock, state]) => {
			const json = JSON.stringify(state);
			return { clientId, clock, state, json, bytes: new TextEncoder().encode(json).length };
		}))
	);
}
