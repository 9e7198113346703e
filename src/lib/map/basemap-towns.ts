/**
 * Town dots and names for the basemap. Which towns show depends on zoom and rank (big cities from
 * far out, small towns only close in). Each label tries the right of its dot, then the left, above
 * and below; a town whose label would overlap a bigger town's is left out. Placement is computed
 * once per zoom level for all towns, not per view, so labels do not come and go while panning.
 * Labels are non-interactive div markers in the basemap's label pane: a few hundred at most.
 */
import L from 'leaflet';
import type { Feature, Point } from 'geojson';
import { townDotSize, townFont, townMargin, townMinZoom } from './basemap-style';

export interface TownProperties {
	name: string;
	population: number;
	rank: number;
	country?: string;
	capital?: boolean;
}

export type TownFeature = Feature<Point, TownProperties>;

/** Something on the board with a label to the right of its marker (a pin), which towns must not cover. */
export interface LabelObstacle {
	lat: number;
	lng: number;
	label: string;
}

/** Pin markers: a 16 px glyph centred on the point, a bold 12 px label starting 11 px to its right. */
const OBSTACLE_FONT = '600 12px system-ui, sans-serif';
const OBSTACLE_HALF = 9;
const OBSTACLE_LABEL_OFFSET = 11;

interface Town {
	name: string;
	rank: number;
	minZoom: number;
	population: number;
	latLng: L.LatLng;
	width: number;
}

type Side = 'right' | 'left' | 'above' | 'below';
const SIDES: readonly Side[] = ['right', 'left', 'above', 'below'];
type Box = [number, number, number, number];

const GAP = 3;
const HEIGHT = 14;

/** The box a label takes on each side of its dot at (x, y), grown by `m` pixels all round. */
function labelBox(side: Side, x: number, y: number, width: number, m: number): Box {
	const half = width / 2 + GAP;
	switch (side) {
		case 'right':
			return [x + 5 - m, y - HEIGHT / 2 - m, x + 6 + width + GAP + m, y + HEIGHT / 2 + m];
		case 'left':
			return [x - 6 - width - GAP - m, y - HEIGHT / 2 - m, x - 5 + m, y + HEIGHT / 2 + m];
		case 'above':
			return [x - half - m, y - 4 - HEIGHT - m, x + half + m, y - 4 + m];
		case 'below':
			return [x - half - m, y + 4 - m, x + half + m, y + 4 + HEIGHT + m];
	}
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const overlaps = (a: Box, b: Box) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

export class TownLabels {
	private readonly towns: Town[];
	private readonly group = L.layerGroup();
	private readonly markers = new Map<string, L.Marker>();
	private readonly placements = new Map<number, Map<Town, Side>>();
	private obstacles: { latLng: L.LatLng; width: number }[] = [];
	private readonly measure = document.createElement('canvas').getContext('2d');
	private map: L.Map | null = null;

	constructor(features: readonly TownFeature[], private readonly pane: string) {
		const measure = document.createElement('canvas').getContext('2d');
		this.towns = features
			.map(({ properties: p, geometry: { coordinates } }) => {
				if (measure) measure.font = townFont(p.rank);
				const width = measure ? measure.measureText(p.name).width : p.name.length * 6.5;
				return { name: p.name, rank: p.rank, minZoom: townMinZoom(p.rank, p.country), population: p.population, latLng: L.latLng(coordinates[1] ?? 0, coordinates[0] ?? 0), width };
			})
			// Towns shown from further out (bigger, or in Ukraine) claim their space first.
			.sort((a, b) => a.minZoom - b.minZoom || a.rank - b.rank || b.population - a.population);
	}

	/** Board pins claim their space before any town; placements are redone for the new set. */
	setObstacles(obstacles: readonly LabelObstacle[]): void {
		if (this.measure) this.measure.font = OBSTACLE_FONT;
		this.obstacles = obstacles.map((o) => ({
			latLng: L.latLng(o.lat, o.lng),
			width: this.measure ? this.measure.measureText(o.label).width : o.label.length * 7
		}));
		this.placements.clear();
		this.update();
	}

	addTo(map: L.Map): this {
		this.map = map;
		this.group.addTo(map);
		map.on('zoomend', this.update, this);
		this.update();
		return this;
	}

	remove(): void {
		this.map?.off('zoomend', this.update, this);
		this.group.clearLayers();
		this.group.remove();
		this.markers.clear();
		this.map = null;
	}

	private update(): void {
		const map = this.map;
		if (!map) return;
		const zoom = Math.round(map.getZoom());
		const placed = this.placements.get(zoom) ?? this.place(map, zoom);
		this.placements.set(zoom, placed);
		const wanted = new Set<string>();
		for (const [town, side] of placed) {
			const key = `${town.name}|${town.latLng.lat}|${town.latLng.lng}|${side}`;
			wanted.add(key);
			if (!this.markers.has(key)) {
				const marker = L.marker(town.latLng, { icon: this.icon(town, side), pane: this.pane, interactive: false, keyboard: false });
				this.markers.set(key, marker);
				this.group.addLayer(marker);
			}
		}
		for (const [key, marker] of this.markers) {
			if (wanted.has(key)) continue;
			this.group.removeLayer(marker);
			this.markers.delete(key);
		}
	}

	/** Greedy label placement at `zoom`, in world pixel coordinates (independent of the view). */
	private place(map: L.Map, zoom: number): Map<Town, Side> {
		const taken: Box[] = this.obstacles.map(({ latLng, width }) => {
			const { x, y } = map.project(latLng, zoom);
			return [x - OBSTACLE_HALF, y - OBSTACLE_HALF, x + OBSTACLE_LABEL_OFFSET + width + GAP, y + OBSTACLE_HALF];
		});
		const placed = new Map<Town, Side>();
		for (const town of this.towns) {
			if (zoom < town.minZoom) continue;
			const { x, y } = map.project(town.latLng, zoom);
			const dot = townDotSize(town.rank) / 2 + 1;
			const dotBox: Box = [x - dot, y - dot, x + dot, y + dot];
			const m = townMargin(town.rank);
			for (const side of SIDES) {
				const label = labelBox(side, x, y, town.width, m);
				if (taken.some((box) => overlaps(box, label) || overlaps(box, dotBox))) continue;
				taken.push(label, dotBox);
				placed.set(town, side);
				break;
			}
		}
		return placed;
	}

	private icon(town: Town, side: Side): L.DivIcon {
		const size = townDotSize(town.rank);
		return L.divIcon({
			className: `sb-town sb-town--${side}`,
			iconSize: [0, 0],
			html: `<i style="width:${size}px;height:${size}px"></i><span style="font:${townFont(town.rank)}">${escapeHtml(town.name)}</span>`
		});
	}
}
