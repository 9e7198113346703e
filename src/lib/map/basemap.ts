/**
 * The board's basemap, drawn from files served at /basemap/ (built by scripts/build-basemap.mjs),
 * so the map works with no network: sea, land, country borders (Ukraine's a little stronger),
 * rivers and town labels. With a `tileUrl` a tile layer is drawn instead, and the tiles' own
 * rivers, borders and names stand alone (the vector layers would only double them).
 *
 * Everything sits in three panes below Leaflet's overlay pane (z-index 400), so the board's pins
 * and fronts in the default panes always draw above it, and nothing in it is interactive, so
 * clicks reach the map. Symmetric lifecycle: `destroy` removes every pane, layer, listener,
 * attribution and style that `mountBasemap` added, and stops loading that is still under way.
 */
import L from 'leaflet';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';
import type { Feature, FeatureCollection, Geometry, MultiLineString } from 'geojson';
import { splitGeometry } from './antimeridian';
import { BASEMAP_PALETTES, SEA_BACKGROUND, UKRAINE_ID, borderWidth, riverVisible, riverWidth, useBasemapCss, type BasemapPalette, type RiverSize } from './basemap-style';
import { currentTheme, onThemeChange } from '../theme/current-theme';
import { TownLabels, type LabelObstacle, type TownFeature } from './basemap-towns';

export interface BasemapOptions {
	/** A tile URL template (`https://…/{z}/{x}/{y}.png`); null or absent draws the offline vector map. */
	tileUrl?: string | null;
	/** Attribution for the tiles, required by most tile providers. */
	tileAttribution?: string;
	/** Where the basemap files are served; `/basemap` by default. */
	baseUrl?: string;
}

export interface Basemap {
	/** Settles when the basemap is drawn (or has failed to load, which is logged, not thrown). */
	readonly ready: Promise<void>;
	/** Board items whose labels take precedence: town labels that would collide with them give way. */
	setObstacles(obstacles: readonly LabelObstacle[]): void;
	destroy(): void;
}

/** Pane names and z-indexes: land under the tile pane (200), lines and labels between it and 400. */
const PANES = { land: ['sbBasemapLand', 150], lines: ['sbBasemapLines', 250], labels: ['sbBasemapLabels', 350] } as const;
const ATTRIBUTION = 'Natural Earth · GSHHG · GeoNames';

interface RiverProperties {
	name: string;
	size: RiverSize;
}

type Countries = Topology<{ countries: GeometryCollection<{ name: string }>; land: GeometryObject }>;

export function mountBasemap(map: L.Map, options: BasemapOptions = {}): Basemap {
	const base = options.baseUrl ?? '/basemap';
	const abort = new AbortController();
	const layers: L.Layer[] = [];
	const cleanups: (() => void)[] = [];
	const add = <T extends L.Layer>(layer: T): T => {
		layers.push(layer);
		map.addLayer(layer);
		return layer;
	};

	for (const [name, zIndex] of Object.values(PANES)) {
		const pane = map.createPane(name);
		pane.style.zIndex = String(zIndex);
		pane.classList.add('sb-basemap-pane');
	}
	cleanups.push(useBasemapCss());

	const container = map.getContainer();
	const previousBackground = container.style.backgroundColor;
	container.style.backgroundColor = SEA_BACKGROUND;
	cleanups.push(() => (container.style.backgroundColor = previousBackground));

	let obstacles: readonly LabelObstacle[] = [];
	let labels: TownLabels | null = null;
	let ready: Promise<void>;
	if (options.tileUrl) {
		add(L.tileLayer(options.tileUrl, { attribution: options.tileAttribution, maxZoom: 19 }));
		ready = Promise.resolve();
	} else {
		map.attributionControl?.addAttribution(ATTRIBUTION);
		cleanups.push(() => map.attributionControl?.removeAttribution(ATTRIBUTION));
		ready = loadVectors(base, abort.signal)
			.then((data) => {
				if (abort.signal.aborted) return;
				labels = drawVectors(map, data, add, cleanups);
				labels.setObstacles(obstacles);
			})
			.catch((error: unknown) => {
				if (!abort.signal.aborted) console.error('basemap: could not load', error);
			});
	}

	return {
		ready,
		setObstacles(next) {
			obstacles = next;
			labels?.setObstacles(next);
		},
		destroy() {
			abort.abort();
			for (const layer of layers.splice(0).reverse()) map.removeLayer(layer);
			for (const cleanup of cleanups.splice(0).reverse()) cleanup();
			for (const [name] of Object.values(PANES)) removePane(map, name);
		}
	};
}

