/**
 * The reports feed as CSV (RFC 4180): one row per report, oldest event first, CRLF line ends,
 * every text cell quoted when it holds a comma, quote or line break. Cells of user text that a
 * spreadsheet would run as a formula (starting with = + - @, or a tab or carriage return) get a
 * leading apostrophe (OWASP's advice against CSV injection); the numbers we write ourselves
 * (coordinates) are left as numbers. A UTF-8 byte-order mark lets Excel read Cyrillic names.
 */
import { isoTime, sectorNamesOf, type BoardRecords } from '../model/geojson';
import type { Report } from '../model/report';

export const CSV_COLUMNS = [
	'id',
	'eventTime',
	'postedAt',
	'postedBy',
	'grade',
	'admiralty',
	'text',
	'sector',
	'sectorName',
	'lat',
	'lon',
	'sourceUrls',
	'sourceTitles',
	'links',
	'updatedAt',
	'updatedBy'
] as const;

const BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell of text: defused if a spreadsheet would evaluate it, quoted if it must be. */
export function textCell(value: string | undefined): string {
	if (value === undefined || value === '') return '';
	const safe = FORMULA_START.test(value) ? `'${value}` : value;
	return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const numberCell = (value: number | undefined) => (value === undefined ? '' : String(value));

function row(report: Report, sectorNames: ReadonlyMap<string, string>): string {
	const cells: Record<(typeof CSV_COLUMNS)[number], string> = {
		id: textCell(report.id),
		eventTime: textCell(isoTime(report.eventTime)),
		postedAt: textCell(isoTime(report.createdAt)),
		postedBy: textCell(report.createdBy),
		grade: textCell(report.confidence),
		admiralty: textCell(report.admiralty ? `${report.admiralty.reliability}${report.admiralty.credibility}` : undefined),
		text: textCell(report.text),
		sector: textCell(report.sector),
		sectorName: textCell(report.sector ? sectorNames.get(report.sector) : undefined),
		lat: numberCell(report.place?.lat),
		lon: numberCell(report.place?.lng),
		// A line break between sources keeps each URL whole and clickable in a spreadsheet cell.
		sourceUrls: textCell(report.sources.map((source) => source.url).join('\n')),
		sourceTitles: textCell(report.sources.map((source) => source.title ?? '').join('\n').trim()),
		links: textCell(report.links.join(' ')),
		updatedAt: textCell(isoTime(report.updatedAt)),
		updatedBy: textCell(report.updatedBy)
	};
	return CSV_COLUMNS.map((column) => cells[column]).join(',');
}

export function reportsToCsv(records: Pick<BoardRecords, 'reports' | 'sectors'>): string {
	const names = sectorNamesOf(records);
	const reports = [...records.reports].sort((a, b) => a.eventTime - b.eventTime || (a.id < b.id ? -1 : 1));
	return BOM + [CSV_COLUMNS.join(','), ...reports.map((report) => row(report, names))].join('\r\n') + '\r\n';
}
