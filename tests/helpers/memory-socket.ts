/**
 * A deterministic in-memory RoomSocket: records what the room sent and how it closed, so room
 * logic is tested without a network. `bufferedAmount` is settable to simulate a slow receiver;
 * with `holdWrites` set, write callbacks wait until `flushWrites()` (a reply still in the queue).
 */
import * as Y from 'yjs';
import { bytesOf, type Outgoing, type RoomSocket } from '../../server/rooms/room-socket';
import { decodeMessage } from '../../server/rooms/sync-messages';

export class MemorySocket implements RoomSocket {
	readonly sent: Uint8Array[] = [];
	closedWith: { code: number; reason: string } | null = null;
	bufferedAmount = 0;
	/** Whether the room stopped reading this socket. */
	inputPaused = false;
	holdWrites = false;
	private readonly unwritten: (() => void)[] = [];

	send(message: Outgoing, onWritten?: () => void): void {
		if (this.closedWith) return;
		this.sent.push(bytesOf(message));
		if (!onWritten) return;
		if (this.holdWrites) this.unwritten.push(onWritten);
		else queueMicrotask(onWritten);
	}

	/** The queued messages are written: their callbacks run. */
	flushWrites(): void {
		for (const onWritten of this.unwritten.splice(0)) onWritten();
	}

	pauseInput(): void {
		this.inputPaused = true;
	}

	resumeInput(): void {
		this.inputPaused = false;
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
