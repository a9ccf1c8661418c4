import type { AnalyzedText, Token } from "../text.js";
import type { ExtractedQuote, ExtractionOptions, SpeechExtraction, TextRange } from "../types.js";
import { CONFIDENCE } from "./attribution.js";
import { type BriefingTurn, findBriefingTurns } from "./briefing.js";
import { Cast, type PersonEntry } from "./cast.js";
import { attributeQuote } from "./direct.js";
import { findIndirectSpeech, recordStatements } from "./indirect.js";
import { findOrganizations } from "./organizations.js";
import { findPeople, findPersonMentions } from "./people.js";
import { findQuoteSpans } from "./quotes.js";
import { type SocialPost, findSocialPosts } from "./social-posts.js";
import { type Walk, datelineEnd } from "./walk.js";

// The speech pass, in the order a reader meets things: people with titles and organizations
// first (they are named before they are referred to), then one front-to-back reading that
// attributes quotes, records statements and reads reported speech sentence by sentence, so
// every "the official" or "she" resolves against what came before it.

const within = (outer: TextRange) => (inner: TextRange): boolean => inner.start >= outer.start && inner.end <= outer.end;

/** Quotes, speakers, people, unnamed sources and organizations of an analyzed text. */
export function extractSpeech(analyzed: AnalyzedText, _options: ExtractionOptions): SpeechExtraction {
  const { text } = analyzed;
  const cast = new Cast(text);
  const posts = findSocialPosts(analyzed);
  const turns = findBriefingTurns(analyzed);
  // Headline and byline lines restate the story; its speech is read from the body.
  const storyStart = analyzed.paragraphs[firstStoryParagraph(analyzed)]?.start ?? 0;
  const special = [...posts.map((post) => post.lines), ...turns.map((turn) => turn.line), { start: 0, end: storyStart }];
  const isSpecial = (range: TextRange): boolean => special.some((outer) => within(outer)(range));

  findOrganizations(analyzed, cast, (range) => posts.some((post) => within(post.credit)(range)));
  findPeople(analyzed, cast, (range) => posts.some((post) => within(post.credit)(range)));
  for (const post of posts) {
    const person = cast.personNamed(post.name) ?? cast.addPerson(post.name, null, 0.9);
    cast.addAlias(person, post.handle);
  }
  findPersonMentions(analyzed, cast);

  const spans = findQuoteSpans(text, analyzed.paragraphs, isSpecial);
  cast.quoted = spans;
  const walk: Walk = { text, cast, quotes: [], spans, usedVerbs: new Set(), previous: null };
  const tokensByParagraph = new Map<number, Token[]>();
  for (const sentence of analyzed.sentences) {
    const list = tokensByParagraph.get(sentence.paragraph) ?? [];
    list.push(...sentence.tokens);
    tokensByParagraph.set(sentence.paragraph, list);
  }
  const tokensOf = (paragraph: number): readonly Token[] => tokensByParagraph.get(paragraph) ?? [];
  const paragraphAt = (offset: number): number => analyzed.paragraphs.findIndex((paragraph) => offset >= paragraph.start && offset <= paragraph.end);

  analyzed.paragraphs.forEach((paragraph, index) => {
    if (paragraph.end <= storyStart) return;
    const post = posts.find((candidate) => within(candidate.lines)(paragraph));
    if (post) {
      if (post.quote.start === paragraph.start) quotePost(walk, post);
      walk.previous = null;
      return;
    }
    const turn = turns.find((candidate) => candidate.line.start === paragraph.start);
    let insideSpeaker: PersonEntry | null = null;
    let floorOffset = index === firstStoryParagraph(analyzed) ? datelineEnd(text, paragraph) : paragraph.start;
    if (turn) {
      if (turn.isQuestion) return;
      insideSpeaker = quoteTurn(walk, turn);
      floorOffset = turn.quote.start;
    }
    for (const sentence of analyzed.sentences) {
      if (sentence.paragraph !== index) continue;
      const floor = sentence.tokens.findIndex((token) => token.start >= floorOffset);
      if (floor < 0) continue;
      const options = { floor, paragraph: index, insideSpeaker };
      recordStatements(walk, sentence, options);
      for (const span of spans) {
        if (span.open < sentence.start || span.open >= sentence.end) continue;
        attributeQuote(walk, span, { open: index, close: paragraphAt(span.end) }, tokensOf);
      }
      findIndirectSpeech(walk, sentence, options);
    }
  });

  // People named only as speakers were added during the reading: find their other mentions too.
  findPersonMentions(analyzed, cast);
  for (const person of cast.people) if (person.organization) cast.addOrganization(person.organization);
  const { people, anonymousSources, mentions } = cast.result();
  const quotes = [...walk.quotes].sort((a, b) => a.start - b.start);
  return { quotes, people, anonymousSources, organizations: [...cast.organizations], mentions };
}

/**
 * The first paragraph of the story proper: the one a dateline starts, else the second when the
 * first is a headline (a line with no closing punctuation), else the first.
 */
function firstStoryParagraph(analyzed: AnalyzedText): number {
  const { text, paragraphs } = analyzed;
  const dateline = paragraphs.findIndex((paragraph, index) => index < 4 && datelineEnd(text, paragraph) > paragraph.start);
  if (dateline >= 0) return dateline;
  const first = paragraphs[0];
  const headline = first !== undefined && paragraphs.length > 1 && !/[.!?"”’:)]\s*$/.test(text.slice(first.start, first.end)) && !/:\s/.test(text.slice(first.start, first.end));
  return headline ? 1 : 0;
}

/** The quote of an embedded social post, credited to the person in its credit line. */
function quotePost(walk: Walk, post: SocialPost): void {
  const person = walk.cast.personNamed(post.name);
  if (!person) return;
  walk.cast.mentionPerson(person, post.nameRange, 0.95);
  walk.cast.mentionPerson(person, post.handleRange, 0.95);
  const quote: ExtractedQuote = {
    start: post.quote.start,
    end: post.quote.end,
    text: walk.text.slice(post.quote.start, post.quote.end),
    speaker: person.name,
    speakerKind: "person",
    speakerDescription: person.titles[0] ?? null,
    kind: "direct",
    medium: "tweet",
    reportingVerb: null,
    handle: post.handle,
    ...(post.date ? { date: post.date } : {}),
    attribution: post.credit,
    confidence: 0.95,
  };
  walk.quotes.push(quote);
}

/** A speaker's turn in a briefing transcript: a direct quote of them, medium briefing. */
function quoteTurn(walk: Walk, turn: BriefingTurn): PersonEntry | null {
  if (!turn.surname) return null;
  const { cast } = walk;
  const person = cast.personBySurname(turn.surname) ?? cast.addPerson(turn.surname, null, CONFIDENCE.explicit);
  person.gender ??= turn.gender;
  cast.addAlias(person, turn.surname);
  const labelStart = turn.line.start + turn.label.toLowerCase().lastIndexOf(turn.surname.toLowerCase());
  cast.mentionPerson(person, { start: labelStart, end: labelStart + turn.surname.length }, 0.95);
  const quote: ExtractedQuote = {
    start: turn.quote.start,
    end: turn.quote.end,
    text: walk.text.slice(turn.quote.start, turn.quote.end),
    speaker: person.name,
    speakerKind: "person",
    speakerDescription: person.titles[0] ?? null,
    kind: "direct",
    medium: "briefing",
    reportingVerb: null,
    attribution: { start: turn.line.start, end: turn.line.start + turn.label.length },
    confidence: 0.95,
  };
  walk.quotes.push(quote);
  walk.previous = null;
  return person;
}
