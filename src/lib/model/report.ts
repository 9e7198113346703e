/**
 * A report: a short timestamped claim with its sources and how sure we are of it.
 * `eventTime` is when the thing happened; `createdAt` when it was posted — they differ.
 */
import { z } from 'zod';
import { epochMillis, itemId, latLng, provenance, actorName } from './common';
import { LIMITS } from './limits';

/** The ladder teams use in the moment, from hearsay to settled (or refuted). */
export const CONFIDENCE_LEVELS = ['rumour', 'unconfirmed', 'likely', 'confirmed', 'denied'] as const;
export const confidence = z.enum(CONFIDENCE_LEVELS);
export type Confidence = z.infer<typeof confidence>;

/** NATO admiralty code: source reliability A–F × information credibility 1–6. */
export const admiraltyCode = z.object({
	reliability: z.enum(['A', 'B', 'C', 'D', 'E', 'F']),
	credibility: z.number().int().min(1).max(6)
});

/** Only http(s) links: a `javascript:` or `data:` source must never become a link. */
export const sourceUrl = z
	.string()
	.max(LIMITS.urlLength)
	.refine((value) => {
		try {
			const url = new URL(value);
			return url.protocol === 'http:' || url.protocol === 'https:';
		} catch {
			return false;
		}
	}, 'a source must be an http(s) link')
	// Shown in the OpenAPI document: the check above is code, which JSON Schema cannot carry.
	.meta({ format: 'uri', description: 'An http(s) link; any other scheme is refused.' });

export const reportSource = z.object({ url: sourceUrl, title: z.string().max(LIMITS.nameLength).optional() });
export type ReportSource = z.infer<typeof reportSource>;

export const gradeChange = z.object({ confidence, at: epochMillis, by: actorName.optional() });
export type GradeChange = z.infer<typeof gradeChange>;

export const reportSchema = z.object({
	id: itemId,
	text: z.string().trim().min(1, 'must not be empty').max(LIMITS.reportTextLength),
	eventTime: epochMillis,
	sources: z.array(reportSource).max(LIMITS.sourcesPerReport).default([]),
	place: latLng.optional(),
	/** Ids of pins or fronts the report is about. */
	links: z.array(itemId).max(LIMITS.linksPerReport).default([]),
	sector: itemId.optional(),
	confidence: confidence.default('unconfirmed'),
	admiralty: admiraltyCode.optional(),
	/** Every grade the report has had, oldest first; the last entry matches `confidence`. */
	gradeHistory: z.array(gradeChange).max(100).default([]),
	...provenance
});
export type Report = z.infer<typeof reportSchema>;
export type NewReport = Omit<z.input<typeof reportSchema>, 'id' | 'gradeHistory'> & { id?: string };
