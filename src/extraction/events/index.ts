import type { AnalyzedText } from "../text.js";
import type { EventsExtraction, ExtractionOptions, SpeechExtraction } from "../types.js";

/** Places and incidents of an analyzed text (the speech pass's result helps attribute them). */
export function extractEvents(_analyzed: AnalyzedText, _options: ExtractionOptions, _speech: SpeechExtraction): EventsExtraction {
  // SCAFFOLD (replaced by the events pass during this session): nothing found yet.
  return { places: [], incidents: [], mentions: [] };
}
