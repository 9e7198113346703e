/**
 * "Since you last looked", shown on the board: the tracker learns when the watcher is watching
 * (live board, not a replay), the switcher gets each sector's unread and quiet flags, and the map
 * gets halos on what is new or changed. Nothing of it is shown while replaying the past.
 */
import type L from 'leaflet';
import { QUIET_AFTER_MS } from '$lib/attention/attention-config';
import { sectorAttention } from '$lib/attention/sector-attention';
import { SinceHighlightLayer, type HighlightMark } from '$lib/map/since-highlight-layer';
import type { BoardMapHandle } from './board-map-handle.svelte';
import type { BoardSelection } from './board-selection.svelte';
import type { BoardServices } from './board-services.svelte';
import type { LiveOrReplay } from './live-or-replay.svelte';

/** Replay shows the past as it was: no halos. */
const NO_MARKS: ReadonlyMap<string, HighlightMark> = new Map();

export class SinceOnBoard {
	/** Unread counts and quiet flags per sector, for the sector switcher's badges. */
	readonly sectorFlags = $derived.by(() => {
		if (this.shown.replaying) return new Map();
		const { session, attention } = this.services;
		return sectorAttention({
			sectors: session.sectors,
			pins: session.pins,
			fronts: session.fronts,
			reports: session.reports,
			views: attention.sectorViews,
			now: attention.now,
			quietAfterMs: QUIET_AFTER_MS,
			watching: this.selection.focusedSector,
			self: session.actor
		});
	});
	private highlights = $state<SinceHighlightLayer | null>(null);

	/** Must run during a component's setup: it registers effects. */
	constructor(
		private readonly services: BoardServices,
		private readonly shown: LiveOrReplay,
		private readonly selection: BoardSelection,
		mapHandle: BoardMapHandle
	) {
		const { session, attention } = services;
		$effect(() => attention.setWatching(session.connection === 'live' && !shown.replaying && !session.notFound));
		$effect(() => this.mountHalos(mapHandle.map));
		$effect(() => {
			this.highlights?.update({
				marks: shown.replaying ? NO_MARKS : attention.marks,
				pins: selection.visiblePins,
				fronts: shown.view.fronts,
				reports: shown.shownReports,
				sectors: shown.view.sectors
			});
		});
	}

	/** The halos live on the map while it exists; returns their teardown. */
	private mountHalos(map: L.Map | null): (() => void) | undefined {
		if (!map) return;
		const layer = new SinceHighlightLayer().mount(map);
		this.highlights = layer;
		return () => {
			this.highlights = null;
			layer.destroy();
		};
	}
}
