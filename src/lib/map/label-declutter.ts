/**
 * Which pin labels to show when they would overlap: greedy by priority, in screen pixels. The
 * dot of every pin stays; only a label that would cover an already placed label, or the dot of a
 * more important pin, is hidden
 * (its name is still in the marker's tooltip and the side panel).
 */
export interface LabelCandidate {
	id: string;
	x: number;
	y: number;
	/** Label width in pixels. */
	width: number;
	/** Lower is more important. */
	priority: number;
}

type Box = [number, number, number, number];

const GLYPH_HALF = 8;
const LABEL_OFFSET = 11;
const LABEL_HALF_HEIGHT = 8;

const overlaps = (a: Box, b: Box) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

/** Returns the ids whose labels should be hidden. */
export function hiddenLabels(candidates: readonly LabelCandidate[]): Set<string> {
	const dots: Box[] = candidates.map(({ x, y }) => [x - GLYPH_HALF, y - GLYPH_HALF, x + GLYPH_HALF, y + GLYPH_HALF]);
	const placed: Box[] = [];
	const hidden = new Set<string>();
	const order = candidates
		.map((candidate, index) => ({ candidate, index }))
		.sort((a, b) => a.candidate.priority - b.candidate.priority || a.index - b.index);
	for (const { candidate, index } of order) {
		const { x, y, width } = candidate;
		const label: Box = [x + LABEL_OFFSET - 2, y - LABEL_HALF_HEIGHT, x + LABEL_OFFSET + width, y + LABEL_HALF_HEIGHT];
		// A label may run over the dot of a less important pin, never over a more important one.
		const blocked =
			placed.some((box) => overlaps(box, label)) ||
			dots.some((dot, other) => other !== index && candidates[other]!.priority < candidate.priority && overlaps(dot, label));
		if (blocked) hidden.add(candidate.id);
		else placed.push(label);
	}
	return hidden;
}
