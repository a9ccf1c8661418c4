import { expect } from "vitest";
import { extractEvents } from "../../../src/extraction/events/index.js";
import { analyzeText } from "../../../src/extraction/text.js";
import type { EventsExtraction, ExtractedIncident, SpeechExtraction } from "../../../src/extraction/types.js";

// The events pass on its own, as the incident test files drive it: a story with no speech,
// published on Friday 2018-09-28 unless a test says otherwise.

const noSpeech: SpeechExtraction = { quotes: [], people: [], anonymousSources: [], organizations: [], mentions: [] };

/** What the events pass finds in `text`. */
export const events = (text: string, headline: string | null = null, publishedAt = "2018-09-28"): EventsExtraction =>
  extractEvents(analyzeText(text), { publishedAt, headline }, noSpeech);

/** The one incident the events pass must find in `text`. */
export const only = (text: string, headline: string | null = null): ExtractedIncident => {
  const { incidents } = events(text, headline);
  expect(incidents).toHaveLength(1);
  return incidents[0] as ExtractedIncident;
};

/** Each incident of `text` as one row: type, place, day, and the fatality and injury minimums. */
export const incidentRows = (text: string, headline: string | null = null): (string | number | null)[][] =>
  events(text, headline).incidents.map((incident) => [incident.type, incident.place, incident.date, incident.fatalities.min, incident.injuries.min]);
