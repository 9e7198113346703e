/**
 * A demo board is recorded as a script: timed steps, each one named model operation by one
 * watcher, stored as JSON (server/demo/*.json, see README.md there). Seeding plays the script
 * through the live room, so the board's history reads like a real session (who did what, when)
 * and replay works on it like on any other board. The step schema is built from the model's own
 * schemas, so a script that loads is made of records the board would accept.
 */
import { z } from 'zod';
import { actorName, itemId, latLngPair } from '../../src/lib/model/common';
import { frontPatchSchema, frontSchema } from '../../src/lib/model/front';
import { mapView, metaFields } from '../../src/lib/model/meta';
import { newPinSchema, pinPatchSchema } from '../../src/lib/model/pin';
import { confidence, reportSchema } from '../../src/lib/model/report';
import { sectorSchema } from '../../src/lib/model/sector';

/** When (ISO 8601 UTC, as attribution and replay will show it) and who. */
const when = { at: z.iso.datetime(), actor: actorName };

/** One step: `op` names the model operation, the other fields are its arguments. */
export const demoStepSchema = z.discriminatedUnion('op', [
	z.strictObject({ ...when, op: z.literal('describeBoard'), description: metaFields.description }),
	z.strictObject({ ...when, op: z.literal('setHomeView'), view: mapView }),
	z.strictObject({ ...when, op: z.literal('addSector'), sector: sectorSchema }),
	// Every record in a script names its id: later steps and reports refer to it.
	z.strictObject({ ...when, op: z.literal('addPin'), pin: newPinSchema.extend({ id: itemId }) }),
	z.strictObject({ ...when, op: z.literal('updatePin'), id: itemId, patch: pinPatchSchema }),
	z.strictObject({ ...when, op: z.literal('drawFront'), front: frontSchema }),
	z.strictObject({ ...when, op: z.literal('reshapeFront'), id: itemId, points: z.array(latLngPair) }),
	z.strictObject({ ...when, op: z.literal('updateFront'), id: itemId, patch: frontPatchSchema }),
	z.strictObject({ ...when, op: z.literal('postReport'), report: reportSchema.omit({ gradeHistory: true }) }),
	z.strictObject({ ...when, op: z.literal('gradeReport'), id: itemId, confidence })
]);

/** A demo script as stored; `steps` are chronological. */
export const demoScriptSchema = z.strictObject({ title: metaFields.title, steps: z.array(demoStepSchema).min(1) });

/** A step as written in the file (inputs, not parsed outputs: seeding hands these to the operations). */
export type DemoStep = z.input<typeof demoStepSchema>;

export interface DemoBoard {
	id: string;
	title: string;
	steps: DemoStep[];
}
