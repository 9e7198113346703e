/**
 * Board export over HTTP (server/transport/export-api.ts; for people: docs/interchange.md):
 * `GET /api/boards/<id>/export.<format>` with optional `sector=<sectorId>` and `at=<ISO time or
 * epoch ms>` (the board as it stood then). Needs the viewer role, like the history API.
 */
import { API } from './endpoints';
import { HISTORY_PARAMS } from './history';
import { SECTOR_FILTER_PARAM } from './records-api';

export const EXPORT_FORMATS = {
	geojson: { contentType: 'application/geo+json; charset=utf-8', label: 'GeoJSON', what: 'pins, fronts, placed reports and sectors' },
	kml: { contentType: 'application/vnd.google-earth.kml+xml; charset=utf-8', label: 'KML (Google Earth)', what: 'folders per layer, legend colours' },
	csv: { contentType: 'text/csv; charset=utf-8', label: 'CSV', what: 'the reports feed' }
} as const;
export type ExportFormat = keyof typeof EXPORT_FORMATS;
export const EXPORT_FORMAT_NAMES = Object.keys(EXPORT_FORMATS) as ExportFormat[];

/** The same sector filter as the records API, and the history API's moment. */
export const EXPORT_PARAMS = { sector: SECTOR_FILTER_PARAM, at: HISTORY_PARAMS.at } as const;

export const EXPORT_API = {
	path: (id: string, format: ExportFormat) => `${API.board(id)}/export.${format}`,
	/** Matches an export path; group 1 is the board id (encoded), group 2 the format. */
	route: new RegExp(`^${API.boards}/([^/]+)/export\\.(${Object.keys(EXPORT_FORMATS).join('|')})$`)
} as const;

export function exportUrl(id: string, format: ExportFormat, options: { sector?: string | null; at?: number | null } = {}): string {
	const query = new URLSearchParams();
	if (options.sector) query.set(EXPORT_PARAMS.sector, options.sector);
	if (options.at !== undefined && options.at !== null) query.set(EXPORT_PARAMS.at, new Date(options.at).toISOString());
	const search = query.toString();
	return `${EXPORT_API.path(id, format)}${search ? `?${search}` : ''}`;
}

/**
 * "Kharkiv counter-offensive 2022-09-11.kml": the board's title (and sector) made safe for every
 * file system, and the date it shows. ASCII fallback for old clients, the full name as RFC 5987.
 */
export function exportFileName(parts: { title: string; sectorName?: string; at: number }, format: ExportFormat): string {
	const base = [parts.title, parts.sectorName].filter(Boolean).join(' - ');
	const clean = base.replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 100) || 'board';
	return `${clean} ${new Date(parts.at).toISOString().slice(0, 10)}.${format}`;
}

export function contentDisposition(fileName: string): string {
	const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
	return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