interface VectorData {
	countries: Countries;
	rivers: FeatureCollection<MultiLineString, RiverProperties>;
	towns: FeatureCollection<TownFeature['geometry'], TownFeature['properties']>;
}

async function loadVectors(base: string, signal: AbortSignal): Promise<VectorData> {
	const get = async <T>(name: string): Promise<T> => {
		const response = await fetch(`${base}/${name}`, { signal });
		if (!response.ok) throw new Error(`${base}/${name}: HTTP ${response.status}`);
		return (await response.json()) as T;
	};
	const [countries, rivers, towns] = await Promise.all([get<Countries>('countries.json'), get<VectorData['rivers']>('rivers.json'), get<VectorData['towns']>('towns.json')]);
	return { countries, rivers, towns };
}

function drawVectors(map: L.Map, { countries, rivers, towns }: VectorData, add: <T extends L.Layer>(layer: T) => T, cleanups: (() => void)[]): TownLabels {
	// Canvas: a few thousand polygon rings draw far faster on one canvas than as SVG paths.
	const landRenderer = add(L.canvas({ pane: PANES.land[0] }));
	const lineRenderer = add(L.canvas({ pane: PANES.lines[0] }));
	const shape = (geometry: Geometry, style: L.PathOptions) =>
		add(L.geoJSON(splitGeometry(geometry), { style: { ...style, interactive: false }, interactive: false }));
	const isUkraine = (g: GeometryObject) => String(g.id) === UKRAINE_ID;

	// Each layer's colour is named by its palette key, so a theme change repaints the same layers.
	const fill = (): L.PathOptions => ({ renderer: landRenderer, stroke: false, fill: true, fillOpacity: 1 });
	const coloured: { layer: L.GeoJSON; colour: keyof BasemapPalette; option: 'fillColor' | 'color' }[] = [];
	const paint = <T extends L.GeoJSON>(layer: T, colour: keyof BasemapPalette, option: 'fillColor' | 'color' = 'color'): T => {
		coloured.push({ layer, colour, option });
		return layer;
	};
	paint(shape(geometryOf(feature(countries, countries.objects.land)), fill()), 'land', 'fillColor');
	const ukraine = countries.objects.countries.geometries.find(isUkraine);
	if (ukraine) paint(shape(geometryOf(feature(countries, ukraine)), fill()), 'ukraine', 'fillColor');
	paint(shape(mesh(countries, countries.objects.land), { renderer: lineRenderer, weight: 0.7, fill: false }), 'coast');

	const riverLayers = rivers.features.map((river) => ({
		size: river.properties.size,
		layer: paint(shape(river.geometry, { renderer: lineRenderer, lineCap: 'round', lineJoin: 'round', fill: false }), 'river')
	}));
	const borders = paint(shape(mesh(countries, countries.objects.countries, (a, b) => a !== b), { renderer: lineRenderer, fill: false }), 'border');
	const ukraineBorder = paint(
		shape(mesh(countries, countries.objects.countries, (a, b) => a !== b && (isUkraine(a) || isUkraine(b))), { renderer: lineRenderer, fill: false }),
		'ukraineBorder'
	);

	const recolour = () => {
		const palette = BASEMAP_PALETTES[currentTheme()];
		for (const { layer, colour, option } of coloured) layer.setStyle({ [option]: palette[colour] });
	};
	recolour();
	cleanups.push(onThemeChange(recolour));

	const restyle = () => {
		const zoom = map.getZoom();
		for (const { size, layer } of riverLayers) layer.setStyle({ weight: riverWidth(size, zoom), opacity: riverVisible(size, zoom) ? 1 : 0 });
		borders.setStyle({ weight: borderWidth(false, zoom) });
		ukraineBorder.setStyle({ weight: borderWidth(true, zoom) });
	};
	restyle();
	map.on('zoomend', restyle);
	cleanups.push(() => map.off('zoomend', restyle));

	const labels = new TownLabels(towns.features, PANES.labels[0]).addTo(map);
	cleanups.push(() => labels.remove());
	return labels;
}

/** topojson-client gives a Feature or a FeatureCollection depending on the object; we want one geometry. */
function geometryOf(f: Feature | FeatureCollection): Geometry {
	return 'features' in f ? { type: 'GeometryCollection', geometries: f.features.map((x) => x.geometry) } : f.geometry;
}

/** Leaflet can create panes but not remove them; this undoes `createPane` for our own panes. */
function removePane(map: L.Map, name: string): void {
	map.getPane(name)?.remove();
	const internals = map as unknown as { _panes: Record<string, HTMLElement>; _paneRenderers?: Record<string, unknown> };
	delete internals._panes[name];
	delete internals._paneRenderers?.[name];
}
