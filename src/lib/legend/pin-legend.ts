/**
 * Who holds a place, as the legend, the map's pin glyphs, the pin editor and KML export show it.
 * Contested places are amber: neither side's colour.
 */
import type { ControlState } from '../model/pin';
import { SIDE_BLUE, SIDE_RED } from './side-colours';

export const CONTROL_COLOURS: Record<ControlState, string> = {
	ukraine: SIDE_BLUE,
	russia: SIDE_RED,
	contested: '#e09b1a',
	unknown: '#6b7280'
};

export const CONTROL_LABELS: Record<ControlState, string> = {
	ukraine: 'held by Ukraine',
	russia: 'held by Russia',
	contested: 'contested',
	unknown: 'control unknown'
};
