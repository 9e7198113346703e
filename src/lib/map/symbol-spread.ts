/**
 * Pins whose symbols would sit on one another at this zoom (Kupiansk and the Oskil crossing beside
 * it, 2 km apart, are 3 px apart at the theatre view) are nudged apart on screen, so every symbol
 * can be seen, hovered and clicked. Greedy by priority, in screen pixels: the more important pin
 * keeps its place; a lesser one that would overlap an already placed symbol moves to the nearest
 * free spot on rings around its true place, pointing away from what it collided with first. The
 * pin's position is unchanged: only where its marker is drawn at this zoom, and zooming in, where
 * they no longer touch, puts it back.
 *
 * Placed symbols are found through a uniform grid, so each is tested only against its neighbours.
 */
export interface SymbolCandidate {
	id: string;
	x: number;
	y: number;
	/** Half the size of the symbol. */
	radius: number;
	/** Lower is more important. */
	priority: number;
}

export interface Offset {
	dx: number;
	dy: number;
}

/** Room kept between two symbols, in pixels. */
const GAP = 2;
/** Rings tried around a symbol's true place before it is left where it is. */
const RINGS = 3;
const DIRECTIONS = 12;
const CELL = 48;

type Circle = { x: number; y: number; r: number };

class Placed {
	private readonly cells = new Map<number, Circle[]>();

	private key(cx: number, cy: number): number {
		return (cx + 50_000) * 100_003 + (cy + 50_000);
	}

	add(circle: Circle): void {
		const cx = Math.floor(circle.x / CELL);
		const cy = Math.floor(circle.y / CELL);
		const key = this.key(cx, cy);
		const list = this.cells.get(key);
		if (list) list.push(circle);
		else this.cells.set(key, [circle]);
	}

	/** The first placed symbol `circle` would touch, if any. */
	collision(circle: Circle, maxRadius: number): Circle | null {
		const reach = circle.r + maxRadius + GAP;
		for (let cx = Math.floor((circle.x - reach) / CELL), x2 = Math.floor((circle.x + reach) / CELL); cx <= x2; cx++) {
			for (let cy = Math.floor((circle.y - reach) / CELL), y2 = Math.floor((circle.y + reach) / CELL); cy <= y2; cy++) {
				for (const other of this.cells.get(this.key(cx, cy)) ?? []) {
					if (Math.hypot(other.x - circle.x, other.y - circle.y) < other.r + circle.r + GAP) return other;
				}
			}
		}
		return null;
	}
}

/** How far each nudged symbol is drawn from its true place; pins left in place are absent. */
export function spreadSymbols(candidates: readonly SymbolCandidate[]): Map<string, Offset> {
	const order = candidates.map((candidate, index) => ({ candidate, index })).sort((a, b) => a.candidate.priority - b.candidate.priority || a.index - b.index);
	const maxRadius = candidates.reduce((max, candidate) => Math.max(max, candidate.radius), 0);
	const placed = new Placed();
	const offsets = new Map<string, Offset>();
	for (const { candidate } of order) {
		const { x, y, radius: r } = candidate;
		const hit = placed.collision({ x, y, r }, maxRadius);
		let spot: Circle = { x, y, r };
		if (hit) {
			// Away from what it hit first; straight down when exactly on top of it.
			const away = hit.x === x && hit.y === y ? Math.PI / 2 : Math.atan2(y - hit.y, x - hit.x);
			search: for (let ring = 1; ring <= RINGS; ring++) {
				const distance = ring * (2 * r + GAP);
				for (let step = 0; step < DIRECTIONS; step++) {
					// 0, +1, -1, +2, -2, …: the directions nearest "away" first.
					const turn = step === 0 ? 0 : Math.ceil(step / 2) * (step % 2 ? 1 : -1);
					const angle = away + (turn * 2 * Math.PI) / DIRECTIONS;
					const candidateSpot = { x: x + Math.cos(angle) * distance, y: y + Math.sin(angle) * distance, r };
					if (!placed.collision(candidateSpot, maxRadius)) {
						spot = candidateSpot;
						break search;
					}
				}
			}
			if (spot.x !== x || spot.y !== y) offsets.set(candidate.id, { dx: Math.round(spot.x - x), dy: Math.round(spot.y - y) });
		}
		placed.add(spot);
	}
	return offsets;
}
