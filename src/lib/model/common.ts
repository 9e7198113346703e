/**
 * Building blocks shared by every record schema: coordinates, sides, times and ids.
 * Coordinates are WGS84 degrees. Shapes store vertices as `[lat, lng]` pairs (Leaflet's order);
 * GeoJSON conversion swaps them to `[lng, lat]` (see geojson.ts).
 */
import { z } from 'zod';
import { LIMITS } from './limits';

export const latitude = z.number().min(-90).max(90);
export const longitude = z.number().min(-180).max(180);
export const latLngPair = z.tuple([latitude, longitude]);
export type LatLngPair = z.infer<typeof latLngPair>;

export const latLng = z.object({ lat: latitude, lng: longitude });
export type LatLng = z.infer<typeof latLng>;

/** Which side a thing belongs to, or holds a place. `unknown` is an honest answer in a fog of war. */
export const SIDES = ['ukraine', 'russia', 'unknown'] as const;
export const side = z.enum(SIDES);
export type Side = z.infer<typeof side>;

/** Milliseconds since the Unix epoch, UTC. One unit for every time on the board. */
export const epochMillis = z.number().int().nonnegative();

export const itemId = z
	.string()
	.regex(/^[A-Za-z0-9_-]{1,64}$/, 'an id is 1–64 letters, digits, "-" or "_"');

export const name = z.string().trim().min(1, 'must not be empty').max(LIMITS.nameLength);
export const note = z.string().max(LIMITS.noteLength);
export const actorName = z.string().trim().min(1).max(LIMITS.actorNameLength);
export const hexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour is #rrggbb');

/** Who made a record and when; filled in by the named operations, never by a form. */
export const provenance = {
	createdBy: actorName.optional(),
	createdAt: epochMillis.optional(),
	updatedBy: actorName.optional(),
	updatedAt: epochMillis.optional()
};
