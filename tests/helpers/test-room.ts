/**
 * A Room as the unit tests build it: memory storage, keyframes in this thread, the real content
 * validator and a silent logger. Watchers join through in-memory sockets (memory-socket.ts).
 */
import * as Y from 'yjs';
import { Connection } from '../../server/rooms/connection';
import { keyframeEvery } from '../../server/rooms/keyframe-policy';
import { Keyframes, NO_KEYFRAME } from '../../server/rooms/keyframes';
import { Room } from '../../server/rooms/room';
import { inThreadShadows, type ShadowHost } from '../../server/rooms/shadow-host';
import { validateUpdate } from '../../server/rooms/update-validator';
import { MemorySocket } from './memory-socket';
import { memoryStorage } from './memory-storage';

export const silentLogger = { info() {}, warn() {} };

/** `keyframeInterval`: a keyframe after exactly every that many updates; `host`: where shadows live. */
export function testRoom(options: { events?: string[]; keyframeInterval?: number; host?: ShadowHost } = {}) {
	const storage = memoryStorage(options.events);
	const keyframes = new Keyframes(options.host ?? inThreadShadows(), storage, keyframeEvery(options.keyframeInterval ?? 1000), silentLogger);
	const room = new Room('b', new Y.Doc(), 0, NO_KEYFRAME, 0, { storage, validator: validateUpdate, logger: silentLogger, keyframes, maxBufferedBytes: 1 << 20 });
	/** A watcher joins through an in-memory socket. */
	const join = (actor: string) => {
		const socket = new MemorySocket();
		const connection = new Connection(socket, actor);
		room.join(connection);
		return { socket, connection };
	};
	return { storage, room, join };
}
