/** One watcher's connection to a room: its socket, who it is, what it may do, and its delivery state. */
import type { Role } from '../../src/lib/protocol/access';
import type { RoomSocket } from './room-socket';

export class Connection {
	/**
	 * Awareness client ids this connection owns (awareness-guard.ts): no other live connection may
	 * change them, and their states are removed when it leaves — even after it set them to null.
	 */
	readonly awarenessClients = new Set<number>();
	/**
	 * Set while this receiver is too far behind to be sent more. Once its buffer drains it gets
	 * one merged catch-up (see delivery.ts) — never a silent loss, never an unbounded buffer.
	 */
	lagging = false;
	closed = false;
	/**
	 * What this watcher may do; a viewer's updates are refused (room.ts). Mutable: an owner changing
	 * the board's mode changes what anonymous watchers may do while they are connected.
	 */
	role: Role = 'editor';
	/** The board token it joined with (null: anonymous or admin); revoking the token closes it. */
	tokenId: string | null = null;

	constructor(
		readonly socket: RoomSocket,
		/** The name recorded with every change this connection makes. */
		readonly actor: string | null
	) {}

	send(message: Uint8Array): void {
		if (!this.closed) this.socket.send(message);
	}

	close(code: number, reason: string): void {
		if (this.closed) return;
		this.closed = true;
		this.socket.close(code, reason);
	}
}
