/** "added by Olena · 10 Sep 2022 08:00 UTC — changed by Taras · ..." — who made a record and who last changed it. */
import { formatUtc } from './utc-time';

export function describeProvenance(record: { createdBy?: string; createdAt?: number; updatedBy?: string; updatedAt?: number }): string {
	const parts: string[] = [];
	if (record.createdAt !== undefined) parts.push(`added${record.createdBy ? ` by ${record.createdBy}` : ''} · ${formatUtc(record.createdAt)}`);
	if (record.updatedAt !== undefined) parts.push(`changed${record.updatedBy ? ` by ${record.updatedBy}` : ''} · ${formatUtc(record.updatedAt)}`);
	return parts.join(' — ');
}
