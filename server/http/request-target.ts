/**
 * Reading a request's target without trusting it. `new URL` and `decodeURIComponent` throw on
 * targets a client can send at will (`//[/x`, `http://[/x`, `/%E0%A4`); every entry point reads
 * its target here, so none of them can be ended by one.
 */

/** The path and query of a request target; null when it is not a URL at all. */
export function parseTarget(raw: string | undefined): URL | null {
	const target = raw ?? '/';
	// Origin-form is what clients send; `//host/x` or absolute-form would make `new URL` read a
	// host out of the path, so only the path and query are parsed, against a fixed base.
	const originForm = target.startsWith('/') ? target.replace(/^\/{2,}/, '/') : null;
	if (originForm === null) return null;
	try {
		return new URL(originForm, 'http://localhost');
	} catch {
		return null;
	}
}

/** One path segment decoded; null for a malformed escape (`%E0`, `%`). */
export function decodeSegment(segment: string): string | null {
	try {
		return decodeURIComponent(segment);
	} catch {
		return null;
	}
}
