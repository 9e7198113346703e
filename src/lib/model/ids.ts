/**
 * Record ids: short, URL-safe and random. `crypto.getRandomValues` exists in browsers (also on
 * plain-http LAN addresses, where `randomUUID` does not) and in Node.
 */
const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

export function newId(prefix: string, length = 12): string {
	const bytes = new Uint8Array(length);
	globalThis.crypto.getRandomValues(bytes);
	let id = `${prefix}-`;
	for (const byte of bytes) id += ALPHABET[byte % ALPHABET.length];
	return id;
}
