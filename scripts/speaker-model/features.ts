// Speaker candidates of one extracted quote and their features (research spike, issue 17).
// Everything is read from the extractor's public output (quotes, people, unnamed sources,
// organizations, mentions) and the text, so the same code featurizes the output of any commit's
// extractor. No feature names a story, a person or a sentence: only distances, layout and
// closed word lists.
import { REPORTING_VERBS } from "../../src/extraction/speech/lexicon.js";
import type { Extraction, ExtractedQuote, TextRange } from "../../src/extraction/types.js";

/** Who a candidate says spoke: what the quote's speaker fields would be set to. */
export interface Candidate {
  readonly id: string;
  readonly type: "person" | "organization" | "anonymous" | "none";
  readonly speaker: string | null;
  readonly speakerKind: "person" | "organization" | null;
  readonly speakerDescription: string | null;
  readonly features: Readonly<Record<string, number>>;
}

/** Positions and layout of one story, computed once. */
export interface StoryIndex {
  readonly text: string;
  readonly extraction: Extraction;
  /** Sorted starts of words, paragraphs and sentences, for counting boundaries between two offsets. */
  readonly wordStarts: readonly number[];
  readonly paragraphStarts: readonly number[];
  readonly sentenceStarts: readonly number[];
  /** Lines that open with a transcript turn label ("MR. KIRBY:", "Q:"), with the label. */
  readonly labels: readonly { readonly start: number; readonly label: string }[];
  readonly quotesByStart: readonly ExtractedQuote[];
  readonly occurrences: ReadonlyMap<string, readonly TextRange[]>;
  readonly firstLineEnd: number;
}

const starts = (text: string, pattern: RegExp): number[] => [0, ...[...text.matchAll(pattern)].map((match) => (match.index ?? 0) + match[0].length)];

/** How many of the sorted values are below `position`. */
function countBelow(sorted: readonly number[], position: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((sorted[middle] as number) < position) low = middle + 1;
    else high = middle;
  }
  return low;
}

const escapeRegExp = (value: string): string => value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The candidate's id: its speaker name, or its description when unnamed. */
const candidateId = (speaker: string | null, description: string | null): string => (speaker ? `s:${speaker}` : description ? `d:${description}` : "none");

