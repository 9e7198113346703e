/**
 * The records API (paths: RECORDS_API in endpoints.ts; for people: docs/api.md): what a bot may
 * send. Each request is the model's own schema narrowed to what a caller supplies — provenance
 * (who, when) is the server's to stamp — and strict, so a misspelt field is refused by name
 * instead of silently dropped.
 */
import { z } from 'zod';
import { epochMillis, itemId, latitude, longitude, name } from '../model/common';
import { COLLECTION_NAMES, type CollectionName } from '../model/layout';
import { newPinSchema, pinPatchSchema } from '../model/pin';
import { confidence, reportSchema } from '../model/report';

/** Collections a script may read; every one the board has. */
export const READABLE_COLLECTIONS: readonly CollectionName[] = COLLECTION_NAMES;

/** Query parameter filtering a list to one sector (a sector id). */
export const SECTOR_FILTER_PARAM = 'sector';

/** POST …/pins. `id` is optional: a bot that gives its own can retry safely (a repeat is 409). */
export const createPinRequest = newPinSchema.strict();
export type CreatePinRequest = z.input<typeof createPinRequest>;

/** PATCH …/pins/{pinId}: move (lat and lng together), rename, or change descriptive fields. */
export const updatePinRequest = pinPatchSchema
	.extend({ lat: latitude.optional(), lng: longitude.optional(), name: name.optional() })
	.strict()
	.refine((patch) => (patch.lat === undefined) === (patch.lng === undefined), {
		message: 'give lat and lng together',
		path: ['lng']
	})
	.refine((patch) => Object.values(patch).some((value) => value !== undefined), { message: 'nothing to change' });
export type UpdatePinRequest = z.input<typeof updatePinRequest>;

/** POST …/reports. `eventTime` (when it happened, epoch ms) defaults to the moment of posting. */
export const createReportRequest = reportSchema
	.omit({ id: true, gradeHistory: true, eventTime: true, createdBy: true, createdAt: true, updatedBy: true, updatedAt: true })
	.extend({ id: itemId.optional(), eventTime: epochMillis.optional() })
	.strict();
export type CreateReportRequest = z.input<typeof createReportRequest>;

/** PATCH …/reports/{reportId}: a new grade, appended to the report's grade history. */
export const updateReportRequest = z.strictObject({ confidence });
export type UpdateReportRequest = z.input<typeof updateReportRequest>;
