/** What the server says about itself: health (GET /healthz) and run-time settings (GET /api/config). */
import { z } from 'zod';

/**
 * Liveness (`ok` is always true: the process answers) and the node's view of what it depends on:
 * its storage (SQLite file or PostgreSQL) answering a round trip now, and how fast; in cluster
 * mode also Redis, and which node answered.
 */
export const healthReply = z.object({
	ok: z.literal(true),
	uptimeSeconds: z.number().int().nonnegative(),
	storage: z.object({
		backend: z.enum(['sqlite', 'postgres']),
		ok: z.boolean(),
		latencyMs: z.number().nonnegative(),
		error: z.string().optional()
	}),
	/** Only in cluster mode. */
	redis: z
		.object({
			ok: z.boolean(),
			latencyMs: z.number().nonnegative(),
			node: z.string(),
			error: z.string().optional()
		})
		.optional()
});
export type HealthReply = z.infer<typeof healthReply>;

/** Settings the client reads at run time. */
export const runtimeConfig = z.object({
	/** Raster tile URL template, or null for the packaged offline basemap. */
	tileUrl: z.string().nullable()
});
export type RuntimeConfig = z.infer<typeof runtimeConfig>;
