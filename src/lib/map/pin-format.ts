/**
 * Words for pins, shared by the map's tooltips and the pin editor (times in UTC, `format/utc-time.ts`).
 */
import type { Side } from '$lib/model/common';
import type { Echelon, Pin, PinKind, UnitType } from '$lib/model/pin';
import { formatUtc } from '../format/utc-time';
import { CONTROL_LABELS } from '../legend/pin-legend';

export const KIND_LABELS: Record<PinKind, string> = {
	town: 'town',
	city: 'city',
	unit: 'unit',
	'rail-hub': 'rail hub',
	bridge: 'bridge',
	crossing: 'crossing',
	airfield: 'airfield',
	port: 'port',
	'border-area': 'border area',
	landmark: 'landmark',
	other: 'other'
};

/** Whose a unit is, as an adjective ("Russian armour brigade"). */
export const SIDE_ADJECTIVES: Record<Side, string> = { ukraine: 'Ukrainian', russia: 'Russian', unknown: 'Unidentified' };

export const UNIT_TYPE_LABELS: Record<UnitType, string> = {
	infantry: 'infantry',
	mechanized: 'mechanized infantry',
	armour: 'armour',
	artillery: 'artillery',
	'air-defence': 'air defence',
	reconnaissance: 'reconnaissance',
	airborne: 'airborne',
	marines: 'marines',
	'special-forces': 'special forces',
	engineers: 'engineers',
	logistics: 'logistics',
	headquarters: 'headquarters',
	unknown: 'type unknown'
};

export const ECHELON_LABELS: Record<Echelon, string> = {
	team: 'team',
	squad: 'squad',
	platoon: 'platoon',
	company: 'company',
	battalion: 'battalion',
	regiment: 'regiment',
	brigade: 'brigade',
	division: 'division',
	corps: 'corps',
	army: 'army'
};

/** "Russian armour brigade" */
export function describeUnit(pin: Pick<Pin, 'side' | 'unitType' | 'echelon'>): string {
	const parts = [SIDE_ADJECTIVES[pin.side], pin.unitType && pin.unitType !== 'unknown' ? UNIT_TYPE_LABELS[pin.unitType] : 'unit'];
	if (pin.echelon) parts.push(ECHELON_LABELS[pin.echelon]);
	return parts.join(' ');
}

/** One line for a tooltip: what the pin is and, for places, who holds it since when. */
export function describePin(pin: Pin, changed: boolean): string {
	if (pin.kind === 'unit') return `${pin.name} — ${describeUnit(pin)}`;
	const since = pin.controlSince === undefined ? '' : ` since ${formatUtc(pin.controlSince)}`;
	return `${pin.name} — ${KIND_LABELS[pin.kind]}, ${CONTROL_LABELS[pin.control]}${since}${changed ? ' (changed hands)' : ''}`;
}
