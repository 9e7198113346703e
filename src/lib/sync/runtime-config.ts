/** Settings the server hands the client at run time (GET /api/config). */
import { API } from '$lib/protocol/endpoints';

export interface RuntimeConfig {
	tileUrl: string | null;
}

export async function fetchRuntimeConfig(): Promise<RuntimeConfig> {
	try {
		const response = await fetch(API.config);
		if (!response.ok) return { tileUrl: null };
		return (await response.json()) as RuntimeConfig;
	} catch {
		return { tileUrl: null };
	}
}
