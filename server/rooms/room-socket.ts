/**
 * The least a room needs of a connection. The ws transport adapts a WebSocket to it; tests use an
 * in-memory pair (tests/helpers/memory-socket.ts), so room logic is tested without a network.
 */
export interface RoomSocket {
	send(message: Uint8Array): void;
	close(code: number, reason: string): void;
	/** Bytes queued but not yet written to the network: how far behind this receiver is. */
	readonly bufferedAmount: number;
}
