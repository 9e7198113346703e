/** Turning the report form's fields into the model's input; parsing lives here so it is testable. */
import { parseUtcInput } from '../../format/utc-input';
import type { Confidence, NewReport } from '$lib/model/report';


export interface ReportFormValues {
	text: string;
	eventTime: string;
	sources: string;
	confidence: Confidence;
	reliability: '' | 'A' | 'B' | 'C' | 'D' | 'E' | 'F';
	credibility: '' | '1' | '2' | '3' | '4' | '5' | '6';
	place: { lat: number; lng: number } | null;
	links: string[];
}

export function toNewReport(values: ReportFormValues): { ok: true; report: NewReport } | { ok: false; error: string } {
	const eventTime = parseUtcInput(values.eventTime);
	if (eventTime === null) return { ok: false, error: 'When did it happen? Give an event time.' };
	const sources = values.sources
		.split(/\s+/)
		.map((url) => url.trim())
		.filter(Boolean)
		.map((url) => ({ url }));
	const admiralty =
		values.reliability && values.credibility ? { reliability: values.reliability, credibility: Number(values.credibility) } : undefined;
	if (Boolean(values.reliability) !== Boolean(values.credibility)) return { ok: false, error: 'An admiralty code needs both a reliability (A–F) and a credibility (1–6).' };
	return {
		ok: true,
		report: { text: values.text, eventTime, sources, confidence: values.confidence, admiralty, place: values.place ?? undefined, links: values.links }
	};
}
