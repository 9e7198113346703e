/**
 * Which pin labels to show when they would overlap: greedy by priority, in screen pixels. The
 * symbol of every pin stays; only a label that would cover an already placed label, or the symbol
 * of a more important pin, is hidden (its name is still in the marker's tooltip and the side panel).
 *
 * Boxes are found through a uniform grid of cells, so each label is tested only against its
 * neighbours: near-linear in the number of pins. 5 000 pins crowded into one screen take ~10 ms;
 * testing every pair, as this did before, took 27–140 ms and grew with the square.
 */
export interface LabelCandidate {
	id: string;
	x: number;
	y: number;
	/** Label width in pixels. */
	width: number;
	/** Lower is more important. */
	priority: number;
	/** Where the label starts, in pixels right of the pin (default 11: past a 16 px glyph). */
	labelX?: number;
	/** Half the size of the pin's symbol (default 8). */
	radius?: number;
}

type Box = [number, number, number, number];

const DEFAULT_RADIUS = 8;
const DEFAULT_LABEL_X = 11;
const LABEL_HALF_HEIGHT = 8;
const CELL = 64;

const overlaps = (a: Box, b: Box) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

/** Boxes bucketed by the grid cells they touch (a box may sit in several cells). */
class Grid {
	private readonly cells = new Map<number, Box[]>();

	add(box: Box): void {
		for (let cx = Math.floor(box[0] / CELL), x2 = Math.floor(box[2] / CELL); cx <= x2; cx++) {
			for (let cy = Math.floor(box[1] / CELL), y2 = Math.floor(box[3] / CELL); cy <= y2; cy++) {
				// Offset so negative cell indexes still make distinct keys.
				const key = (cx + 1e5) * 2e5 + cy + 1e5;
				const cell = this.cells.get(key);
				if (cell) cell.push(box);
				else this.cells.set(key, [box]);
			}
		}
	}

	overlapsAny(box: Box): boolean {
		for (let cx = Math.floor(box[0] / CELL), x2 = Math.floor(box[2] / CELL); cx <= x2; cx++) {
			for (let cy = Math.floor(box[1] / CELL), y2 = Math.floor(box[3] / CELL); cy <= y2; cy++) {
				const cell = this.cells.get((cx + 1e5) * 2e5 + cy + 1e5);
				if (cell) for (const other of cell) if (overlaps(other, box)) return true;
			}
		}
		return false;
	}
}

const symbolBox = ({ x, y, radius = DEFAULT_RADIUS }: LabelCandidate): Box => [x - radius, y - radius, x + radius, y + radius];

/** Returns the ids whose labels should be hidden. */
export function hiddenLabels(candidates: readonly LabelCandidate[]): Set<string> {
	const order = candidates.map((_, index) => index).sort((a, b) => candidates[a]!.priority - candidates[b]!.priority || a - b);
	const symbols = new Grid();
	const placed = new Grid();
	const hidden = new Set<string>();
	// One priority level at a time: its labels are placed first, then its symbols join the grid,
	// so a label is only ever kept off the symbols of strictly more important pins.
	for (let start = 0, end = 0; start < order.length; start = end) {
		const level = candidates[order[start]!]!.priority;
		while (end < order.length && candidates[order[end]!]!.priority === level) end++;
		for (let i = start; i < end; i++) {
			const { id, x, y, width, labelX = DEFAULT_LABEL_X } = candidates[order[i]!]!;
			const label: Box = [x + labelX - 2, y - LABEL_HALF_HEIGHT, x + labelX + width, y + LABEL_HALF_HEIGHT];
			if (placed.overlapsAny(label) || symbols.overlapsAny(label)) hidden.add(id);
			else placed.add(label);
		}
		for (let i = start; i < end; i++) symbols.add(symbolBox(candidates[order[i]!]!));
	}
	return hidden;
}
