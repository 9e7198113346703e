// Small planar geometry helpers for the basemap build: distances, bbox clipping, simplification
// and rounding. Coordinates are [lon, lat] in degrees; distances use an equirectangular
// approximation, which is plenty for snapping towns to rivers a few kilometres away.

const KM_PER_DEG = 111.32;

/** @typedef {[number, number]} Pos */
/** @typedef {{ west: number, south: number, east: number, north: number }} BBox */

/** @param {Pos} a @param {Pos} b */
export function km(a, b) {
	const k = Math.cos(((a[1] + b[1]) / 2) * (Math.PI / 180));
	return Math.hypot((a[0] - b[0]) * k, a[1] - b[1]) * KM_PER_DEG;
}

/** Distance in km from `p` to the polyline `line`. @param {Pos} p @param {Pos[]} line */
export function kmToLine(p, line) {
	const k = Math.cos(p[1] * (Math.PI / 180));
	let best = Infinity;
	for (let i = 1; i < line.length; i++) {
		const [ax, ay] = /** @type {Pos} */ (line[i - 1]);
		const [bx, by] = /** @type {Pos} */ (line[i]);
		const dx = (bx - ax) * k, dy = by - ay;
		const px = (p[0] - ax) * k, py = p[1] - ay;
		const t = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy || 1)));
		best = Math.min(best, Math.hypot(px - t * dx, py - t * dy));
	}
	return best * KM_PER_DEG;
}

/** Length of a polyline in km. @param {Pos[]} line */
export function lineKm(line) {
	let sum = 0;
	for (let i = 1; i < line.length; i++) sum += km(/** @type {Pos} */ (line[i - 1]), /** @type {Pos} */ (line[i]));
	return sum;
}

/** @param {Pos} p @param {BBox} b */
export const inBBox = (p, b) => p[0] >= b.west && p[0] <= b.east && p[1] >= b.south && p[1] <= b.north;

/**
 * Cuts a polyline to the parts inside `b` (Liang–Barsky per segment), so rivers stop cleanly at the
 * edge of the theatre instead of dangling to their far-away sources.
 * @param {Pos[]} line @param {BBox} b @returns {Pos[][]}
 */
export function clipLine(line, b) {
	/** @type {Pos[][]} */
	const parts = [];
	/** @type {Pos[]} */
	let current = [];
	for (let i = 1; i < line.length; i++) {
		const seg = clipSegment(/** @type {Pos} */ (line[i - 1]), /** @type {Pos} */ (line[i]), b);
		if (!seg) {
			if (current.length > 1) parts.push(current);
			current = [];
			continue;
		}
		const last = current[current.length - 1];
		if (!last || last[0] !== seg[0][0] || last[1] !== seg[0][1]) {
			if (current.length > 1) parts.push(current);
			current = [seg[0]];
		}
		current.push(seg[1]);
	}
	if (current.length > 1) parts.push(current);
	return parts;
}

/** @param {Pos} a @param {Pos} c @param {BBox} b @returns {[Pos, Pos] | null} */
function clipSegment(a, c, b) {
	const dx = c[0] - a[0], dy = c[1] - a[1];
	let t0 = 0, t1 = 1;
	const edges = [[-dx, a[0] - b.west], [dx, b.east - a[0]], [-dy, a[1] - b.south], [dy, b.north - a[1]]];
	for (const [p, q] of /** @type {[number, number][]} */ (edges)) {
		if (p === 0) {
			if (q < 0) return null;
			continue;
		}
		const t = q / p;
		if (p < 0) t0 = Math.max(t0, t);
		else t1 = Math.min(t1, t);
		if (t0 > t1) return null;
	}
	const at = (/** @type {number} */ t) => /** @type {Pos} */ ([a[0] + t * dx, a[1] + t * dy]);
	return [t0 === 0 ? a : at(t0), t1 === 1 ? c : at(t1)];
}

/**
 * Douglas–Peucker simplification with a tolerance in degrees. Keeps files small: source river
 * data has a vertex every ~200 m, far more than a zoom-9 map can show.
 * @param {Pos[]} line @param {number} tolerance @returns {Pos[]}
 */
export function simplify(line, tolerance) {
	if (line.length < 3) return line;
	const keep = new Uint8Array(line.length);
	keep[0] = keep[line.length - 1] = 1;
	/** @type {[number, number][]} */
	const stack = [[0, line.length - 1]];
	while (stack.length) {
		const [first, last] = /** @type {[number, number]} */ (stack.pop());
		const [ax, ay] = /** @type {Pos} */ (line[first]);
		const [bx, by] = /** @type {Pos} */ (line[last]);
		const dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy || 1;
		let worst = -1, index = -1;
		for (let i = first + 1; i < last; i++) {
			const [px, py] = /** @type {Pos} */ (line[i]);
			const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
			const d = Math.hypot(px - ax - t * dx, py - ay - t * dy);
			if (d > worst) [worst, index] = [d, i];
		}
		if (worst > tolerance) {
			keep[index] = 1;
			stack.push([first, index], [index, last]);
		}
	}
	return line.filter((_, i) => keep[i]);
}

/** Rounds to `digits` decimals and drops points that collapse onto their predecessor. @param {Pos[]} line */
export function roundLine(line, digits = 4) {
	const f = 10 ** digits;
	/** @type {Pos[]} */
	const out = [];
	for (const [x, y] of line) {
		const p = /** @type {Pos} */ ([Math.round(x * f) / f, Math.round(y * f) / f]);
		const last = out[out.length - 1];
		if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
	}
	return out;
}
