import type { AnalyzedText } from "../text.js";
import type { ExtractionOptions, SpeechExtraction } from "../types.js";

/** Quotes, speakers, people, unnamed sources and organizations of an analyzed text. */
export function extractSpeech(_analyzed: AnalyzedText, _options: ExtractionOptions): SpeechExtraction {
  // SCAFFOLD (replaced by the speech pass during this session): nothing found yet.
  return { quotes: [], people: [], anonymousSources: [], organizations: [], mentions: [] };
}
