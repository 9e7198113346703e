/** What the room thread and the keyframe worker say to each other (structured-cloned). */
export type ToKeyframeWorker =
	| { type: 'open'; boardId: string; parts: Uint8Array[] }
	| { type: 'append'; boardId: string; updates: Uint8Array[] }
	| { type: 'snapshot'; boardId: string; id: number }
	| { type: 'close'; boardId: string };

export type FromKeyframeWorker =
	| { type: 'snapshot'; id: number; state: Uint8Array }
	| { type: 'failed'; id: number; message: string };
