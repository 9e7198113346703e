/**
 * A demo board is recorded as a script: timed steps, each one named model operation by one
 * watcher. Seeding plays the script through the live room, so the board's history reads like a
 * real session (who did what, when) and replay works on it like on any other board.
 */
import type * as Y from 'yjs';
import type { OperationContext } from '../../src/lib/model/operation-context';

export interface DemoStep {
	/** When the step happened, ISO 8601 UTC (e.g. '2022-09-10T14:05:00Z'). */
	at: string;
	/** The watcher who made the change, as attribution will show it. */
	actor: string;
	/** One named operation from src/lib/model, called with the given context. */
	apply: (doc: Y.Doc, context: OperationContext) => void;
}

export interface DemoBoard {
	id: string;
	title: string;
	/** Chronological; the description and home view are steps too (describeBoard, setHomeView). */
	steps: DemoStep[];
}
