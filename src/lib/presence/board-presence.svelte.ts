/**
 * Presence on one open board, composed: who I am (name and colour, kept in this browser), my
 * activity, pointer, view and sector announced over awareness; others' cursors drawn on the map;
 * following another watcher. The page creates one, attaches the map when it exists, and reads
 * `channel.peers`, `self` and `follow` for the roster and the banner.
 */
import type L from 'leaflet';
import { CursorLayer } from '$lib/map/cursor-layer';
import type { BoardSession } from '$lib/sync/board-session.svelte';
import { setWatcherColour, watcherColour } from '$lib/presence/watcher-colour';
import { hasChosenName, setWatcherName } from '$lib/sync/watcher-name';
import { ActivityTracker } from './activity';
import { FollowController } from './follow.svelte';
import { PresenceChannel, type Peer } from './presence-channel.svelte';

export class BoardPresence {
	readonly channel: PresenceChannel;
	/** True until the watcher has picked a name (the first-visit prompt shows meanwhile). */
	needsName = $state(!hasChosenName());
	follow = $state<FollowController | null>(null);
	/** Whom we follow, while they are still here. */
	readonly followed: Peer | null = $derived.by(() => {
		const target = this.follow?.target ?? null;
		return target === null ? null : (this.channel.peers.find((peer) => peer.clientId === target) ?? null);
	});

	private readonly activity: ActivityTracker;
	private cursors: CursorLayer | null = null;
	private detachMap: (() => void) | null = null;

	constructor(private readonly session: BoardSession) {
		this.activity = new ActivityTracker((activity) => this.channel.setActivity(activity));
		const name = session.actor;
		this.channel = new PresenceChannel(session.provider.awareness, { name, colour: watcherColour(name) }, this.activity.activity);
	}

	get self() {
		return this.channel.self;
	}

	/** The watcher named themselves or picked a colour: kept in this browser, shown to everyone. */
	rename(name: string, colour: string): void {
		setWatcherName(name);
		setWatcherColour(colour);
		this.needsName = false;
		this.session.rename(name);
		this.channel.setIdentity({ name, colour });
	}

	setSector(sector: string | null): void {
		this.channel.setSector(sector);
	}

	/** Starts following a watcher (or stops, if it is the one already followed). */
	toggleFollow(clientId: number): void {
		const follow = this.follow;
		if (!follow) return;
		if (follow.target === clientId) follow.stop();
		else follow.start(clientId, this.channel.peer(clientId)?.view ?? null);
	}

	stopFollowing(): void {
		this.follow?.stop();
	}

	attachMap(map: L.Map): void {
		this.detachMap?.();
		const cursors = new CursorLayer().mount(map);
		const follow = new FollowController(map);
		// Leaflet gives longitudes beyond ±180° on a world copy (a zoomed-out map is wider than the
		// world); presence carries them wrapped, as presenceSchema (and so the server) requires.
		const publishView = () => {
			const { lat, lng } = map.wrapLatLng(map.getCenter());
			this.channel.setView({ lat, lng, zoom: map.getZoom() });
		};
		const onPointer = (event: L.LeafletMouseEvent) => {
			const { lat, lng } = map.wrapLatLng(event.latlng);
			this.channel.setCursor({ lat, lng });
		};
		const offMap = () => this.channel.setCursor(null);
		map.on('move zoomend', publishView);
		map.on('mousemove', onPointer);
		map.on('mouseout', offMap);
		publishView();
		this.cursors = cursors;
		this.follow = follow;
		this.detachMap = () => {
			map.off('move zoomend', publishView);
			map.off('mousemove', onPointer);
			map.off('mouseout', offMap);
			follow.destroy();
			cursors.destroy();
			this.cursors = null;
			this.follow = null;
		};
	}

	/** Redraws cursors and mirrors the followed view; the page calls it when peers change. */
	render(peers: readonly Peer[]): void {
		this.cursors?.update(
			peers.flatMap((peer) =>
				peer.cursor ? [{ clientId: peer.clientId, name: peer.name, colour: peer.colour, at: peer.cursor, faded: peer.activity !== 'active' }] : []
			)
		);
		const follow = this.follow;
		if (follow && follow.target !== null) {
			const followed = peers.find((peer) => peer.clientId === follow.target);
			if (!followed) follow.stop();
			else if (followed.view) follow.apply(followed.view);
		}
	}

	destroy(): void {
		this.detachMap?.();
		this.activity.destroy();
		this.channel.destroy();
	}
}
