/**
 * What the watcher is looking at: the selected pin, front or report, and the focused sector.
 * Selecting marks the item seen and flies the map to it; focusing a sector narrows the lists to it
 * and flies to its area, while the map keeps the pins outside it, faint, because the neighbouring
 * towns give a sector its meaning (`hideOutsideFocus` hides them instead). Leaving focus ("All
 * sectors") returns to the board's home view. Items are looked up in the shown board (live or replay).
 */
import type { AttentionTracker } from '$lib/attention/attention-tracker.svelte';
import type { Selection } from '$lib/map/board-layers';
import { COLLECTION_OF } from '$lib/model/geojson';
import type { BoardSession } from '$lib/sync/board-session.svelte';
import type { ChangeCollection } from '$lib/protocol/history';
import { flyToItem, sectorBounds } from './board-view';
import type { BoardMapHandle } from './board-map-handle.svelte';
import type { LiveOrReplay } from './live-or-replay.svelte';

export class BoardSelection {
	current = $state<Selection>(null);
	focusedSector = $state<string | null>(null);
	/** The setting to hide, rather than dim, what lies outside the focused sector. */
	hideOutsideFocus = $state(false);

	readonly visiblePins = $derived.by(() => this.inSector(this.shown.view.pins));
	/** The map's pins: all of them (those outside the focus are dimmed there) unless hiding is chosen. */
	readonly mapPins = $derived.by(() => (this.hideOutsideFocus ? this.visiblePins : this.shown.view.pins));
	readonly selectedFront = $derived.by(() => (this.current?.kind === 'front' ? this.shown.view.fronts.find((front) => front.id === this.current?.id) : undefined));
	readonly selectedPin = $derived.by(() => (this.current?.kind === 'pin' ? this.shown.view.pins.find((pin) => pin.id === this.current?.id) : undefined));
	readonly selectedReport = $derived.by(() => (this.current?.kind === 'report' ? this.shown.view.reports.find((entry) => entry.id === this.current?.id) : undefined));
	/** The live record of the focused sector (its watchers are edited live only). */
	readonly focusedSectorRecord = $derived.by(() => (this.focusedSector ? this.session.sectors.find((sector) => sector.id === this.focusedSector) : undefined));

	constructor(
		private readonly shown: LiveOrReplay,
		private readonly session: BoardSession,
		private readonly attention: AttentionTracker,
		private readonly mapHandle: BoardMapHandle,
		/** Selecting from a list or the map drops a half-made pin. */
		private readonly onselect: () => void
	) {}

	/** What the map draws of `items`: all (those outside the focus dimmed there), unless hiding is chosen. */
	forMap<T extends { sector?: string }>(items: T[]): T[] {
		return this.hideOutsideFocus ? this.inSector(items) : items;
	}

	/** Only the focused sector's items, when one is focused. */
	inSector<T extends { sector?: string }>(items: T[]): T[] {
		const focused = this.focusedSector;
		return focused ? items.filter((item) => item.sector === focused) : items;
	}

	select = (next: Selection): void => {
		this.current = next;
		if (next) this.attention.seen(COLLECTION_OF[next.kind], next.id);
		this.onselect();
		const { map, layers } = this.mapHandle;
		if (next && map && layers) flyToItem(map, layers, next, this.session);
	};

	focusSector = (id: string | null): void => {
		this.focusedSector = id;
		this.attention.focusSector(id);
		const bounds = id ? sectorBounds(this.shown.view.sectors.find((sector) => sector.id === id)) : null;
		if (bounds && this.mapHandle.map) this.mapHandle.map.flyToBounds(bounds, { padding: [30, 30], duration: 0.8 });
		else if (id === null) this.mapHandle.flyHome(this.session.meta.homeView);
	};

	/** Marks a changed item (change list, since panel); with `fly`, selects it as a click would. */
	highlight = ({ collection, itemId }: { collection: ChangeCollection; itemId: string }, fly = false): void => {
		const kind = collection === 'pins' ? 'pin' : collection === 'fronts' ? 'front' : collection === 'reports' ? 'report' : null;
		if (kind && fly) this.select({ kind, id: itemId });
		else if (kind) this.current = { kind, id: itemId };
	};

	/** Opens what the since panel lists: the item (and flies there), or a sector's view. */
	openSince = (collection: ChangeCollection, id: string): void => {
		if (collection === 'sectors') {
			this.attention.seen('sectors', id);
			this.focusSector(id);
		} else this.highlight({ collection, itemId: id }, true);
	};
}
