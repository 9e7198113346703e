/**
 * This watcher's presence on a board, over the Yjs provider's awareness: publishes our own state
 * (pointer and view throttled) and keeps a reactive, validated list of the other watchers here.
 * Awareness is ephemeral — the server relays it and forgets a connection's states when it leaves.
 */
import type { Awareness } from 'y-protocols/awareness';
import type { LatLng } from '$lib/model/common';
import type { MapView } from '$lib/model/meta';
import { CURSOR_SEND_INTERVAL_MS, PRESENCE_FIELD, presenceSchema, readPresence, type Activity, type Presence } from '$lib/protocol/presence';
import { throttleLatest } from './throttle';

/** Another watcher on the board: their presence and their awareness client id. */
export interface Peer extends Presence {
	clientId: number;
}

export class PresenceChannel {
	/** Everyone else here with a valid presence, in a stable order (by name, then id). */
	peers = $state.raw<Peer[]>([]);
	/** What we announce; the roster shows it as "you". */
	self = $state.raw<Presence>({ name: '', colour: '#000000', activity: 'active', sector: null, cursor: null, view: null });

	private readonly sendCursor = throttleLatest<LatLng | null>((cursor) => this.publish({ cursor }), CURSOR_SEND_INTERVAL_MS);
	private readonly sendView = throttleLatest<MapView>((view) => this.publish({ view }), CURSOR_SEND_INTERVAL_MS);

	constructor(
		private readonly awareness: Awareness,
		identity: { name: string; colour: string },
		activity: Activity
	) {
		this.self = { ...identity, activity, sector: null, cursor: null, view: null };
		this.announce();
		awareness.on('change', this.refreshPeers);
		this.refreshPeers();
		// Leave the roster at once when the tab goes, not when the socket times out.
		window.addEventListener('pagehide', this.leave);
		window.addEventListener('pageshow', this.rejoin);
	}

	get clientId(): number {
		return this.awareness.clientID;
	}

	setIdentity(identity: { name: string; colour: string }): void {
		this.publish(identity);
	}
	setActivity(activity: Activity): void {
		if (activity !== this.self.activity) this.publish({ activity });
	}
	setSector(sector: string | null): void {
		if (sector !== this.self.sector) this.publish({ sector });
	}
	setCursor(cursor: LatLng | null): void {
		this.sendCursor.push(cursor);
	}
	setView(view: MapView): void {
		this.sendView.push(view);
	}

	peer(clientId: number): Peer | undefined {
		return this.peers.find((peer) => peer.clientId === clientId);
	}

	destroy(): void {
		this.sendCursor.cancel();
		this.sendView.cancel();
		window.removeEventListener('pagehide', this.leave);
		window.removeEventListener('pageshow', this.rejoin);
		this.awareness.off('change', this.refreshPeers);
		this.leave();
	}

	private publish(change: Partial<Presence>): void {
		this.self = { ...this.self, ...change };
		if (this.awareness.getLocalState() !== null) this.announce();
	}

	/**
	 * Puts our presence in the awareness state, but only if it fits presenceSchema: the server
	 * closes a connection that announces one that does not (4422), so a value that slipped out of
	 * range must cost this watcher one presence update, not the board.
	 */
	private announce(): void {
		if (!presenceSchema.safeParse(this.self).success) return;
		this.awareness.setLocalState({ ...this.awareness.getLocalState(), [PRESENCE_FIELD]: this.self });
	}

	private readonly leave = () => {
		this.awareness.setLocalState(null);
	};

	/** Back from the back/forward cache: announce ourselves again. */
	private readonly rejoin = () => {
		if (this.awareness.getLocalState() === null) this.announce();
	};

	private readonly refreshPeers = () => {
		const peers: Peer[] = [];
		for (const [clientId, state] of this.awareness.getStates()) {
			if (clientId === this.awareness.clientID) continue;
			const presence = readPresence(state);
			if (presence) peers.push({ ...presence, clientId });
		}
		peers.sort((a, b) => a.name.localeCompare(b.name) || a.clientId - b.clientId);
		this.peers = peers;
	};
}
