/**
 * What a room tells the other servers of its board in cluster mode (server/cluster/ carries it
 * over Redis). Rooms know no Redis: on one server there are no peers and nothing is sent.
 */
import type { LoggedUpdate } from '../storage/storage';

export interface RoomPeers {
	/** Entries this room has just made durable, with the seqs the log gave them. */
	logged(boardId: string, entries: readonly LoggedUpdate[]): void;
	/** A presence change made on this server (its own watchers'), for the others to relay. */
	awareness(boardId: string, update: Uint8Array): void;
}
