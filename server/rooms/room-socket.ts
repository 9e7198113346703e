/**
 * The least a room needs of a connection. The ws transport adapts a WebSocket to it; tests use an
 * in-memory pair (tests/helpers/memory-socket.ts), so room logic is tested without a network.
 */
export interface RoomSocket {
	/** Queues a message; `onWritten` runs once it has left the queue (written to the network or dropped on close). */
	send(message: Outgoing, onWritten?: () => void): void;
	close(code: number, reason: string): void;
	/** Bytes queued but not yet written to the network: how far behind this receiver is. */
	readonly bufferedAmount: number;
	/** Stop reading this peer's frames (TCP back-pressure reaches the sender); frames already read still arrive. */
	pauseInput(): void;
	resumeInput(): void;
}

/**
 * One message that goes alike to many receivers (a broadcast change, a presence relay). Framing
 * it once for all is most of what a fan-out can save: the transport frames it for the first
 * receiver, keeps the frame here, and writes the same bytes to every other one.
 */
export class SharedMessage {
	/** The transport's framing of `bytes`, made at the first send and reused by the rest. */
	framed: Uint8Array | null = null;
	constructor(readonly bytes: Uint8Array) {}
}

/** What a room sends: bytes for one receiver, or a message shared by many. */
export type Outgoing = Uint8Array | SharedMessage;

export function bytesOf(message: Outgoing): Uint8Array {
	return message instanceof SharedMessage ? message.bytes : message;
}
