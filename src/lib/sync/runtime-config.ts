/** Settings the server hands the client at run time (GET /api/config). */
import { API } from '$lib/protocol/endpoints';
import type { RuntimeConfig } from '$lib/protocol/server-info';

export async function fetchRuntimeConfig(): Promise<RuntimeConfig> {
	try {
		const response = await fetch(API.config);
		if (!response.ok) return { tileUrl: null };
		return (await response.json()) as RuntimeConfig;
	} catch {
		return { tileUrl: null };
	}
}
