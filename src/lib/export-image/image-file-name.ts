/**
 * The picture's file name: `<board-id>-<moment>.png`, the moment in UTC to the minute
 * (`kharkiv-2022-2022-09-11T1405Z.png`), so pictures of one board sort by the time they show and
 * two moments never share a name. No colons: they are not allowed in Windows file names.
 */

/** "2022-09-11T1405Z" */
export function fileMoment(ms: number): string {
	const iso = new Date(ms).toISOString();
	return `${iso.slice(0, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}Z`;
}

export function imageFileName(boardId: string, moment: number): string {
	const safe = boardId.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[.]+/, '').slice(0, 80) || 'board';
	return `${safe}-${fileMoment(moment)}.png`;
}
