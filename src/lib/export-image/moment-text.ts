/**
 * How the picture's frame names its moment: the replayed moment as the replay banner does, or the
 * moment the live board was pictured. The app's one UTC format (format/utc-time.ts).
 */
import { formatUtc } from '../format/utc-time';

export function momentText(ms: number, replaying: boolean): string {
	return replaying ? `As at ${formatUtc(ms)}` : `${formatUtc(ms)} · live`;
}
