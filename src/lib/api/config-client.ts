/** Settings the server hands the client at run time (GET /api/config). */
import { API } from '../protocol/endpoints';
import { runtimeConfig, type RuntimeConfig } from '../protocol/server-info';
import { readAnswer } from './api-answer';

/** The packaged offline basemap: what a board shows when the settings cannot be read. */
const OFFLINE: RuntimeConfig = { tileUrl: null };

export async function fetchRuntimeConfig(): Promise<RuntimeConfig> {
	try {
		return await readAnswer(await fetch(API.config), runtimeConfig, 'config request');
	} catch {
		return OFFLINE;
	}
}
