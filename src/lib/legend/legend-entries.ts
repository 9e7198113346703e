/**
 * The legend as data: its sections and, in each, a swatch and a word per entry, read from the
 * same colour and look tables the map draws with. The exported picture draws it on a canvas;
 * anything else that lays a legend out of something other than HTML can read it too.
 */
import { SIDES } from '../model/common';
import { FRONT_STATES } from '../model/front';
import { CONTROL_STATES } from '../model/pin';
import { CONFIDENCE_LEVELS } from '../model/report';
import { SIDE_COLOURS, SIDE_LABELS, frontLook } from './front-legend';
import { CONTROL_COLOURS } from './pin-legend';
import { GRADE_STYLE } from './report-legend';

/** A line as fronts draw it (colour, dash, opacity), or a dot as places and reports are marked. */
export type LegendSwatch =
	| { kind: 'line'; colour: string; width: number; dashArray?: string; opacity: number }
	| { kind: 'dot'; colour: string; filled: boolean };

export interface LegendEntry {
	swatch: LegendSwatch;
	label: string;
}

export interface LegendSection {
	title: string;
	entries: LegendEntry[];
}

/** Neutral grey for the "how sure" lines, so the dash reads on its own, apart from any side. */
const STATE_SWATCH_COLOUR = '#334155';

export function legendSections(): LegendSection[] {
	return [
		{
			title: 'Fronts',
			entries: SIDES.map((side) => ({ swatch: { kind: 'line', colour: SIDE_COLOURS[side], width: 3.5, opacity: 1 }, label: SIDE_LABELS[side] }))
		},
		{
			title: 'How sure',
			entries: FRONT_STATES.map((state) => {
				const look = frontLook('line', 'unknown', state);
				return { swatch: { kind: 'line', colour: STATE_SWATCH_COLOUR, width: 3, dashArray: look.dashArray, opacity: look.opacity }, label: state };
			})
		},
		{
			title: 'Places held by',
			entries: CONTROL_STATES.map((control) => ({ swatch: { kind: 'dot', colour: CONTROL_COLOURS[control], filled: true }, label: control }))
		},
		{
			title: 'Reports',
			entries: CONFIDENCE_LEVELS.map((grade) => ({ swatch: { kind: 'dot', colour: GRADE_STYLE[grade].colour, filled: GRADE_STYLE[grade].filled }, label: GRADE_STYLE[grade].label }))
		}
	];
}
