/** What the server says about itself: health (GET /healthz) and run-time settings (GET /api/config). */
import { z } from 'zod';

export const healthReply = z.object({ ok: z.literal(true), uptimeSeconds: z.number().int().nonnegative() });
export type HealthReply = z.infer<typeof healthReply>;

/** Settings the client reads at run time. */
export const runtimeConfig = z.object({
	/** Raster tile URL template, or null for the packaged offline basemap. */
	tileUrl: z.string().nullable()
});
export type RuntimeConfig = z.infer<typeof runtimeConfig>;
