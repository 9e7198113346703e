/**
 * One legend for fronts: colour says whose, line pattern says how sure. The map, the legend panel
 * and KML export all read from here, so what the legend shows is what the map draws and exports.
 */
import type { Side } from '../model/common';
import type { FrontKind, FrontState } from '../model/front';
import { SIDE_BLUE, SIDE_RED } from './side-colours';

export const SIDE_COLOURS: Record<Side, string> = {
	ukraine: SIDE_BLUE,
	russia: SIDE_RED,
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
