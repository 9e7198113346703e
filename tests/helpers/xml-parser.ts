/** The XML parser the import module needs, in Node: @xmldom/xmldom (the browser uses DOMParser). */
import { DOMParser } from '@xmldom/xmldom';
import type { XmlParser } from '../../src/lib/interchange/import-file';

// A fatal error still throws (and the import names it); nothing is printed to the test log.
const quiet = { onError: () => {} };

export const parseXml: XmlParser = (text) => new DOMParser(quiet).parseFromString(text, 'application/xml') as unknown as Document;
