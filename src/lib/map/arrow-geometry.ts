/**
 * Arrow shapes in screen pixels: a smoothed body through the drawn points (Chaikin corner
 * cutting, so a three-point sketch reads as a sweeping thrust) and an arrowhead at the last point
 * pointing along the final direction. Pure: the front layer projects to pixels and back.
 */
export type Px = [number, number];

/** Chaikin corner cutting: keeps the ends, rounds every corner; `rounds` passes. */
export function smoothPath(points: readonly Px[], rounds = 3): Px[] {
	let path = points.map(([x, y]) => [x, y] as Px);
	for (let round = 0; round < rounds && path.length > 2; round++) {
		const next: Px[] = [path[0]!];
		for (let i = 0; i < path.length - 1; i++) {
			const [ax, ay] = path[i]!;
			const [bx, by] = path[i + 1]!;
			next.push([0.75 * ax + 0.25 * bx, 0.75 * ay + 0.25 * by], [0.25 * ax + 0.75 * bx, 0.25 * ay + 0.75 * by]);
		}
		next.push(path[path.length - 1]!);
		path = next;
	}
	return path;
}

/**
 * The arrowhead triangle at the end of `path` and the body shortened to meet its base, so a
 * thick body never pokes through the tip. `size` is the head's length in pixels.
 */
export function arrowhead(path: readonly Px[], size: number): { body: Px[]; head: [Px, Px, Px] } | null {
	if (path.length < 2) return null;
	const tip = path[path.length - 1]!;
	// Direction from a point a head's length back along the path, so a curve's last wiggle does not twist the head.
	let back = path.length - 2;
	while (back > 0 && Math.hypot(tip[0] - path[back]![0], tip[1] - path[back]![1]) < size) back--;
	const from = path[back]!;
	const length = Math.hypot(tip[0] - from[0], tip[1] - from[1]);
	if (length === 0) return null;
	const ux = (tip[0] - from[0]) / length;
	const uy = (tip[1] - from[1]) / length;
	const base: Px = [tip[0] - ux * size, tip[1] - uy * size];
	const half = size * 0.55;
	const left: Px = [base[0] - uy * half, base[1] + ux * half];
	const right: Px = [base[0] + uy * half, base[1] - ux * half];
	const body = [...path.slice(0, back + 1), base];
	return { body, head: [left, tip, right] };
}