/** Every place the text names a candidate: the extractor's mentions, then its names and aliases found verbatim. */
function findOccurrences(text: string, extraction: Extraction): Map<string, TextRange[]> {
  const byId = new Map<string, TextRange[]>();
  const add = (id: string, range: TextRange): void => {
    const list = byId.get(id) ?? [];
    if (!list.some((other) => other.start < range.end && range.start < other.end)) list.push(range);
    byId.set(id, list);
  };
  for (const mention of extraction.mentions) {
    if (mention.type === "place") continue;
    add(mention.type === "anonymous" ? candidateId(null, mention.name) : candidateId(mention.name, null), mention);
  }
  const verbatim = (id: string, names: readonly string[]): void => {
    for (const name of names.filter((value) => value.trim().length >= 3)) {
      for (const match of text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name)}(?![\\p{L}\\p{N}])`, "gu"))) {
        add(id, { start: match.index ?? 0, end: (match.index ?? 0) + match[0].length });
      }
    }
  };
  for (const person of extraction.people) verbatim(candidateId(person.name, null), [person.name, ...person.aliases]);
  for (const organization of extraction.organizations) verbatim(candidateId(organization, null), [organization]);
  for (const source of extraction.anonymousSources) verbatim(candidateId(null, source.description), [source.description, ...source.aliases]);
  for (const list of byId.values()) list.sort((a, b) => a.start - b.start);
  return byId;
}

/** Lays out one story for featurizing. */
export function indexStory(text: string, extraction: Extraction): StoryIndex {
  const labels = [...text.matchAll(/(?:^|\n)[ \t]*([A-Z][^\n:]{0,60}):/g)]
    .filter((match) => !/\b(?:presenter|briefer|date|subject|location|time)\b/i.test(match[1] ?? ""))
    .map((match) => ({ start: (match.index ?? 0) + (match[0].startsWith("\n") ? 1 : 0), label: (match[1] ?? "").trim() }));
  return {
    text,
    extraction,
    wordStarts: [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((match) => match.index ?? 0),
    paragraphStarts: starts(text, /\n[ \t]*\n\s*/g),
    sentenceStarts: starts(text, /(?:[.!?]["”’')\]]*\s+|\n\s*)/g),
    labels,
    quotesByStart: [...extraction.quotes].sort((a, b) => a.start - b.start),
    occurrences: findOccurrences(text, extraction),
    firstLineEnd: text.indexOf("\n") >= 0 ? text.indexOf("\n") : text.length,
  };
}

/** The words right after `end` and right before `start`, lower case. */
const wordsAfter = (text: string, end: number, count: number): string[] => (text.slice(end, end + 60).toLowerCase().match(/[\p{L}']+/gu) ?? []).slice(0, count);
const wordsBefore = (text: string, start: number, count: number): string[] => (text.slice(Math.max(0, start - 40), start).toLowerCase().match(/[\p{L}']+/gu) ?? []).slice(-count);

const PRONOUN_CUE = /\b(?:he|she|they)\s+(?:said|says|added|told|noted|stressed|explained)\b|\b(?:said|says|added)\s+(?:he|she)\b/i;

/** The candidates of one quote (every person, organization and unnamed source the extractor knows, the rules' own choice and nobody), featurized. */
export function candidatesOf(index: StoryIndex, quote: ExtractedQuote, useRules: boolean): Candidate[] {
  const { text, extraction } = index;
  const raw: Omit<Candidate, "features">[] = [
    ...extraction.people.map((person) => ({ id: candidateId(person.name, null), type: "person" as const, speaker: person.name, speakerKind: "person" as const, speakerDescription: person.titles[0] ?? null })),
    ...extraction.organizations.map((name) => ({ id: candidateId(name, null), type: "organization" as const, speaker: name, speakerKind: "organization" as const, speakerDescription: null })),
    ...extraction.anonymousSources.map((source) => ({ id: candidateId(null, source.description), type: "anonymous" as const, speaker: null, speakerKind: null, speakerDescription: source.description })),
    { id: "none", type: "none" as const, speaker: null, speakerKind: null, speakerDescription: null },
  ];
  const rulesId = candidateId(quote.speaker, quote.speakerDescription);
  if (!raw.some((candidate) => candidate.id === rulesId)) {
    raw.push({
      id: rulesId,
      type: quote.speaker ? (quote.speakerKind ?? "person") : quote.speakerDescription ? "anonymous" : "none",
      speaker: quote.speaker,
      speakerKind: quote.speakerKind,
      speakerDescription: quote.speakerDescription,
    });
  }
  const seen = new Set<string>();
  const unique = raw.filter((candidate) => (seen.has(candidate.id) ? false : (seen.add(candidate.id), true)));

  const word = (position: number): number => countBelow(index.wordStarts, position);
  const paragraph = (position: number): number => countBelow(index.paragraphStarts, position + 1);
  const sentence = (position: number): number => countBelow(index.sentenceStarts, position + 1);
  const quoteParagraph = paragraph(quote.start);
  const quoteSentence = sentence(quote.start);
  const endSentence = sentence(Math.max(quote.start, quote.end - 1));
  const ordinal = index.quotesByStart.indexOf(quote);
  const previous = ordinal > 0 ? index.quotesByStart[ordinal - 1] : undefined;
  const next = ordinal >= 0 ? index.quotesByStart[ordinal + 1] : undefined;
  const label = [...index.labels].reverse().find((entry) => entry.start < quote.start);
  const windowText = text.slice(Math.max(0, quote.start - 80), Math.min(text.length, quote.end + 60));
  const pronounCue = PRONOUN_CUE.test(windowText) || (quote.attribution !== null && /\b(?:he|she|they)\b/i.test(text.slice(quote.attribution.start, quote.attribution.end))) ? 1 : 0;
  const mentionTotal = Math.max(1, ...unique.map((candidate) => (index.occurrences.get(candidate.id) ?? []).length));
  const kind = { direct: quote.kind === "direct" ? 1 : 0, partial: quote.kind === "partial" ? 1 : 0, indirect: quote.kind === "indirect" ? 1 : 0 };
  const medium = { briefing: quote.medium === "briefing" ? 1 : 0, statement: quote.medium === "statement" ? 1 : 0 };

  interface Geometry {
    before: number | null;
    after: number | null;
    beforeSentences: number;
    afterSentences: number;
    beforeParagraphs: number;
    afterParagraphs: number;
  }
  const geometry = new Map<string, Geometry>();
  for (const candidate of unique) {
    const places = index.occurrences.get(candidate.id) ?? [];
    const before = places.filter((place) => place.end <= quote.start).pop();
    const after = places.find((place) => place.start >= quote.end);
    geometry.set(candidate.id, {
      before: before ? word(quote.start) - word(before.end) : null,
      after: after ? word(after.start) - word(quote.end) : null,
      beforeSentences: before ? quoteSentence - sentence(before.start) : 99,
      afterSentences: after ? sentence(after.start) - endSentence : 99,
      beforeParagraphs: before ? quoteParagraph - paragraph(before.start) : 99,
      afterParagraphs: after ? paragraph(after.start) - paragraph(quote.end - 1) : 99,
    });
  }
  const rankBy = (pick: (entry: Geometry) => number | null): Map<string, number> => {
    const ordered = unique
      .filter((candidate) => candidate.type !== "none" && pick(geometry.get(candidate.id) as Geometry) !== null)
      .sort((a, b) => (pick(geometry.get(a.id) as Geometry) as number) - (pick(geometry.get(b.id) as Geometry) as number));
    return new Map(ordered.map((candidate, rank) => [candidate.id, rank + 1]));
  };
  const beforeRank = rankBy((entry) => entry.before);
  const afterRank = rankBy((entry) => entry.after);
  const nearestRank = rankBy((entry) => Math.min(entry.before ?? Infinity, entry.after ?? Infinity) === Infinity ? null : Math.min(entry.before ?? Infinity, entry.after ?? Infinity));
  const personBeforeRank = rankBy((entry) => entry.before);

  return unique.map((candidate) => {
    const places = index.occurrences.get(candidate.id) ?? [];
    const shape = geometry.get(candidate.id) as Geometry;
    const isRules = useRules && candidate.id === rulesId ? 1 : 0;
    const named = candidate.type === "none" ? 0 : 1;
    const verbNear = (place: TextRange): boolean =>
      wordsAfter(text, place.end, 4).some((value) => REPORTING_VERBS.has(value)) || wordsBefore(text, place.start, 2).some((value) => REPORTING_VERBS.has(value));
    const inQuoteParagraph = places.filter((place) => paragraph(place.start) === quoteParagraph && (place.end <= quote.start || place.start >= quote.end));
    const inPreviousParagraph = places.filter((place) => paragraph(place.start) === quoteParagraph - 1);
    const labelNames = label && candidate.type !== "none" ? [candidate.speaker ?? candidate.speakerDescription ?? "", ...(extraction.people.find((person) => person.name === candidate.speaker)?.aliases ?? [])] : [];
    const labelHit = label !== undefined && labelNames.some((name) => {
      const surname = name.trim().split(/\s+/).pop() ?? "";
      return surname.length >= 3 && label.label.toLowerCase().split(/[^\p{L}]+/u).includes(surname.toLowerCase());
    });
    const beforeRankOf = beforeRank.get(candidate.id) ?? 0;
    const features: Record<string, number> = {
      isRules,
      rulesConfidence: isRules * quote.confidence,
      rulesWithAttribution: isRules * (quote.attribution ? 1 : 0),
      rulesBriefing: isRules * medium.briefing,
      rulesIndirect: isRules * kind.indirect,
      rulesPartial: isRules * kind.partial,
      typePerson: candidate.type === "person" ? 1 : 0,
      typeOrganization: candidate.type === "organization" ? 1 : 0,
      typeAnonymous: candidate.type === "anonymous" ? 1 : 0,
      typeNone: candidate.type === "none" ? 1 : 0,
      noneNoAttribution: candidate.type === "none" && !quote.attribution ? 1 : 0,
      noneStatement: candidate.type === "none" ? medium.statement : 0,
      noneBriefing: candidate.type === "none" ? medium.briefing : 0,
      hasBefore: shape.before !== null ? 1 : 0,
      hasAfter: shape.after !== null ? 1 : 0,
      logWordsBefore: shape.before !== null ? Math.log1p(shape.before) / 5 : 0,
      logWordsAfter: shape.after !== null ? Math.log1p(shape.after) / 5 : 0,
      sameSentenceBefore: shape.beforeSentences === 0 ? 1 : 0,
      sameSentenceAfter: shape.afterSentences === 0 ? 1 : 0,
      sentenceBefore1: shape.beforeSentences === 1 ? 1 : 0,
      sameParagraphBefore: shape.beforeParagraphs === 0 ? 1 : 0,
      sameParagraphAfter: shape.afterParagraphs === 0 ? 1 : 0,
      paragraphBefore1: shape.beforeParagraphs === 1 ? 1 : 0,
      logParagraphsBefore: Math.log1p(Math.min(shape.beforeParagraphs, 99)) / 5,
      nearestBefore: beforeRankOf === 1 ? 1 : 0,
      secondBefore: beforeRankOf === 2 ? 1 : 0,
      nearestAfter: afterRank.get(candidate.id) === 1 ? 1 : 0,
      nearestAny: nearestRank.get(candidate.id) === 1 ? 1 : 0,
      nearestBeforePronoun: candidate.type === "person" && personBeforeRank.get(candidate.id) === 1 ? pronounCue : 0,
      insideQuote: places.some((place) => place.start >= quote.start && place.end <= quote.end) ? 1 : 0,
      inAttribution: quote.attribution !== null && places.some((place) => place.start < (quote.attribution as TextRange).end && (quote.attribution as TextRange).start < place.end) ? 1 : 0,
      verbSameParagraph: inQuoteParagraph.some(verbNear) ? 1 : 0,
      verbPreviousParagraph: inPreviousParagraph.some(verbNear) ? 1 : 0,
      verbAnywhere: places.some(verbNear) ? 1 : 0,
      turnLabel: labelHit ? 1 : 0,
      turnLabelBriefing: labelHit ? medium.briefing : 0,
      logMentions: Math.log1p(places.length) / 3,
      mostMentioned: named && places.length === mentionTotal ? 1 : 0,
      inHeadline: places.some((place) => place.start < index.firstLineEnd) ? 1 : 0,
      inFirstParagraphs: places.some((place) => paragraph(place.start) <= 2) ? 1 : 0,
      statementHeadline: places.some((place) => place.start < index.firstLineEnd) ? medium.statement : 0,
      previousQuoteSpeaker: previous && candidateId(previous.speaker, previous.speakerDescription) === candidate.id && candidate.type !== "none" ? 1 : 0,
      nextQuoteSpeaker: next && candidateId(next.speaker, next.speakerDescription) === candidate.id && candidate.type !== "none" ? 1 : 0,
      personHasTitle: candidate.type === "person" && (extraction.people.find((person) => person.name === candidate.speaker)?.titles.length ?? 0) > 0 ? 1 : 0,
      organizationIndirect: candidate.type === "organization" ? kind.indirect : 0,
      anonymousIndirect: candidate.type === "anonymous" ? kind.indirect : 0,
    };
    return { ...candidate, features };
  });
}

/** Sets a quote's speaker fields to a candidate's. */
export function withSpeaker(quote: ExtractedQuote, candidate: Candidate): ExtractedQuote {
  return { ...quote, speaker: candidate.speaker, speakerKind: candidate.speakerKind, speakerDescription: candidate.speakerDescription };
}
