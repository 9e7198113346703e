/**
 * Grades of reports, from hearsay to settled: colour and whether the marker is filled. The feed,
 * the map, the legend panel and KML export read from here.
 */
export const GRADE_STYLE = {
	rumour: { colour: '#a855f7', filled: false, label: 'rumour' },
	unconfirmed: { colour: '#f59e0b', filled: false, label: 'unconfirmed' },
	likely: { colour: '#f59e0b', filled: true, label: 'likely' },
	confirmed: { colour: '#16a34a', filled: true, label: 'confirmed' },
	denied: { colour: '#6b7280', filled: false, label: 'denied' }
} as const;
