// Country polygons for the basemap: world-atlas's Natural Earth 1:50m TopoJSON, with one change.
// Natural Earth draws de facto control, so its Russia includes Crimea. The board follows a war
// over exactly that border; it draws internationally recognised borders (UN GA resolution
// 68/262), so the Crimea part of Russia moves to Ukraine. The part is found from the data, not
// from coordinates: it is the Russian polygon, other than Russia's main body, that shares a border
// arc with Ukraine. The antimeridian is left alone here; the browser splits it (antimeridian.ts).

const RUSSIA = '643';
const UKRAINE = '804';

/** @typedef {{ type: string, id?: string, arcs?: number[][][] | number[][], properties?: Record<string, unknown> }} TopoGeometry */
/** @typedef {{ type: 'Topology', objects: { countries: { geometries: TopoGeometry[] } } & Record<string, unknown>, arcs: number[][][] }} Topology */

/** @param {number} i */
const arcIndex = (i) => (i < 0 ? ~i : i);

/** @param {TopoGeometry} g @returns {number[][][]} polygons as lists of rings of arc ids */
function polygonsOf(g) {
	if (g.type === 'Polygon') return [/** @type {number[][]} */ (g.arcs)];
	if (g.type === 'MultiPolygon') return /** @type {number[][][]} */ (g.arcs);
	return [];
}

/**
 * Moves Crimea from Russia to Ukraine in place and reports how many polygons moved (1 expected).
 * @param {Topology} topology
 */
export function recogniseCrimea(topology) {
	const geometries = topology.objects.countries.geometries;
	const russia = geometries.find((g) => g.id === RUSSIA);
	const ukraine = geometries.find((g) => g.id === UKRAINE);
	if (!russia || !ukraine) return 0;
	const ukrainianArcs = new Set(polygonsOf(ukraine).flat(2).map(arcIndex));
	const russianPolygons = polygonsOf(russia);
	// Russia's main body is the polygon with the most arcs; it borders Ukraine too, and stays.
	const main = russianPolygons.reduce((best, p, i, all) => (p.flat().length > (all[best]?.flat().length ?? 0) ? i : best), 0);
	const moving = russianPolygons.filter((p, i) => i !== main && p.flat().some((a) => ukrainianArcs.has(arcIndex(a))));
	if (!moving.length) return 0;
	russia.type = 'MultiPolygon';
	russia.arcs = russianPolygons.filter((p) => !moving.includes(p));
	ukraine.type = 'MultiPolygon';
	ukraine.arcs = [...polygonsOf(ukraine), ...moving];
	return moving.length;
}

/**
 * Keeps only what the map draws: the `countries` and `land` objects, each country with its id
 * and name. Arcs are already quantised and delta-encoded by world-atlas.
 * @param {Topology} topology
 */
export function slimTopology(topology) {
	const countries = topology.objects.countries.geometries.map((g) => ({ ...g, properties: { name: g.properties?.name } }));
	return { ...topology, objects: { countries: { type: 'GeometryCollection', geometries: countries }, land: topology.objects.land } };
}
