/**
 * One legend for fronts: colour says whose, line pattern says how sure. The map and the legend
 * panel both read from here, so what the legend shows is what the map draws.
 */
import type { FrontKind, FrontState } from '$lib/model/front';
import type { Side } from '$lib/model/common';

export const SIDE_COLOURS: Record<Side, string> = {
	ukraine: '#2f6fd0',
	russia: '#c8372d',
	unknown: '#4b5563'
};

export const SIDE_LABELS: Record<Side, string> = { ukraine: 'Ukraine', russia: 'Russia', unknown: 'unknown' };

export const STATE_LABELS: Record<FrontState, string> = {
	ongoing: 'ongoing',
	planned: 'planned',
	predicted: 'predicted (analysis)',
	halted: 'halted'
};

/** Dash patterns and weights: solid is observed, dashed is intention, dotted-and-faded is past. */
const STATE_STYLE: Record<FrontState, { dashArray?: string; opacity: number; hollow: boolean }> = {
	ongoing: { opacity: 0.95, hollow: false },
	planned: { dashArray: '10 6', opacity: 0.9, hollow: false },
	predicted: { dashArray: '4 7', opacity: 0.95, hollow: true },
	halted: { dashArray: '1 6', opacity: 0.5, hollow: false }
};

const WEIGHT: Record<FrontKind, number> = { line: 3.5, arrow: 4, area: 2 };

export interface FrontLook {
	color: string;
	weight: number;
	opacity: number;
	dashArray?: string;
	/** Arrowheads and areas of analysis are outlines only. */
	hollow: boolean;
	fillOpacity: number;
}

export function frontLook(kind: FrontKind, side: Side, state: FrontState, selected = false): FrontLook {
	const style = STATE_STYLE[state];
	return {
		color: SIDE_COLOURS[side],
		weight: WEIGHT[kind] + (selected ? 2 : 0),
		opacity: style.opacity,
		dashArray: style.dashArray,
		hollow: style.hollow,
		fillOpacity: kind === 'area' ? (style.hollow ? 0.04 : 0.16) : style.hollow ? 0 : 0.9
	};
}

/** Grades of reports, from hearsay to settled: colour and whether the marker is filled. */
export const GRADE_STYLE = {
	rumour: { colour: '#a855f7', filled: false, label: 'rumour' },
	unconfirmed: { colour: '#f59e0b', filled: false, label: 'unconfirmed' },
	likely: { colour: '#f59e0b', filled: true, label: 'likely' },
	confirmed: { colour: '#16a34a', filled: true, label: 'confirmed' },
	denied: { colour: '#6b7280', filled: false, label: 'denied' }
} as const;
