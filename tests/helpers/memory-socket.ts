/**
 * A deterministic in-memory RoomSocket: records what the room sent and how it closed, so room
 * logic is tested without a network. `bufferedAmount` is settable to simulate a slow receiver.
 */
import * as Y from 'yjs';
import type { RoomSocket } from '../../server/rooms/room-socket';
import { decodeMessage } from '../../server/rooms/sync-messages';

export class MemorySocket implements RoomSocket {
	readonly sent: Uint8Array[] = [];
	closedWith: { code: number; reason: string } | null = null;
	bufferedAmount = 0;

	send(message: Uint8Array): void {
		if (!this.closedWith) this.sent.push(message);
	}

	close(code: number, reason: string): void {
		this.closedWith ??= { code, reason };
	}

	/** Applies every document update this socket received to a fresh replica. */
	replica(): Y.Doc {
		const doc = new Y.Doc();
		for (const message of this.sent) {
			const decoded = decodeMessage(message);
			if (decoded.type === 'update') Y.applyUpdate(doc, decoded.update);
		}
		return doc;
	}
}
