/** One watcher's connection to a room: its socket, who it is, what it may do, and its delivery state. */
import type { Role } from '../../src/lib/protocol/access';
import type { Outgoing, RoomSocket } from './room-socket';

/**
 * Why a connection is not read: its board is still loading, its own queue is full, the room is
 * behind on logging, or its edit was refused while the log is down and it is about to be closed.
 */
export type InputHold = 'joining' | 'queue' | 'backlog' | 'refused';

export class Connection {
	/**
	 * Awareness client ids this connection owns (awareness-guard.ts): no other live connection may
	 * change them, and their states are removed when it leaves — even after it set them to null.
	 */
	readonly awarenessClients = new Set<number>();
	/**
	 * Since when (ms, performance.now) this receiver has been too far behind to be sent more, or
	 * null. Once its queue drains it gets one catch-up of the whole state (see delivery.ts) —
	 * never a silent loss, never an unbounded queue; if it never drains it is closed (4408).
	 */
	laggingSince: number | null = null;
	/** A sync reply is queued and not yet written: further asks wait, merged, in `pendingSyncAsk`. */
	syncReplyInFlight = false;
	/** The merged state vector of asks that arrived while a reply was in flight or the log was behind. */
	pendingSyncAsk: Uint8Array | null = null;
	closed = false;
	/**
	 * What this watcher may do; a viewer's updates are refused (room.ts). Mutable: an owner changing
	 * the board's mode changes what anonymous watchers may do while they are connected.
	 */
	role: Role = 'editor';
	/** The board token it joined with (null: anonymous or admin); revoking the token closes it. */
	tokenId: string | null = null;
	private readonly inputHolds = new Set<InputHold>();

	constructor(
		readonly socket: RoomSocket,
		/** The name recorded with every change this connection makes. */
		readonly actor: string | null
	) {}

	get lagging(): boolean {
		return this.laggingSince !== null;
	}

	/** Sends without any check: callers go through Delivery.send, which checks the queue. */
	sendUnchecked(message: Outgoing, onWritten?: () => void): void {
		if (!this.closed) this.socket.send(message, onWritten);
	}

	/** Stops reading this connection until every hold is released. */
	holdInput(hold: InputHold): void {
		if (this.inputHolds.size === 0) this.socket.pauseInput();
		this.inputHolds.add(hold);
	}

	releaseInput(hold: InputHold): void {
		if (!this.inputHolds.delete(hold) || this.inputHolds.size > 0 || this.closed) return;
		this.socket.resumeInput();
	}

	isHeld(hold: InputHold): boolean {
		return this.inputHolds.has(hold);
	}

	close(code: number, reason: string): void {
		if (this.closed) return;
		this.closed = true;
		this.socket.close(code, reason);
		// The closing handshake needs the peer's close frame read; what else it sends is ignored.
		if (this.inputHolds.size > 0) {
			this.inputHolds.clear();
			this.socket.resumeInput();
		}
	}
}
