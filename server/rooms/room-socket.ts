/**
 * The least a room needs of a connection. The ws transport adapts a WebSocket to it; tests use an
 * in-memory pair (tests/helpers/memory-socket.ts), so room logic is tested without a network.
 */
export interface RoomSocket {
	/** Queues a message; `onWritten` runs once it has left the queue (written to the network or dropped on close). */
	send(message: Uint8Array, onWritten?: () => void): void;
	close(code: number, reason: string): void;
	/** Bytes queued but not yet written to the network: how far behind this receiver is. */
	readonly bufferedAmount: number;
	/** Stop reading this peer's frames (TCP back-pressure reaches the sender); frames already read still arrive. */
	pauseInput(): void;
	resumeInput(): void;
}
