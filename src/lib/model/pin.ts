/** A pin: one place or thing on the map — a town, a unit, a rail hub, a bridge. */
import { z } from 'zod';
import { epochMillis, itemId, latitude, longitude, name, note, provenance, side } from './common';

export const PIN_KINDS = [
	'town',
	'city',
	'unit',
	'rail-hub',
	'bridge',
	'crossing',
	'airfield',
	'port',
	'border-area',
	'landmark',
	'other'
] as const;
export const pinKind = z.enum(PIN_KINDS);
export type PinKind = z.infer<typeof pinKind>;

/** For `unit` pins: the arm, drawn as a MIL-STD-2525 / APP-6 symbol (with `side` and `echelon`). */
export const UNIT_TYPES = [
	'infantry',
	'mechanized',
	'armour',
	'artillery',
	'air-defence',
	'reconnaissance',
	'airborne',
	'marines',
	'special-forces',
	'engineers',
	'logistics',
	'headquarters',
	'unknown'
] as const;
export const unitType = z.enum(UNIT_TYPES);
export type UnitType = z.infer<typeof unitType>;

export const ECHELONS = ['team', 'squad', 'platoon', 'company', 'battalion', 'regiment', 'brigade', 'division', 'corps', 'army'] as const;
export const echelon = z.enum(ECHELONS);
export type Echelon = z.infer<typeof echelon>;

/** Who holds a place. `contested` while fighting goes on; `controlSince` says since when. */
export const CONTROL_STATES = ['ukraine', 'russia', 'contested', 'unknown'] as const;
export const controlState = z.enum(CONTROL_STATES);
export type ControlState = z.infer<typeof controlState>;

export const pinSchema = z.object({
	id: itemId,
	name,
	lat: latitude,
	lng: longitude,
	kind: pinKind.default('other'),
	/** For units and assets: whose they are. Places use `control` instead. */
	side: side.default('unknown'),
	control: controlState.default('unknown'),
	controlSince: epochMillis.optional(),
	unitType: unitType.optional(),
	echelon: echelon.optional(),
	sector: itemId.optional(),
	note: note.optional(),
	...provenance
});
export type Pin = z.infer<typeof pinSchema>;

/** What a caller supplies to create a pin; id and provenance are filled in by `addPin`. */
export const newPinSchema = pinSchema.omit({
	id: true,
	createdBy: true,
	createdAt: true,
	updatedBy: true,
	updatedAt: true
}).extend({ id: itemId.optional() });
export type NewPin = z.input<typeof newPinSchema>;

/** Fields `updatePin` may change; position and name have their own operations for clearer history. */
export const pinPatchSchema = z
	.object({
		kind: pinKind,
		side,
		control: controlState,
		controlSince: epochMillis,
		unitType,
		echelon,
		sector: itemId,
		note
	})
	.partial();
export type PinPatch = z.input<typeof pinPatchSchema>;
