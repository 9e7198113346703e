/**
 * Board export (docs/interchange.md) as a file to save: fetched with this board's token, since a
 * plain link could not carry it, and named as the server names it.
 */
import { exportUrl, type ExportFormat } from '../protocol/export';
import { authorizedFetch } from '../sync/board-token';
import { readApiError, type FetchLike } from './api-answer';

/** The file name from Content-Disposition: the UTF-8 form when given, else the plain one. */
function fileNameOf(header: string | null, fallback: string): string {
	const extended = /filename\*=UTF-8''([^;]+)/i.exec(header ?? '');
	if (extended) return decodeURIComponent(extended[1]!);
	return /filename="([^"]+)"/i.exec(header ?? '')?.[1] ?? fallback;
}

export async function fetchExport(
	boardId: string,
	format: ExportFormat,
	options: { sector?: string | null; at?: number | null },
	fetcher: FetchLike = authorizedFetch(boardId)
): Promise<{ blob: Blob; fileName: string }> {
	const response = await fetcher(exportUrl(boardId, format, options));
	if (!response.ok) throw await readApiError(response, 'export');
	return { blob: await response.blob(), fileName: fileNameOf(response.headers.get('content-disposition'), `board.${format}`) };
}
