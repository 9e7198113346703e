import { describe, expect, it } from 'vitest';
import { safeLink } from '../../src/lib/format/safe-link';

describe('safe links', () => {
	it('turns http(s) URLs into links shown by domain', () => {
		expect(safeLink('https://www.example.org/a?b=c')).toEqual({ href: 'https://www.example.org/a?b=c', domain: 'example.org' });
		expect(safeLink('http://news.example.com')).toMatchObject({ domain: 'news.example.com' });
	});

	it.each(['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<script>x</script>', 'vbscript:x', 'file:///etc/passwd', '//evil.example', 'not a url', ''])(
		'refuses %s',
		(url) => {
			expect(safeLink(url)).toBeNull();
		}
	);
});
