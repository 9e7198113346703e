/**
 * Security headers on every HTTP response of the app and the API. The CSP is strict on scripts
 * ('self' plus the SHA-256 of each inline script): SvelteKit's HTML shell starts the app with one
 * small inline script, so an HTML response is held until it ends, its inline scripts are hashed,
 * and the header names exactly those. Nothing else may run inline — an injected <script> or an
 * on* attribute is refused by the browser. Styles keep 'unsafe-inline' (Svelte and Leaflet set
 * style attributes; CSS cannot run code).
 */
import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';

export function contentSecurityPolicy(tileUrl: string | null, scriptHashes: readonly string[] = []): string {
	let tileOrigin = '';
	try {
		if (tileUrl) tileOrigin = ` ${new URL(tileUrl.replace(/\{[a-z]\}/gi, 'x')).origin}`;
	} catch {
		tileOrigin = '';
	}
	return [
		"default-src 'self'",
		`script-src 'self'${scriptHashes.map((hash) => ` 'sha256-${hash}'`).join('')}`,
		"style-src 'self' 'unsafe-inline'",
		`img-src 'self' data: blob:${tileOrigin}`,
		"connect-src 'self' ws: wss:",
		"worker-src 'self'",
		"font-src 'self' data:",
		"object-src 'none'",
		"base-uri 'self'",
		"form-action 'self'",
		"frame-ancestors 'none'"
	].join('; ');
}

const STATIC_HEADERS: Record<string, string> = {
	'x-content-type-options': 'nosniff',
	// Cross-origin requests (tiles) get the origin only, never a share link's token; OSM's tile
	// policy wants a Referer, so no-referrer would cost the basemap.
	'referrer-policy': 'strict-origin-when-cross-origin',
	'x-frame-options': 'DENY',
	// The board uses none of these; geolocation stays for "centre on me" from this origin only.
	'permissions-policy': 'camera=(), microphone=(), payment=(), usb=(), geolocation=(self)',
	'cross-origin-opener-policy': 'same-origin'
};

const INLINE_SCRIPT = /<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi;

export function inlineScriptHashes(html: string): string[] {
	return [...html.matchAll(INLINE_SCRIPT)].map((match) => createHash('sha256').update(match[1]!, 'utf8').digest('base64'));
}

/**
 * Sets the headers on `res` before anyone writes it. Non-HTML responses are untouched beyond
 * that; an HTML one is buffered (a few kB shell) so its CSP can carry the inline scripts' hashes.
 */
export function applySecurityHeaders(res: ServerResponse, tileUrl: string | null): void {
	for (const [name, value] of Object.entries(STATIC_HEADERS)) res.setHeader(name, value);
	res.setHeader('content-security-policy', contentSecurityPolicy(tileUrl));

	const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
	const write = res.write.bind(res) as (...args: unknown[]) => boolean;
	const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
	let held: unknown[] | null = null;
	const chunks: Buffer[] = [];
	const isHtml = (args: unknown[]) => {
		const headers = args.find((arg) => arg && typeof arg === 'object') as Record<string, unknown> | undefined;
		const type = headers?.['content-type'] ?? headers?.['Content-Type'] ?? res.getHeader('content-type');
		return /text\/html/i.test(String(type ?? ''));
	};
	const toBuffer = (chunk: unknown, encoding?: unknown) =>
		Buffer.isBuffer(chunk) ? chunk : typeof chunk === 'string' ? Buffer.from(chunk, (encoding as BufferEncoding) ?? 'utf8') : Buffer.from(chunk as Uint8Array);

	res.writeHead = ((...args: unknown[]) => {
		// A 304's headers replace the cached response's: a policy without the page's hashes would
		// then block its bootstrap script. Leave the cached policy alone.
		if (args[0] === 304) res.removeHeader('content-security-policy');
		if (held === null && isHtml(args)) {
			held = args;
			return res;
		}
		return writeHead(...args);
	}) as typeof res.writeHead;
	res.write = ((chunk: unknown, ...rest: unknown[]) => {
		if (held === null) return write(chunk, ...rest);
		chunks.push(toBuffer(chunk, typeof rest[0] === 'string' ? rest[0] : undefined));
		const callback = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined;
		callback?.();
		return true;
	}) as typeof res.write;
	res.end = ((...args: unknown[]) => {
		if (held === null) return end(...args);
		const [chunk, encoding] = args;
		if (chunk !== undefined && typeof chunk !== 'function') chunks.push(toBuffer(chunk, typeof encoding === 'string' ? encoding : undefined));
		const body = Buffer.concat(chunks);
		res.setHeader('content-security-policy', contentSecurityPolicy(tileUrl, inlineScriptHashes(body.toString('utf8'))));
		writeHead(...held);
		held = null;
		return end(body);
	}) as typeof res.end;
}
