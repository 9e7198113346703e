/** A sector: a named area of the theatre (Kherson, Lyman, Izyum) that items belong to. */
import { z } from 'zod';
import { actorName, hexColour, itemId, latLngPair, name, note, provenance } from './common';
import { LIMITS } from './limits';

export const sectorSchema = z.object({
	id: itemId,
	name,
	colour: hexColour.default('#7a7a7a'),
	/** The sector's outline, an open ring of `[lat, lng]` pairs; empty while not yet drawn. */
	area: z.array(latLngPair).max(LIMITS.pointsPerShape).default([]),
	note: note.optional(),
	/** Watchers (by display name) who keep an eye on this sector; shown in the roster. */
	watchers: z
		.array(actorName)
		.max(LIMITS.watchersPerSector)
		.refine((names) => new Set(names).size === names.length, 'a watcher is assigned once')
		.optional(),
	...provenance
});
export type Sector = z.infer<typeof sectorSchema>;
export type NewSector = Omit<z.input<typeof sectorSchema>, 'id'> & { id?: string };
