/**
 * A report source as a link a reader can trust: only http(s) URLs become links, shown by their
 * domain so a long tracking URL cannot pose as something else. Anything else is no link at all.
 */
export interface SafeLink {
	href: string;
	domain: string;
}

export function safeLink(url: string): SafeLink | null {
	try {
		const parsed = new URL(url);
		if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
		return { href: parsed.href, domain: parsed.hostname.replace(/^www\./, '') };
	} catch {
		return null;
	}
}
