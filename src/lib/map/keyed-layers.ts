/**
 * Keeps one Leaflet layer per board record in step with the records: a record whose object and
 * variant (selected, focused…) are unchanged keeps its layer; a changed one is redrawn; a gone one
 * is removed. The sector, report and front layers all draw this way.
 */
import type L from 'leaflet';

interface Entry<T, V> {
	item: T;
	variant: V;
	layer: L.Layer;
}

export class KeyedLayers<T extends { id: string }, V> {
	private readonly entries = new Map<string, Entry<T, V>>();

	constructor(
		private readonly group: L.LayerGroup,
		private readonly render: (item: T, variant: V) => L.Layer
	) {}

	/** Brings the layers in line with `items`; `skip` leaves a record undrawn (e.g. a report without a place). */
	sync(items: readonly T[], variantOf: (item: T) => V, skip: (item: T) => boolean = () => false): void {
		const seen = new Set<string>();
		for (const item of items) {
			if (skip(item)) continue;
			seen.add(item.id);
			const variant = variantOf(item);
			const entry = this.entries.get(item.id);
			if (entry && entry.item === item && entry.variant === variant) continue;
			this.put(item, variant);
		}
		for (const [id, entry] of this.entries) {
			if (seen.has(id)) continue;
			this.group.removeLayer(entry.layer);
			this.entries.delete(id);
		}
	}

	/** Redraws the records matching `which` (e.g. arrows, whose heads are sized in pixels, on zoom). */
	redraw(which: (item: T) => boolean): void {
		for (const entry of [...this.entries.values()]) if (which(entry.item)) this.put(entry.item, entry.variant);
	}

	get(id: string): { item: T; layer: L.Layer } | undefined {
		return this.entries.get(id);
	}

	/** Puts the group on the map: the owning layer's `mount`. */
	addTo(map: L.Map): void {
		this.group.addTo(map);
	}

	/** Clears and takes the group off the map: the owning layer's `destroy`. */
	remove(): void {
		this.clear();
		this.group.remove();
	}

	clear(): void {
		this.group.clearLayers();
		this.entries.clear();
	}

	private put(item: T, variant: V): void {
		const previous = this.entries.get(item.id);
		if (previous) this.group.removeLayer(previous.layer);
		const layer = this.render(item, variant);
		this.group.addLayer(layer);
		this.entries.set(item.id, { item, variant, layer });
	}
}
