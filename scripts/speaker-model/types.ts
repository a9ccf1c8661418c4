// Shapes shared by the speaker re-ranking spike's scripts.
import type { ScoredDocument } from "../../src/evaluation/score-extraction.js";
import type { Extraction } from "../../src/extraction/types.js";

/** An answer key as the spike reads it. */
export type KeyFile = ScoredDocument & { readonly article?: { readonly publishedAt?: string | null; readonly headline?: string | null } };

/** One story: its batch, text, key and one extractor's output. */
export interface DumpedStory {
  readonly batch: string;
  readonly story: string;
  readonly text: string;
  readonly key: KeyFile;
  readonly extraction: Extraction;
}

/** What dump.ts writes. */
export interface DumpFile {
  readonly src: string;
  readonly stories: DumpedStory[];
}
