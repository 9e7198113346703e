/**
 * Board export over HTTP (paths: src/lib/protocol/export.ts; for people: docs/interchange.md):
 * GeoJSON, KML or the reports feed as CSV, of the whole board or one sector, now or as it stood
 * at a moment. Reads the same derived history the replay reads (the content at the head of the
 * log is the live board: a room logs every change before anyone sees it), so "now" and "then"
 * are one code path. Access is the history API's: a viewer or better.
 */
import { recordsToGeoJSON } from '../../src/lib/model/geojson';
import { sectorSlice } from '../../src/lib/interchange/board-slice';
import { reportsToCsv } from '../../src/lib/interchange/csv-export';
import { recordsToKml } from '../../src/lib/interchange/kml-export';
import { API } from '../../src/lib/protocol/endpoints';
import { apiError, ERROR_CODES } from '../../src/lib/protocol/errors';
import { contentDisposition, EXPORT_API, EXPORT_FORMATS, EXPORT_PARAMS, exportFileName, type ExportFormat } from '../../src/lib/protocol/export';
import { parseMoment } from '../../src/lib/protocol/history';
import { secretOf } from '../auth/access-api';
import type { BoardAccess } from '../auth/board-access';
import type { BoardDirectory } from '../boards/board-directory';
import type { BoardHistory } from '../history/board-history';
import { HttpError, methodNotAllowed, type ApiRoute } from './http-api';

const notFound = (message: string, field?: string) => new HttpError(404, apiError(ERROR_CODES.notFound, message, field));

function boardIdOf(segment: string): string {
	try {
		return decodeURIComponent(segment);
	} catch {
		throw notFound('no such board');
	}
}

function momentOf(params: URLSearchParams): number | undefined {
	const raw = params.get(EXPORT_PARAMS.at);
	if (raw === null || raw === '') return undefined;
	const at = parseMoment(raw);
	if (at === undefined) {
		throw new HttpError(400, apiError(ERROR_CODES.invalid, `at must be epoch milliseconds or an ISO date-time, got "${raw.slice(0, 40)}"`, EXPORT_PARAMS.at));
	}
	return at;
}

export function createExportApi(directory: BoardDirectory, history: BoardHistory, access: BoardAccess): ApiRoute {
	return async function exportRoute(req, res, url) {
		const match = EXPORT_API.route.exec(url.pathname);
		if (!match || !url.pathname.startsWith(`${API.boards}/`)) return false;
		const boardId = boardIdOf(match[1]!);
		const format = match[2] as ExportFormat;
		if (!(await directory.get(boardId))) throw notFound('no such board');
		await access.require(boardId, secretOf(req), 'viewer');
		if (req.method !== 'GET') throw methodNotAllowed('GET');

		const at = momentOf(url.searchParams);
		const state = await history.state(boardId, at === undefined ? {} : { at }, { withUpdate: false });
		const sectorId = url.searchParams.get(EXPORT_PARAMS.sector) || undefined;
		const records = sectorId ? sectorSlice(state.content, sectorId) : state.content;
		if (!records) {
			throw notFound(`no sector "${sectorId!.slice(0, 64)}" on this board${at === undefined ? '' : ' at that moment'}`, EXPORT_PARAMS.sector);
		}
		const title = state.content.meta.title ?? boardId;
		const shownAt = at ?? Date.now();
		const body =
			format === 'geojson'
				? JSON.stringify(recordsToGeoJSON(records), null, 1)
				: format === 'kml'
					? recordsToKml(records, { title, description: `Exported from Situation Board, as at ${new Date(shownAt).toISOString()}` })
					: reportsToCsv(records);
		const fileName = exportFileName({ title, sectorName: sectorId ? records.sectors[0]?.name : undefined, at: shownAt }, format);
		res.writeHead(200, {
			'content-type': EXPORT_FORMATS[format].contentType,
			'content-disposition': contentDisposition(fileName),
			'cache-control': 'no-store'
		});
		res.end(body);
		return true;
	};
}
