/**
 * Text that is shown on one line in other people's screens and logs — a board's title in every
 * watcher's list — must not carry characters that change how the text around it reads:
 * - C0 and C1 control characters: a CR or LF splits a list row or a log line into a forged one,
 *   a NUL cuts the text short in C libraries, the others are invisible;
 * - the bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): with
 *   them a title displays in an order other than the one it is stored in ("Trojan Source").
 * Shared by the client (form checks) and the server (every schema that takes such a label).
 */
import { z } from 'zod';

const UNSAFE_CHARACTER = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** "U+000A", for a message that must itself stay printable. */
const codePoint = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** The first control or bidi-override character in `text`, as U+XXXX; null when there is none. */
export function unsafeCharacter(text: string): string | null {
	const found = UNSAFE_CHARACTER.exec(text);
	return found ? codePoint(found[0]) : null;
}

/** A string schema that refuses control and bidi-override characters, naming the first one. */
export const plainLine = () =>
	z.string().refine((text) => unsafeCharacter(text) === null, {
		error: (issue) => `must not contain control characters, line breaks or bidirectional overrides (found ${unsafeCharacter(String(issue.input))})`
	});
