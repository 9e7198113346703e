/**
 * The page's handle on its Leaflet map: the run-time tile setting the map waits for, the map and
 * its layers once created, and the moves the page makes (the board's home view, searched places).
 * The map exists only after `BoardMap` mounts, so everything here copes with it being absent.
 */
import type L from 'leaflet';
import type { BoardLayers } from '$lib/map/board-layers';
import type { MapView } from '$lib/model/meta';
import type { BoardSession } from '$lib/sync/board-session.svelte';
import { fetchRuntimeConfig } from '$lib/api/config-client';
import { showHome } from '$lib/map/home-view';

/** Where a board opens before its own home view has arrived: the Ukraine theatre. */
export const THEATRE: MapView = { lat: 48.6, lng: 35.5, zoom: 6 };
/** A searched place is shown at least this close. */
const SEARCH_ZOOM = 10;

export class BoardMapHandle {
	map = $state<L.Map | null>(null);
	layers: BoardLayers | null = null;
	tileUrl = $state<string | null>(null);
	/** The map is created only once the tile setting is known. */
	configLoaded = $state(false);
	private viewApplied = false;

	/**
	 * Must run during a component's setup: it registers an effect. `fitHome`: whether the home
	 * view's area is fitted to the map (a phone) rather than its zoom copied (map/home-view.ts).
	 */
	constructor(
		session: BoardSession,
		private readonly fitHome: () => boolean = () => false
	) {
		fetchRuntimeConfig().then((config) => {
			this.tileUrl = config.tileUrl;
			this.configLoaded = true;
		});
		// The board's own home view, once, unless the watcher has already moved the map.
		$effect(() => {
			const home = session.meta.homeView;
			if (!this.map || !home || this.viewApplied) return;
			this.viewApplied = true;
			showHome(this.map, home, { fit: this.fitHome(), animate: false });
		});
	}

	attach(map: L.Map, layers: BoardLayers): void {
		this.map = map;
		this.layers = layers;
	}

	/** Back to the board's home view (the theatre when it has none). */
	flyHome(home: MapView | undefined): void {
		if (this.map) showHome(this.map, home ?? THEATRE, { fit: this.fitHome(), animate: true });
	}

	flyToPlace(place: { lat: number; lng: number }): void {
		this.map?.flyTo([place.lat, place.lng], Math.max(this.map.getZoom(), SEARCH_ZOOM), { duration: 0.8 });
	}

	/** After an import: everything it added in view. */
	flyToPoints(points: [number, number][]): void {
		if (points.length > 0) this.map?.flyToBounds(points, { padding: [40, 40], maxZoom: 11, duration: 0.8 });
	}
}
