/**
 * Size limits for board content. They live in the model (not the server config) because a client
 * must know them to validate a form before it sends, and the server must refuse the same things.
 */
export const LIMITS = {
	/** Names of pins, labels of fronts, names of sectors: a map label, not prose. */
	nameLength: 120,
	/** Free-text notes on pins, fronts and sectors. */
	noteLength: 2000,
	/** A report is a claim, a few sentences; longer analysis belongs behind a source link. */
	reportTextLength: 4000,
	urlLength: 2048,
	sourcesPerReport: 20,
	linksPerReport: 50,
	/** Vertices of one front line, arrow or area; a detailed front line is a few hundred points. */
	pointsPerShape: 5000,
	actorNameLength: 64,
	/** Watchers assigned to one sector: a shift is a handful of people, not a roll call. */
	watchersPerSector: 24,
	boardTitleLength: 120
} as const;
