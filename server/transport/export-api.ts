/**
 * Board export over HTTP (paths: src/lib/protocol/export.ts; for people: docs/interchange.md):
 * GeoJSON, KML or the reports feed as CSV, of the whole board or one sector, now or as it stood
 * at a moment. Handlers only (the router checks for a viewer and spends the history allowance).
 * Reads the same derived history the replay reads (the content at the head of the
 * log is the live board: a room logs every change before anyone sees it), so "now" and "then"
 * are one code path.
 */
import { recordsToGeoJSON } from '../../src/lib/model/geojson';
import { sectorSlice } from '../../src/lib/interchange/board-slice';
import { reportsToCsv } from '../../src/lib/interchange/csv-export';
import { recordsToKml } from '../../src/lib/interchange/kml-export';
import { apiError, ERROR_CODES } from '../../src/lib/protocol/errors';
import { contentDisposition, EXPORT_FORMAT_NAMES, EXPORT_FORMATS, EXPORT_PARAMS, exportFileName, type ExportFormat } from '../../src/lib/protocol/export';
import { parseMoment } from '../../src/lib/protocol/history';
import { exportOperationId } from '../api/openapi-operations';
import type { BoardHistory } from '../history/board-history';
import { paramOf, type ApiHandler, type ApiHandlers } from '../http/api-handler';
import { HttpError, notFound } from '../http/http-errors';

function momentOf(params: URLSearchParams): number | undefined {
	const raw = params.get(EXPORT_PARAMS.at);
	if (raw === null || raw === '') return undefined;
	const at = parseMoment(raw);
	if (at === undefined) {
		throw new HttpError(400, apiError(ERROR_CODES.invalid, `at must be epoch milliseconds or an ISO date-time, got "${raw.slice(0, 40)}"`, EXPORT_PARAMS.at));
	}
	return at;
}

export function exportApi(history: BoardHistory): ApiHandlers {
	const handler = (format: ExportFormat): ApiHandler => async (context) => {
		const boardId = paramOf(context, 'boardId');
		const at = momentOf(context.query);
		const state = await history.state(boardId, at === undefined ? {} : { at }, { withUpdate: false });
		const sectorId = context.query.get(EXPORT_PARAMS.sector) || undefined;
		const records = sectorId ? sectorSlice(state.content, sectorId) : state.content;
		if (!records) {
			throw notFound(`no sector "${sectorId!.slice(0, 64)}" on this board${at === undefined ? '' : ' at that moment'}`, EXPORT_PARAMS.sector);
		}
		const title = state.content.meta.title ?? boardId;
		// The moment the export shows: the one asked for, else the board's last change — not the
		// download's: the same state exports to the same bytes, whenever and from whichever node.
		const shownAt = at ?? state.at ?? Date.now();
		const text =
			format === 'geojson'
				? JSON.stringify(recordsToGeoJSON(records), null, 1)
				: format === 'kml'
					? recordsToKml(records, { title, description: `Exported from Situation Board, as at ${new Date(shownAt).toISOString()}` })
					: reportsToCsv(records);
		const fileName = exportFileName({ title, sectorName: sectorId ? records.sectors[0]?.name : undefined, at: shownAt }, format);
		return {
			status: 200,
			text,
			headers: { 'content-type': EXPORT_FORMATS[format].contentType, 'content-disposition': contentDisposition(fileName), 'cache-control': 'no-store' }
		};
	};
	// The operation ids the table gives the exports (openapi-operations.ts): exportGeojson, exportKml, exportCsv.
	return Object.fromEntries(EXPORT_FORMAT_NAMES.map((format) => [exportOperationId(format), handler(format)]));
}
