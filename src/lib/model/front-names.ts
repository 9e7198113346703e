/**
 * The name a newly drawn front gets when its drawer gives none: "Front line 3", "Arrow 2",
 * "Area 1" — counted per kind and never one a front on the board already has, so the change list
 * and the legend never read "unnamed line".
 */
import type { Front, FrontKind } from './front';

export const FRONT_KIND_NAMES: Record<FrontKind, string> = { line: 'Front line', arrow: 'Arrow', area: 'Area' };

export function defaultFrontLabel(kind: FrontKind, fronts: readonly Pick<Front, 'kind' | 'label'>[]): string {
	const taken = new Set(fronts.map((front) => front.label));
	let n = fronts.filter((front) => front.kind === kind).length + 1;
	while (taken.has(`${FRONT_KIND_NAMES[kind]} ${n}`)) n++;
	return `${FRONT_KIND_NAMES[kind]} ${n}`;
}
