/**
 * Token secrets: 32 random bytes, base64url (URL-safe, so a share link needs no escaping). Only
 * the SHA-256 of a secret is ever stored or compared, so a copy of the database opens no board.
 * A plain hash is enough (no salt or slow KDF): the secret has 256 bits of entropy, not a password.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { AccessError } from './access-error';

export const newSecret = (): string => randomBytes(32).toString('base64url');

/** A token's public id: short, random, safe to show and log (it opens nothing). */
export const newTokenId = (): string => randomBytes(9).toString('base64url');

export const hashSecret = (secret: string): string => createHash('sha256').update(secret, 'utf8').digest('hex');

/** Constant-time comparison of a presented secret with a configured one (e.g. ADMIN_TOKEN). */
export function sameSecret(presented: string | null | undefined, expected: string | null): boolean {
	if (!presented || !expected) return false;
	// Hashing first gives equal lengths, which timingSafeEqual needs, and hides the expected length.
	return timingSafeEqual(createHash('sha256').update(presented).digest(), createHash('sha256').update(expected).digest());
}

/**
 * The secret from an `Authorization: Bearer …` header; null when there is no header. A header in
 * any other form (`Basic …`, `Bearer` with no value) is refused with 401 rather than read as
 * anonymous: on a public board the caller would silently get less than it asked for.
 */
export function bearerToken(header: string | undefined): string | null {
	if (header === undefined || header.trim() === '') return null;
	const match = /^Bearer[ \t]+([^\s]+)[ \t]*$/i.exec(header);
	if (!match) throw new AccessError(401, 'the Authorization header must be "Bearer <token>"');
	return match[1]!;
}
