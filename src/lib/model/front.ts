/**
 * A front: a line (a front line, a defensive line along a river), an arrow (an axis of advance or a
 * predicted thrust, drawn from its first point to its arrowhead at the last) or an area (a pocket,
 * a bridgehead). Vertices are `[lat, lng]` pairs; an area's ring is stored open (first ≠ last).
 */
import { z } from 'zod';
import { itemId, latLngPair, note, provenance, side } from './common';
import { LIMITS } from './limits';

export const FRONT_KINDS = ['line', 'arrow', 'area'] as const;
export const frontKind = z.enum(FRONT_KINDS);
export type FrontKind = z.infer<typeof frontKind>;

/** `predicted` is drawn visibly differently (dashed, hollow): it is analysis, not observation. */
export const FRONT_STATES = ['ongoing', 'planned', 'predicted', 'halted'] as const;
export const frontState = z.enum(FRONT_STATES);
export type FrontState = z.infer<typeof frontState>;

const MIN_POINTS: Record<FrontKind, number> = { line: 2, arrow: 2, area: 3 };

const points = z.array(latLngPair).max(LIMITS.pointsPerShape);

export const frontSchema = z
	.object({
		id: itemId,
		kind: frontKind,
		points,
		label: z.string().trim().max(LIMITS.nameLength).default(''),
		side: side.default('unknown'),
		state: frontState.default('ongoing'),
		sector: itemId.optional(),
		note: note.optional(),
		...provenance
	})
	.superRefine((front, ctx) => {
		if (front.points.length < MIN_POINTS[front.kind]) {
			ctx.addIssue({
				code: 'custom',
				path: ['points'],
				message: `${front.kind === 'area' ? 'an' : 'a'} ${front.kind} needs at least ${MIN_POINTS[front.kind]} points`
			});
		}
	});
export type Front = z.infer<typeof frontSchema>;
export type NewFront = Omit<z.input<typeof frontSchema>, 'id'> & { id?: string };

export const frontPatchSchema = z
	.object({ label: z.string().trim().max(LIMITS.nameLength), side, state: frontState, sector: itemId, note })
	.partial();
export type FrontPatch = z.input<typeof frontPatchSchema>;

