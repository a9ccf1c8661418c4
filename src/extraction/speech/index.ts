import { type AnalyzedText, type Token, analyzeText } from "../text.js";
import { escapeForRegExp } from "../patterns.js";
import type { ExtractedQuote, ExtractionOptions, SpeechExtraction, TextRange } from "../types.js";
import { CONFIDENCE } from "./attribution.js";
import { type BriefingTurn, findBriefingTurns, isTitleLabel, titleCase } from "./briefing.js";
import { Cast, type PersonEntry, type SourceEntry, surnameOf } from "./cast.js";
import { attributeQuote } from "./direct.js";
import { quoteHeadlines } from "./headline.js";
import { findIndirectSpeech, recordStatements } from "./indirect.js";
import { canonicalOrganization, findOrganizations, stateBodyName } from "./organizations.js";
import { findBareNames, findCredits, findPeople, findTopicIndexNames, findPersonMentions, findTitledSurnames, findUntitledPeople, organizationOfTitle, registerPerson } from "./people.js";
import { isNameWord, key, nameRuns } from "./phrases.js";
import { ORGANIZATION_ALIASES, ROLE_NOUNS, TITLE_WORDS } from "./lexicon.js";
import { type QuoteSpan, findQuoteSpans } from "./quotes.js";
import { type SocialPost, findSocialPosts } from "./social-posts.js";
import { withVerbIntroducedDirect } from "./spans.js";
import { quotePartialsBySubject } from "./partial-subjects.js";
import { type StatementDocument, findStatementDocument } from "./statement-document.js";
import { type Walk, datelineEnd } from "./walk.js";
import { lookupPlace } from "../events/gazetteer.js";

// The speech pass, in the order a reader meets things: people with titles and organizations
// first (they are named before they are referred to), then one front-to-back reading that
// attributes quotes, records statements and reads reported speech sentence by sentence, so
// every "the official" or "she" resolves against what came before it.

/** A hard-wrapped line: at most this many characters. */
const WRAP_WIDTH = 80;
/** A line that ends a paragraph: sentence punctuation (a closing quotation mark or bracket may follow), or a label's colon. */
const PARAGRAPH_END = /[.!?:;][”"’')\]]*\s*$|^\s*$/;

/**
 * The text with the line breaks of a hard-wrapped story turned into spaces (so every offset
 * stays where it was), or null when the story is not hard-wrapped. A story copied with its
 * print width ("Defense Secretary Jo Doe told his\ncounterpart ... today\nthat the two nations
 * ...") breaks its sentences across lines, which the analysis would read as paragraphs. It is
 * hard-wrapped when it has ten lines or more, nine in ten at most 80 characters, none over 90,
 * and at least two lines of 40 characters or more that stop mid-sentence before a line that
 * opens in lower case. Then a line of 40 characters or more that ends with no sentence
 * punctuation goes on on the next non-empty line; short lines (a dateline, a headline) and
 * lines that end a sentence stay paragraphs of their own.
 */
export function unwrapHardLines(text: string): string | null {
  const lines = text.split("\n");
  const filled = lines.filter((line) => line.trim() !== "");
  if (filled.length < 10) return null;
  const short = filled.filter((line) => line.length <= WRAP_WIDTH).length;
  if (short < 0.9 * filled.length || filled.some((line) => line.length > WRAP_WIDTH + 10)) return null;
  const continues = (index: number): boolean => {
    const line = lines[index] as string;
    const next = lines[index + 1];
    return line.trim().length >= 40 && !PARAGRAPH_END.test(line) && next !== undefined && next.trim() !== "" && !/^\s/.test(next);
  };
  const midSentence = lines.filter((line, index) => continues(index) && /^\p{Ll}/u.test(lines[index + 1] as string)).length;
  if (midSentence < 2) return null;
  return lines.map((line, index) => (index < lines.length - 1 ? line + (continues(index) ? " " : "\n") : line)).join("");
}

/** A US politician's party and state in brackets at the end of a sentence: "(R-Ky.)", "(D-N.Y.)", "(I-Vt.)". */
const PARTY_IN_BRACKETS = /\([RDI]\s*-\s*\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*)?\)$/u;

/**
 * "Sen. Jane Doe (R-Ky.) said the bill ...": the tagger ends a sentence at the state's full stop
 * inside the brackets. A sentence that ends with a party designation and a next one in the same
 * paragraph that opens in lower case are one sentence (same offsets, tokens joined).
 */
export function withPartyDesignationsJoined(analyzed: AnalyzedText): AnalyzedText {
  const { text, sentences } = analyzed;
  type Sentence = AnalyzedText["sentences"][number];
  const joins = (previous: Sentence, sentence: Sentence): boolean =>
    previous.paragraph === sentence.paragraph && /^\p{Ll}/u.test(sentence.tokens[0]?.text ?? "") && text.startsWith(")", previous.end - 1) && PARTY_IN_BRACKETS.test(text.slice(Math.max(previous.start, previous.end - 16), previous.end));
  if (!sentences.some((sentence, index) => index > 0 && joins(sentences[index - 1] as Sentence, sentence))) return analyzed;
  const joined: Sentence[] = [];
  for (const sentence of sentences) {
    const previous = joined[joined.length - 1];
    if (previous && joins(previous, sentence)) joined[joined.length - 1] = { start: previous.start, end: sentence.end, text: text.slice(previous.start, sentence.end), tokens: [...previous.tokens, ...sentence.tokens], paragraph: sentence.paragraph };
    else joined.push(sentence);
  }
  return { ...analyzed, sentences: joined };
}

const within = (outer: TextRange) => (inner: TextRange): boolean => inner.start >= outer.start && inner.end <= outer.end;

/** Quotes, speakers, people, unnamed sources and organizations of an analyzed text. */
export function extractSpeech(given: AnalyzedText, _options: ExtractionOptions): SpeechExtraction {
  const givenTurns = findBriefingTurns(given);
  // A story hard-wrapped at a fixed width is read with its wrapped lines joined (same offsets).
  const unwrapped = givenTurns.length === 0 ? unwrapHardLines(given.text) : null;
  const analyzed = withPartyDesignationsJoined(unwrapped === null ? given : analyzeText(unwrapped));
  const { text } = analyzed;
  const cast = new Cast(text);
  const posts = findSocialPosts(analyzed);
  const turns = unwrapped === null ? givenTurns : findBriefingTurns(analyzed);
  const statement = turns.length === 0 ? findStatementDocument(analyzed) : null;
  // Headline and byline lines restate the story; its speech is read from the body.
  const storyStart = analyzed.paragraphs[firstStoryParagraph(analyzed)]?.start ?? 0;
  const special = [...posts.map((post) => post.lines), ...turns.map((turn) => turn.line), ...(statement?.paragraphs ?? []), ...(statement?.preface?.paragraphs ?? []), { start: 0, end: storyStart }];
  const isSpecial = (range: TextRange): boolean => special.some((outer) => within(outer)(range));

  findOrganizations(analyzed, cast, (range) => posts.some((post) => within(post.credit)(range)));
  findPeople(analyzed, cast, (range) => posts.some((post) => within(post.credit)(range)));
  for (const post of posts) {
    const person = cast.personNamed(post.name) ?? cast.addPerson(post.name, null, 0.9);
    cast.addAlias(person, post.handle);
  }
  findCredits(text, cast);
  if (turns[0]) findTopicIndexNames(text, turns[0].line.start, cast);
  findPersonMentions(analyzed, cast);
  const author = statement && !statement.authorKind ? authorOf(cast, analyzed, statement) : null;
  // A document signed by an office holder the story never names ("Agency Director Statement on ..."),
  // or issued by an office or body in its own name.
  const unnamedAuthor = statement && !author ? (statement.authorKind ? issuerOf(cast, text, statement) : unnamedAuthorOf(cast, analyzed, statement)) : null;
  // The issuing office's own lines before the page it hands to a person.
  const preface = statement?.preface;
  const prefaceAuthor = preface ? issuerOf(cast, text, preface) : null;

  // A no-break space stands where a space does ("said Monday.\u00a0“To say ...”" opens a quotation).
  const spacedText = text.includes("\u00a0") ? text.replace(/\u00a0/g, " ") : text;
  const spans = withVerbIntroducedDirect(text, findQuoteSpans(spacedText, analyzed.paragraphs, isSpecial));
  cast.quoted = spans;
  findBareNames(analyzed, cast, (range) => isSpecial(range) || range.end <= storyStart);
  // People named by a title and a surname alone ("Finance Minister Roe") are known before the
  // reading, so that a later "he said" can refer to them.
  findTitledSurnames(analyzed, cast);
  // Quotations inside an official's answer ("In October, Speaker Roe said, “...”").
  // A reporter's question may recount a quotation too ("... and the President told him, “Yes.”").
  const turnSpans = findQuoteSpans(spacedText, analyzed.paragraphs, (range) => !turns.some((turn) => within(turn.line)(range)));
  // Quotations inside a signed statement's own paragraphs ("As President Doe wrote: “…”").
  const statementSpans = author && statement ? withVerbIntroducedDirect(text, findQuoteSpans(spacedText, analyzed.paragraphs, (range) => !statement.paragraphs.some((paragraph) => within(paragraph)(range)))) : [];
  const walk: Walk = { text, cast, quotes: [], spans, usedVerbs: new Set(), previous: null, priorSentence: null };
  // The walk's own list, read as it grows.
  cast.reported = walk.quotes;
  const tokensByParagraph = new Map<number, Token[]>();
  for (const sentence of analyzed.sentences) {
    const list = tokensByParagraph.get(sentence.paragraph) ?? [];
    list.push(...sentence.tokens);
    tokensByParagraph.set(sentence.paragraph, list);
  }
  const tokensOf = (paragraph: number): readonly Token[] => tokensByParagraph.get(paragraph) ?? [];
  const paragraphAt = (offset: number): number => analyzed.paragraphs.findIndex((paragraph) => offset >= paragraph.start && offset <= paragraph.end);

  // The people who answer in a transcript: a question's reported speech is never theirs.
  const officials = new Set<string>();
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
    const statementParagraph = author ? statement?.paragraphs.find((candidate) => candidate.start >= paragraph.start && candidate.end <= paragraph.end) : undefined;
    if (author && statement && statementParagraph) {
      quoteStatementParagraph(walk, author, statement, statementParagraph);
      insideSpeaker = author;
      // "As Secretary Roe said in 1999, “…”": a statement quoting someone it names gives those
      // words to that person as well, as an official's turn in a transcript does.
      quoteOthersInTurn(walk, statementSpans, statementParagraph, index, author, tokensOf);
    }
    const unnamedParagraph = unnamedAuthor ? statement?.paragraphs.find((candidate) => candidate.start >= paragraph.start && candidate.end <= paragraph.end) : undefined;
    if (unnamedAuthor && statement && unnamedParagraph) quoteStatementParagraph(walk, unnamedAuthor, statement, unnamedParagraph);
    const prefaceParagraph = preface?.paragraphs.find((candidate) => candidate.start >= paragraph.start && candidate.end <= paragraph.end);
    if (prefaceAuthor && preface && prefaceParagraph) quoteStatementParagraph(walk, prefaceAuthor, preface, prefaceParagraph);
    if (turn) {
      insideSpeaker = quoteTurn(walk, turn, turns);
      floorOffset = turn.quote.start;
      // A reporter's question is theirs: only the reported speech of a third person it recounts
      // ("he said Israel will ...") is read from it, never as the official's words.
      if (turn.isQuestion) {
        const before = walk.quotes.length;
        for (const sentence of analyzed.sentences) {
          if (sentence.paragraph !== index) continue;
          const floor = sentence.tokens.findIndex((token) => token.start >= floorOffset);
          if (floor >= 0) findIndirectSpeech(walk, sentence, { floor, paragraph: index, insideSpeaker });
        }
        const recounted = walk.quotes.splice(before).filter((quote) => quote.speaker === null || !officials.has(quote.speaker));
        walk.quotes.push(...recounted);
        // Quotations the question recounts with a named speaker are that speaker's, never the official's.
        const quoted = walk.quotes.length;
        quoteOthersInTurn(walk, turnSpans, paragraph, index, null, tokensOf);
        const others = walk.quotes.splice(quoted).filter((quote) => quote.speakerKind === "person" && quote.speaker !== null && !officials.has(quote.speaker));
        walk.quotes.push(...others);
        walk.previous = null;
        return;
      }
      if (insideSpeaker) officials.add(insideSpeaker.name);
      quoteOthersInTurn(walk, turnSpans, paragraph, index, insideSpeaker, tokensOf);
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

  quotePartialsInReports(walk, spans);
  quotePartialsBySubject(walk, spans, analyzed.sentences);
  // Again after the reading: "Secretary Doe" is a mention of a Jane Doe found only as a speaker.
  findTitledSurnames(analyzed, cast);
  findUntitledPeople(analyzed, cast);
  // People named only as speakers were added during the reading: find their other mentions too.
  findPersonMentions(analyzed, cast);
  // A person's organization is one of the story's when the story names it; one a title only implies
  // ("Secretary of State Jane Doe" -> the Department of State) stays on the person.
  for (const person of cast.people) if (person.organization && spellsOrganization(text, person.organization)) cast.addOrganization(person.organization);
  const renamed = cast.mergeInitialVariants();
  if (renamed.size > 0) walk.quotes.splice(0, walk.quotes.length, ...walk.quotes.map((quote) => (quote.speakerKind === "person" && quote.speaker && renamed.has(quote.speaker) ? { ...quote, speaker: renamed.get(quote.speaker) ?? quote.speaker } : quote)));
  const { people, anonymousSources, mentions } = cast.result();
  // A headline in headline style ("Town Falls to Rebels, Spokesman Says") reports speech too.
  const headline = storyStart > 0 ? analyzed.paragraphs[0] : undefined;
  if (headline) walk.quotes.push(...quoteHeadlines(analyzed, cast, headline));
  // A statement document speaks for its author throughout: it has no news lead that names a speaker lower down.
  const leadParagraph = statement ? undefined : analyzed.paragraphs[firstStoryParagraph(analyzed)];
  const described = leadRoleNamedNext(analyzed, cast, leadParagraph, namedLater(cast, [...walk.quotes].sort((a, b) => a.start - b.start)));
  const principal = unnamedAuthor && statement ? principalOfRelease(analyzed, cast, statement, unnamedAuthor) : (quote: ExtractedQuote): ExtractedQuote => quote;
  const quotes = withoutHeadlineEchoes(text, analyzed.paragraphs[0], statement, principalUnnamed(analyzed, partialsOfReportedSpeech(text, bodiesByKind(analyzed, leadParagraph, described))).map(principal));
  const spelling = bodySpellings(text, storyStart, cast.organizations);
  const respelled = stateBodiesSpeaking(cast, quotes).map((quote) => (quote.speakerKind === "organization" && quote.speaker && spelling.has(quote.speaker) ? { ...quote, speaker: spelling.get(quote.speaker) ?? quote.speaker } : quote));
  const spoken = new Set(respelled.map((quote) => quote.speaker));
  // A force's people read as a body ("Police in the capital") are no organization of the story unless one speaks.
  const organizations = [...new Set(cast.organizations.filter((name) => !PEOPLE_OF_A_FORCE.test(name) || spoken.has(name)).map((name) => stateBodyName(name) ?? spelling.get(name) ?? name))];
  return { quotes: respelled, people, anonymousSources, organizations, mentions };
}

/** "the army", "the military", "the government": a bare institution, which refers back to the body of that kind the story named. */
const BARE_INSTITUTION = /^the (army|military|government|navy|ministry|junta)$/i;
/** "Police in the capital", "Troops near the border": a force's people, described (lower-case words after the noun). */
const PEOPLE_OF_A_FORCE = /^(?:Police|Troops|Soldiers|Authorities|Officials)(?: (?:in|at|near|on|from) (?:the )?\p{Ll}[\p{Ll} ]*)?$/u;

/**
 * "The Pakistani army said", "Sri Lanka's military says", then "the military said": a state's
 * institution speaks as a body, named where its speaker is resolved (`resolvePhrase` applies
 * `stateBodyName`); here a body speaking keeps one spelling and is one of the story's
 * organizations, and a bare reference to one of its kind later is that body. Descriptions of
 * people ("police", "officials") stay unnamed sources.
 */
function stateBodiesSpeaking(cast: Cast, quotes: readonly ExtractedQuote[]): ExtractedQuote[] {
  const named = new Map<string, string>();
  const headOf = (name: string): string => (/^(\S+) of /.exec(name)?.[1] ?? name.split(/\s+/).pop() ?? "").toLowerCase();
  // Bodies of that kind the story names in its narration ("the Iranian government"), for a bare reference before any spoke.
  const narrated = (head: string): string | null => {
    const bodies = [...new Set(cast.organizations.map(stateBodyName).filter((name): name is string => name !== null && headOf(name) === head))];
    return bodies.length === 1 ? (bodies[0] as string) : null;
  };
  const renamed = new Map<ExtractedQuote, ExtractedQuote>();
  for (const quote of [...quotes].sort((a, b) => a.start - b.start)) {
    const description = quote.speakerDescription;
    // "Sri Lanka's army" read as a body already: one spelling, the country's adjective ("Sri Lankan army").
    const respelled = quote.speakerKind === "organization" && quote.speaker !== null ? stateBodyName(quote.speaker) : null;
    if (respelled !== null && quote.speaker !== null) {
      named.set(headOf(respelled), respelled);
      cast.addOrganization(respelled);
      if (respelled !== quote.speaker) renamed.set(quote, { ...quote, speaker: respelled });
      continue;
    }
    // "Police in the capital", "troops in the north": people described by where they are, no body.
    if (quote.speakerKind === "organization" && quote.speaker !== null && PEOPLE_OF_A_FORCE.test(quote.speaker)) {
      renamed.set(quote, { ...quote, speaker: null, speakerKind: null, speakerDescription: description ?? quote.speaker });
      continue;
    }
    if (quote.speaker !== null || !description) continue;
    const bare = BARE_INSTITUTION.exec(description.trim())?.[1]?.toLowerCase();
    const name = bare ? (named.get(bare) ?? narrated(bare)) : null;
    if (!name) continue;
    named.set(headOf(name), name);
    cast.addOrganization(name);
    renamed.set(quote, { ...quote, speaker: name, speakerKind: "organization" });
  }
  return renamed.size === 0 ? [...quotes] : quotes.map((quote) => renamed.get(quote) ?? quote);
}

/**
 * A statement document's title may print a sentence of its body in quotation marks ("President Doe
 * on the Flood: “We will rebuild.”"): the title restates the document, whose paragraph already
 * carries those words, so the title's copy is not a quote of its own.
 */
function withoutHeadlineEchoes(text: string, title: TextRange | undefined, statement: StatementDocument | null, quotes: ExtractedQuote[]): ExtractedQuote[] {
  const first = statement?.paragraphs[0];
  if (!statement || !title || !first || first.start < title.end) return quotes;
  const body = statement.paragraphs.map((paragraph) => text.slice(paragraph.start, paragraph.end)).join("\n").toLowerCase();
  return quotes.filter((quote) => {
    if (quote.start < title.start || quote.end > title.end) return true;
    const words = quote.text.trim().replace(/[.!?,;:]+$/, "").toLowerCase();
    return words.split(/\s+/).length < 4 || !body.includes(words);
  });
}

/** "The Vice President underscored ...": the office holder a readout is about, as its sentences name them. */
const PRINCIPAL_SUBJECT = /^The ((?:Vice )?President|(?:Deputy )?Secretary|First Lady)\b/;

/**
 * An office's readout speaks as the office ("Office of the Vice President"), but the reported speech
 * of its principal ("The Vice President underscored that ...") is the principal's own: the person
 * the headline names with that title ("Readout of Vice President Doe's Meeting ..."), else the
 * unnamed office holder ("the Vice President"), never the issuing office.
 */
function principalOfRelease(analyzed: AnalyzedText, cast: Cast, statement: StatementDocument, issuer: SourceEntry): (quote: ExtractedQuote) => ExtractedQuote {
  const { text } = analyzed;
  const headline = analyzed.paragraphs[0];
  const headlineWords = headline ? text.slice(headline.start, headline.end) : "";
  const inBody = (quote: ExtractedQuote): boolean => statement.paragraphs.some((paragraph) => quote.start >= paragraph.start && quote.end <= paragraph.end);
  return (quote) => {
    if (quote.kind === "direct" || !quote.attribution || !inBody(quote) || quote.speakerDescription !== issuer.description || (quote.speaker !== null && quote.speaker !== issuer.organization)) return quote;
    const title = PRINCIPAL_SUBJECT.exec(text.slice(quote.attribution.start, quote.attribution.end))?.[1];
    if (!title) return quote;
    // "Vice President Doe's": the name after the title in the headline, a person the story knows.
    const named = new RegExp(`\\b${title} ((?:\\p{Lu}[\\p{L}.-]+ ){0,2}\\p{Lu}[\\p{L}-]+)(?:['’]s?)?(?=[\\s,:]|$)`, "u").exec(headlineWords)?.[1];
    const person = named ? (cast.personNamed(named) ?? cast.people.find((candidate) => surnameOf(candidate.name) === named)) : undefined;
    if (person) return { ...quote, speaker: person.name, speakerKind: "person", speakerDescription: title };
    return { ...quote, speaker: null, speakerKind: null, speakerDescription: `the ${title}` };
  };
}

/**
 * A partial quotation inside reported speech ("Doe said that the agency “will continue ...”") or
 * in a clause a participle adds to it (", adding residents “deserve ...”") is the reporting
 * speaker's, not the subject of the clause it sits in.
 */
function partialsOfReportedSpeech(text: string, quotes: ExtractedQuote[]): ExtractedQuote[] {
  return quotes.map((quote) => {
    if (quote.kind !== "partial") return quote;
    const host = quotes.find(
      (candidate) =>
        candidate.kind === "indirect" &&
        candidate.start < quote.start &&
        (quote.end <= candidate.end + 1 || (candidate.end <= quote.start && /^[”"’\s]*,\s*(?:adding|saying|noting|stressing|warning|insisting)\b[^.!?“”"]*[“"]?$/.test(text.slice(candidate.end, quote.start)))),
    );
    if (!host || (host.speaker === null && host.speakerDescription === null) || (host.speaker === quote.speaker && host.speakerDescription === quote.speakerDescription)) return quote;
    return { ...quote, speaker: host.speaker, speakerKind: host.speakerKind, speakerDescription: host.speakerDescription, confidence: Math.min(quote.confidence, host.confidence) };
  });
}

/**
 * "Doe said obtaining heroin is now “cheaper than getting candy.”": a partial quotation the
 * reading left without a speaker of its own (no subject in its sentence named one) that lies
 * inside a reported clause is the reporting speaker's words. Not a short title or slogan (every
 * word capitalized) nor a passage of one or two words unless they are all in lower case.
 */
const NAMED_BEFORE = /\b(?:(?:calls?|called|calling)\s+(?:itself|themselves|himself|herself)|dubbed|nicknamed|so-called|known\s+as|code-?named|named|titled|entitled|called)\s*,?\s*["“]?$/i;
function quotePartialsInReports(walk: Walk, spans: readonly QuoteSpan[]): void {
  const reports = walk.quotes.filter((quote) => quote.kind === "indirect" && (quote.speaker !== null || quote.speakerDescription !== null));
  if (reports.length === 0) return;
  const quoted = new Set(walk.quotes.map((quote) => quote.start));
  for (const span of spans) {
    if (span.kind !== "partial" || quoted.has(span.start)) continue;
    const host = reports.find((report) => report.start <= span.open && span.end <= report.end + 1);
    if (!host) continue;
    const text = walk.text.slice(span.start, span.end);
    const words = text.split(/\s+/).filter(Boolean);
    if (words.every((word) => /^[^\p{Ll}]/u.test(word) || /^(?:of|the|and|a|an|in|on|for|to|with)$/.test(word))) continue;
    // "said it is not up to the general to “accept” or “consider.”", "what he called the “miracles”":
    // one or two words in lower case inside a reported clause are the reporting speaker's word,
    // picked out; a capitalized short passage there is more often a name.
    if (words.length < 3 && !words.every((word) => /^[\p{Ll}'’-]/u.test(word))) continue;
    // "a plan dubbed “the quiet road”": a short passage a naming word introduces is a name.
    if (words.length <= 4 && NAMED_BEFORE.test(walk.text.slice(Math.max(0, span.open - 40), span.open + 1))) continue;
    walk.quotes.push({ ...host, start: span.start, end: span.end, text, kind: "partial" });
  }
}

/** Words of a title or a description that say nothing of whom the speaker works for. */
const EMPTY_DESCRIPTION_WORDS = new Set(["a", "an", "the", "of", "for", "to", "and", "former", "senior", "top", "chief", "deputy"]);

/**
 * "UN Security Council" in a headline and "U.N. Security Council" in the story are one body: names
 * that differ only in an acronym's full stops take the spelling the story's body uses first.
 */
function bodySpellings(text: string, storyStart: number, organizations: readonly string[]): Map<string, string> {
  const undotted = (name: string): string => name.replace(/\b((?:\p{Lu}\.){2,})/gu, (acronym) => acronym.replace(/\./g, ""));
  const spelling = new Map<string, string>();
  for (const name of organizations) {
    const same = organizations.filter((other) => other !== name && undotted(other) === undotted(name));
    if (same.length === 0) continue;
    const firstInBody = (candidate: string): number => {
      const at = text.indexOf(candidate, storyStart);
      return at < 0 ? Number.MAX_SAFE_INTEGER : at;
    };
    const preferred = [name, ...same].sort((a, b) => firstInBody(a) - firstInBody(b))[0] ?? name;
    if (preferred !== name) spelling.set(name, preferred);
  }
  return spelling;
}

/**
 * "A spokesman for opposition forces says ..." then "opposition spokesman Jane Doe said": a lead
 * that describes its speaker and names them lower down. A quote of an unnamed source described
 * as "a/an ... <role>" is the person named with that role after it: the first whose title has the
 * same role word and no word the description lacks ("Army spokesman" is not "a spokesman for the
 * rebels"; a bare "spokesman" fits any).
 */
function namedLater(cast: Cast, quotes: readonly ExtractedQuote[]): ExtractedQuote[] {
  const contentWords = (words: string): string[] => words.toLowerCase().split(/[\s,]+/).filter((word) => word !== "" && !EMPTY_DESCRIPTION_WORDS.has(word));
  return quotes.map((quote) => {
    const description = quote.speakerDescription;
    // "Spokesman also said ...": a headline-style sub-head drops the article; the role is the one
    // person the story gives that title, wherever it names them.
    if (quote.speaker === null && description && /^\p{Lu}\p{Ll}+$/u.test(description) && ROLE_NOUNS.has(description.toLowerCase()) && !LAY_ROLES.has(description.toLowerCase())) {
      const role = description.toLowerCase();
      const holders = cast.people.filter((person) => person.titles.some((title) => title.toLowerCase().split(/\s+/).pop() === role));
      const holder = holders.length === 1 ? holders[0] : undefined;
      return holder ? { ...quote, speaker: holder.name, speakerKind: "person", confidence: Math.min(quote.confidence, CONFIDENCE.reference) } : quote;
    }
    if (quote.speaker !== null || !description || !/^an? /i.test(description)) return quote;
    // The role is the last word before the body it serves ("a spokesman for ...", "a pro-rebel general").
    const role = description.toLowerCase().split(/\s+(?:for|of|to|with|from|at|in)\s+/)[0]?.split(/\s+/).pop() ?? "";
    if (!ROLE_NOUNS.has(role) || role.endsWith("s")) return quote;
    const described = new Set(contentWords(description));
    const fits = (person: PersonEntry): boolean =>
      (person.mentions[0] ?? -1) > quote.start &&
      person.titles.some((title) => {
        const words = contentWords(title);
        return words[words.length - 1] === role && words.slice(0, -1).every((word) => described.has(word));
      });
    const person = cast.people.filter(fits).sort((a, b) => (a.mentions[0] ?? 0) - (b.mentions[0] ?? 0))[0];
    if (!person) return quote;
    return { ...quote, speaker: person.name, speakerKind: "person", confidence: Math.min(quote.confidence, CONFIDENCE.reference) };
  });
}

/** A readout's headline that names its principal by title only: "Readout of the President's Call with President Doe of ...". */
const PRINCIPAL_BY_TITLE = /^readout (?:of|on|from) the ((?:vice )?president|secretary|prime minister)['’]s\b/i;

/**
 * "Readout of the President's Call with President Doe": the readout calls its own principal "the
 * President"; "the President noted that ..." is that principal, never the other party the headline
 * names after "with". Such a quote read as the other party goes to the unnamed office holder.
 */
function principalUnnamed(analyzed: AnalyzedText, quotes: readonly ExtractedQuote[]): ExtractedQuote[] {
  const headline = analyzed.paragraphs[0];
  const office = headline ? PRINCIPAL_BY_TITLE.exec(analyzed.text.slice(headline.start, headline.end).trim())?.[1] : undefined;
  if (!office) return [...quotes];
  // "the President noted", not "the President of France" nor "the President Doe".
  const bare = (cue: string): boolean => cue.toLowerCase().startsWith(`the ${office.toLowerCase()} `) && /^\s+(?!of\b)\p{Ll}/u.test(cue.slice(office.length + 4));
  // The other party the headline names after "with" ("... Call with President Hollande of France").
  const counterpart = analyzed.text.slice(headline?.start ?? 0, headline?.end ?? 0).split(/\swith\s/)[1] ?? "";
  return quotes.map((quote) => {
    const cue = quote.attribution ? analyzed.text.slice(quote.attribution.start, quote.attribution.end) : "";
    const surname = quote.speaker?.split(/\s+/).pop() ?? "";
    if (quote.speakerKind !== "person" || !bare(cue) || surname === "" || !counterpart.split(/[\s,]+/).includes(surname)) return quote;
    return { ...quote, speaker: null, speakerKind: null, speakerDescription: `the ${office}` };
  });
}

/** Roles anyone may hold ("the witness", "the mother"): never an office a lead withholds a name for. */
const LAY_ROLES = new Set(["resident", "witness", "survivor", "victim", "member", "mother", "father", "student", "worker", "farmer", "teacher", "schoolteacher", "doctor", "nurse", "owner", "activist", "analyst", "expert", "researcher", "journalist", "reporter", "correspondent", "candidate"]);

/**
 * "The top U.S. foreign aid official said ... Agency administrator Jane Doe says ...": a news lead
 * that gives its speaker's office with "the" (one person, known to the reader) and names them in
 * the next sentences. A lead quote of such a description, unnamed or read as the body the
 * description opens with ("The United Nations head of humanitarian aid"), is the first person
 * quoted after it in the lead or the paragraph after.
 */
function leadRoleNamedNext(analyzed: AnalyzedText, cast: Cast, lead: TextRange | undefined, quotes: readonly ExtractedQuote[]): ExtractedQuote[] {
  if (!lead) return [...quotes];
  const next = analyzed.paragraphs[analyzed.paragraphs.indexOf(lead) + 1];
  const reach = next?.end ?? lead.end;
  const titlesOf = (name: string): string[] => (cast.personNamed(name)?.titles ?? []).map((title) => title.toLowerCase());
  return quotes.map((quote, index) => {
    const description = quote.speakerDescription;
    // A transcript's turn is labelled by its speaker ("THE PRESIDENT:", "MODERATOR:"), no news lead.
    if (!description || (quote.medium === "briefing" && quote.reportingVerb === null) || quote.start < lead.start || quote.end > lead.end) return quote;
    // "the top police official", "Guinea's president" (one person the reader knows), or "a top
    // official of the government" (one of several: only for the generic "official").
    const article = /^the /i.test(description) ? "the" : /^\p{Lu}[\p{L}.-]*(?: \p{Lu}[\p{L}.-]*)*['’]s /u.test(description) ? "possessive" : /^an? /i.test(description) ? "a" : null;
    if (!article) return quote;
    const head = description.split(/\s+(?:for|of|to|with|from|at|in)\s+/)[0] ?? "";
    const role = head.toLowerCase().split(/\s+/).pop() ?? "";
    if (!ROLE_NOUNS.has(role) || LAY_ROLES.has(role) || role.endsWith("s") || (article === "a" && role !== "official")) return quote;
    // Unnamed, or a body that only opens the description ("The United Nations head ...").
    const bodyOfRole = quote.speakerKind === "organization" && quote.speaker !== null && head.length > quote.speaker.length + 4 && head.toLowerCase().includes(quote.speaker.toLowerCase());
    if (quote.speaker !== null && !bodyOfRole) return quote;
    // After "the", the first person quoted; after a possessive, one titled with the role; after
    // "a ... official", one with an official's title (not a lay role).
    const fits = (name: string): boolean => {
      if (article === "the") return true;
      const titles = titlesOf(name);
      if (article === "possessive") return titles.some((title) => title.split(/\s+/).includes(role));
      return titles.some((title) => {
        const last = title.split(/\s+/).pop() ?? "";
        return ROLE_NOUNS.has(last) && !LAY_ROLES.has(last);
      });
    };
    // The correspondent's "Jane Doe reports from ... that ..." is no speaker the lead describes.
    const named = quotes.slice(index + 1).find((later) => later.start < reach && later.speakerKind === "person" && later.speaker !== null && !/^report/.test(later.reportingVerb ?? "") && fits(later.speaker));
    if (!named?.speaker) return quote;
    return { ...quote, speaker: named.speaker, speakerKind: "person", confidence: Math.min(quote.confidence, CONFIDENCE.reference) };
  });
}

/** Kinds of body a story names one by ("the U.N. food agency", "Zimbabwe's opposition party"). */
const BODY_KINDS = new Set(["agency", "group", "party", "organization", "organisation", "movement", "charity", "company", "firm", "coalition", "alliance", "union", "network", "militia", "front"]);

/** A body's own name: every word capitalized, but for linking words ("Gift of the Givers"). */
const isProperName = (name: string): boolean => name.split(/\s+/).every((word) => /^[\p{Lu}\d]/u.test(word) || /^(?:of|the|for|and|de|la|al|el)$/.test(word));

/**
 * A body the story calls by its kind speaks as the body it names: "The World Food Program says
 * ... The U.N. food agency says ..." (the kind, after the body last quoted) and a lead's
 * "Zimbabwe's opposition party says ..." before "The opposition Movement for Democratic Change
 * party said ..." (the kind, before the first body quoted in the lead or the paragraph after).
 */
function bodiesByKind(analyzed: AnalyzedText, lead: TextRange | undefined, quotes: readonly ExtractedQuote[]): ExtractedQuote[] {
  const paragraphOf = (offset: number): number => analyzed.paragraphs.findIndex((paragraph) => offset >= paragraph.start && offset <= paragraph.end);
  const namedBody = (quote: ExtractedQuote | undefined): quote is ExtractedQuote & { speaker: string } => quote?.speakerKind === "organization" && quote.speaker !== null && isProperName(quote.speaker);
  return quotes.map((quote, index) => {
    const description = quote.speakerDescription ?? "";
    const kind = description.toLowerCase().split(/\s+(?:for|of|in|from|based)\s+/)[0]?.split(/\s+/).pop() ?? "";
    if (!BODY_KINDS.has(kind) || namedBody(quote) || (quote.speaker !== null && quote.speakerKind !== "organization")) return quote;
    const resolved = (body: ExtractedQuote & { speaker: string }): ExtractedQuote => ({ ...quote, speaker: body.speaker, speakerKind: "organization", confidence: Math.min(quote.confidence, CONFIDENCE.reference) });
    // Anaphora: "the <kind>" right after the body spoke, in the same or the next paragraph.
    const before = [...quotes.slice(0, index)].reverse().find((earlier) => earlier.speaker !== null);
    if (/^the /i.test(description) && namedBody(before) && paragraphOf(quote.start) - paragraphOf(before.start) <= 1) return resolved(before);
    // A lead that gives the kind first and the name lower down.
    if (!lead || quote.start < lead.start || quote.end > lead.end || quote.speaker !== null) return quote;
    const reach = analyzed.paragraphs[analyzed.paragraphs.indexOf(lead) + 1]?.end ?? lead.end;
    const after = quotes.slice(index + 1).find((later) => later.start < reach && later.speaker !== null);
    return namedBody(after) ? resolved(after) : quote;
  });
}

/**
 * The first paragraph of the story proper: the one a dateline starts, else the second when the
 * first is a headline (a line with no closing punctuation), else the first.
 */
/** A line that is only a date: "13 September 2008", "September 13, 2008", "2008-09-13". */
const DATE_LINE = /^(?:\d{1,2} \p{Lu}\p{Ll}+\.? \d{4}|\p{Lu}\p{Ll}+\.? \d{1,2},? \d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{2,4})$/u;
function firstStoryParagraph(analyzed: AnalyzedText): number {
  const { text, paragraphs } = analyzed;
  const dateline = paragraphs.findIndex((paragraph, index) => index < 4 && datelineEnd(text, paragraph) > paragraph.start);
  if (dateline >= 0) return dateline;
  const first = paragraphs[0];
  const headline = first !== undefined && paragraphs.length > 1 && !/[.!?"”’':)]\s*$/.test(text.slice(first.start, first.end)) && !/:\s/.test(text.slice(first.start, first.end));
  let lead = headline ? 1 : 0;
  // "Headline" / "13 September 2008" / "The top police official ... says ...": a date line alone is no lead.
  while (lead < 3 && paragraphs[lead + 1] !== undefined && DATE_LINE.test(text.slice(paragraphs[lead]?.start ?? 0, paragraphs[lead]?.end ?? 0).trim())) lead += 1;
  return lead;
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

/**
 * One paragraph of a transcript turn: a direct quote (medium briefing) of the named speaker of
 * the label, or of the unnamed source it describes ("a reporter", "the moderator"). Returns the
 * named speaker, whose own words cannot be what a "he" inside them refers to.
 */
function quoteTurn(walk: Walk, turn: BriefingTurn, turns: readonly BriefingTurn[]): PersonEntry | null {
  const { cast } = walk;
  let person: PersonEntry | null = null;
  let description: string | null;
  if (turn.speaker.kind === "named") {
    const { surname, gender, nameAt, fullName } = turn.speaker;
    const named = fullName ? cast.personNamed(fullName) : null;
    person = named ?? cast.personBySurnameBefore(surname, turn.line.start, true) ?? cast.personNamed(surname) ?? cast.addPerson(nameInHeader(walk.text, surname, turns[0]?.labelLine.start ?? 0) ?? fullName ?? surname, null, CONFIDENCE.explicit);
    person.gender ??= gender;
    cast.addAlias(person, surname);
    const labelStart = turn.labelLine.start + turn.label.toLowerCase().lastIndexOf(surname.toLowerCase());
    cast.mentionPerson(person, nameAt ?? { start: labelStart, end: labelStart + surname.length }, 0.95);
    description = person.titles[0] ?? null;
  } else {
    // "Thank you, Helen.": the reporter the answer addresses is a person of the story, though the
    // question stays "a reporter".
    if (turn.addressed) {
      const { name, at } = turn.addressed;
      const reporter = cast.personBySurnameBefore(name, turn.line.start, true) ?? cast.personNamed(name) ?? cast.addPerson(name, null, CONFIDENCE.explicit);
      cast.mentionPerson(reporter, at, 0.95);
    }
    const source = cast.addSource(turn.speaker.description, turn.speaker.description.split(" ").pop() ?? "", null, CONFIDENCE.explicit);
    cast.mentionSource(source, { start: turn.labelLine.start, end: turn.labelLine.start + turn.label.length }, 0.95);
    description = source.description;
  }
  const quote: ExtractedQuote = {
    start: turn.quote.start,
    end: turn.quote.end,
    text: walk.text.slice(turn.quote.start, turn.quote.end),
    speaker: person?.name ?? null,
    speakerKind: person ? "person" : null,
    speakerDescription: description,
    kind: "direct",
    // An actuality was recorded (where, the script does not say), not said at a briefing.
    medium: turn.recorded ? "other" : "briefing",
    reportingVerb: null,
    attribution: { start: turn.labelLine.start, end: turn.labelLine.start + turn.label.length },
    confidence: 0.95,
  };
  walk.quotes.push(quote);
  walk.previous = null;
  return person;
}

/**
 * An official quoting someone else in their answer ("In October, Speaker Roe said, “We must act.”
 * And in May he said, “...”"): the quotation is also that speaker's own quote, when its attribution
 * names them or a pronoun sure of them (not a guess), and never the official's.
 */
function quoteOthersInTurn(walk: Walk, turnSpans: readonly QuoteSpan[], line: TextRange, paragraph: number, official: PersonEntry | null, tokensOf: (paragraph: number) => readonly Token[]): void {
  const inside = turnSpans.filter((span) => span.open >= line.start && span.open < line.end);
  if (inside.length === 0) return;
  const nested: Walk = { ...walk, spans: turnSpans, previous: null, priorSentence: null };
  for (const span of inside) {
    const before = walk.quotes.length;
    attributeQuote(nested, span, { open: paragraph, close: paragraph }, tokensOf);
    const added = walk.quotes.splice(before);
    walk.quotes.push(...added.filter((quote) => quote.confidence >= CONFIDENCE.pronoun && (quote.speaker ?? quote.speakerDescription) !== null && quote.speaker !== official?.name));
  }
  walk.previous = null;
}

/**
 * The full name a transcript's header gives the surname of a label ("... Coordinator John Kirby"
 * for "MR. KIRBY:"), when no title made it a person already.
 */
function nameInHeader(text: string, surname: string, headerEnd: number): string | null {
  const header = text.slice(0, Math.min(headerEnd, 1000));
  const escaped = escapeForRegExp(surname);
  // One given name and an optional initial ("John Kirby", "Mark T. Esper"): a longer run of
  // capitals in a header is more often an office ("Strategic Communications John Kirby").
  // The label's capitals lose the surname's own ("MCCORMACK" for McCormack): any case matches,
  // and the header's spelling is kept.
  const anyCase = [...escaped].map((letter) => (/\p{L}/u.test(letter) ? `[${letter.toLowerCase()}${letter.toUpperCase()}]` : letter)).join("");
  // A first initial before the given name is the name's too ("BRIEFER: J. Adam Doe, Deputy Spokesman").
  const match = new RegExp(`(?<![\\p{L}.])((?:\\p{Lu}\\. )?)(\\p{Lu}[\\p{Ll}'’-]+)((?: \\p{Lu}\\.)?) (${anyCase})(?![\\p{L}])`, "u").exec(header);
  const given = match?.[2];
  if (given && isNameWord(given) && /\p{Ll}/u.test(match[4] ?? "")) return `${match[1] ?? ""}${given}${match[3] ?? ""} ${match[4]}`;
  // A header in capitals ("PRESS BRIEFING BY JANE DOE"): the word before the surname, when it is
  // no title or function word, is the given name.
  const capitals = new RegExp(`(?<![\\p{L}])(\\p{Lu}[\\p{Lu}'’-]+)((?: \\p{Lu}\\.)?) ${escaped.toUpperCase()}(?![\\p{L}])`, "u").exec(header);
  const word = capitals?.[1];
  if (!word || HEADER_WORDS.has(word) || isTitleLabel(word)) return null;
  return `${titleCase(word)}${capitals[2] ?? ""} ${surname}`;
}

/** Capitalized header words before a name that are not a given name ("BRIEFING BY JANE DOE"). */
const HEADER_WORDS = new Set(["BY", "OF", "THE", "AND", "WITH", "FROM", "FOR", "TO", "ON", "AT", "BRIEFING", "PRESS", "REMARKS", "STATEMENT", "INTERVIEW", "CONFERENCE", "TRANSCRIPT", "GAGGLE", "HOUSE", "DEPARTMENT", "OFFICE"]);

/** The text in lower case, worked out once per text (it is asked once per person with an organization). */
let lastLowered: { readonly text: string; readonly lower: string } | null = null;
function lowerCased(text: string): string {
  if (lastLowered?.text !== text) lastLowered = { text, lower: text.toLowerCase() };
  return lastLowered.lower;
}

/** Whether the text spells the organization, by its canonical name or one of the names wire copy gives it. */
function spellsOrganization(text: string, organization: string): boolean {
  const lower = lowerCased(text);
  const target = organization.toLowerCase();
  return lower.includes(target) || [...ORGANIZATION_ALIASES].some(([alias, canonical]) => canonical.toLowerCase() === target && new RegExp(`(?<![\\p{L}.])${alias.replace(/[.]/g, "\\.")}(?![\\p{L}])`, "u").test(lower));
}

/** The person a statement document's author line names: someone already known, else the name in it. */
function authorOf(cast: Cast, analyzed: AnalyzedText, statement: StatementDocument): PersonEntry | null {
  const { text } = analyzed;
  const words = text.slice(statement.author.start, statement.author.end);
  const known = cast.people.filter((person) => words.includes(person.name)).sort((a, b) => b.name.length - a.name.length)[0];
  if (known) return known;
  // A surname alone ("Doe's statement reads as follows:"): the person the story names in full so.
  const surname = words.trim();
  const bySurnameAlone = /^\p{Lu}[\p{Ll}'’-]+$/u.test(surname) ? cast.people.find((person) => surnameOf(person.name) === surname) : undefined;
  if (bySurnameAlone) return bySurnameAlone;
  // A surname no one in the story bears, that is no place and no body's word ("Trip Talk: Doe
  // Provides Insights ..." over a message in the first person): that person, named so.
  if (/^\p{Lu}[\p{Ll}'’-]+$/u.test(surname) && isNameWord(surname) && lookupPlace(surname) === undefined && !cast.organizations.some((name) => name.split(/\s+/).includes(surname))) return registerPerson(cast, surname, null, [], text, CONFIDENCE.explicit);
  // A signature in capitals ("JANE Q. DOE"): the person the story names so, else the name in title case.
  // "STATEMENT BY THE PRESS SECRETARY" names an office holder, not a person: no title word may be in it.
  const titleOnly = /^the\s/i.test(words.trim()) || words.trim().split(/\s+/).some((word) => ROLE_NOUNS.has(word.toLowerCase()));
  if (!/\p{Ll}/u.test(words) && /\p{Lu}{2}/u.test(words) && !titleOnly) {
    const name = words.trim().toLowerCase().replace(/(^|[\s'’-])(\p{Ll})/gu, (_all: string, before: string, letter: string) => before + letter.toUpperCase());
    const person = cast.personNamed(name) ?? registerPerson(cast, name, null, [], text, CONFIDENCE.explicit);
    cast.addAlias(person, words.trim());
    return person;
  }
  const tokens = analyzed.sentences.flatMap((sentence) => sentence.tokens).filter((token) => token.start >= statement.author.start && token.end <= statement.author.end);
  // "President Doe", "Chairman Doe's": a title and a surname, the person of that surname when
  // the story names them in full, else the surname with its title.
  const last = tokens[tokens.length - 1];
  const titled = tokens.length >= 2 && last !== undefined && isNameWord(last.text) && TITLE_WORDS.has(key(tokens[tokens.length - 2] as Token));
  if (titled) {
    const bySurname = cast.people.find((person) => surnameOf(person.name) === last.text);
    if (bySurname) return bySurname;
  }
  const run = nameRuns(tokens).pop() ?? (titled ? ([tokens.length - 1, tokens.length] as [number, number]) : undefined);
  if (!run) return null;
  const [from, to] = run;
  const name = (titled && to - from === 1 ? fullNameEnding(analyzed, last.text) : null) ?? text.slice((tokens[from] as Token).start, (tokens[to - 1] as Token).end);
  const titleTokens = tokens.slice(0, from);
  const title = titleTokens.length > 0 ? text.slice((titleTokens[0] as Token).start, (titleTokens[titleTokens.length - 1] as Token).end) : null;
  return registerPerson(cast, name, title, titleTokens, text, CONFIDENCE.explicit);
}

/** The first full name in the story that ends in `surname` ("Rep. Jane Doe (D-CA)" for "Chairman Doe"). */
function fullNameEnding(analyzed: AnalyzedText, surname: string): string | null {
  for (const sentence of analyzed.sentences) {
    for (const [from, to] of nameRuns(sentence.tokens)) {
      if (to - from >= 2 && (sentence.tokens[to - 1] as Token).text === surname) return analyzed.text.slice((sentence.tokens[from] as Token).start, (sentence.tokens[to - 1] as Token).end);
    }
  }
  return null;
}

/**
 * The author of a statement document named only by an office ("VOA Director", "Agency
 * Spokesperson", "the Secretary of Defense", "a Senior State Department Official"): an unnamed
 * source described by those words, when their head is a role word (the word before "of" in an
 * office, else the last), with the organization the title names or implies.
 */
function unnamedAuthorOf(cast: Cast, analyzed: AnalyzedText, statement: StatementDocument): SourceEntry | null {
  const { text } = analyzed;
  const words = text.slice(statement.author.start, statement.author.end).trim();
  const head = words.split(/\s+of\s+/i)[0]?.split(/\s+/).pop() ?? "";
  if (!ROLE_NOUNS.has(head.toLowerCase()) || words.split(/\s+/).length > 6) return null;
  const tokens = analyzed.sentences.flatMap((sentence) => sentence.tokens).filter((token) => token.start >= statement.author.start && token.end <= statement.author.end);
  const source = cast.addSource(words, head.toLowerCase(), organizationOfTitle(text, tokens, cast.organizationAcronyms), CONFIDENCE.explicit);
  cast.mentionSource(source, statement.author, 0.9);
  return source;
}

/**
 * The issuer of a document no person signs: the office or body it names ("Office of the Press
 * Secretary", "VOA" as the story spells it in full), which speaks as an organization, or an unnamed
 * issuer described by the office that issues such readouts.
 */
function issuerOf(cast: Cast, text: string, statement: StatementDocument): SourceEntry {
  if (statement.authorKind === "unsigned") {
    // A readout of a principal's call speaks for the principal's press office, an organization.
    if (statement.issuer) cast.addOrganization(statement.issuer);
    return cast.addSource(statement.issuer ?? statement.unsignedBy ?? "the issuing office", "office", statement.issuer ?? null, CONFIDENCE.reference);
  }
  const words = text.slice(statement.author.start, statement.author.end).trim();
  // An acronym is the body the story spells out ("VOA" for Voice of America).
  const initials = (name: string): string => name.split(/\s+/).map((word) => word[0] ?? "").join("").toUpperCase();
  const spelledOut = /^\p{Lu}{2,6}$/u.test(words) ? (cast.organizationAcronyms.get(words) ?? cast.organizations.find((name) => initials(name) === words)) : undefined;
  // "Statement from the U.S. Embassy" over a body that names "the U.S. Embassy in Ruritania": the fuller name the story gives.
  const canonical = canonicalOrganization(words);
  const fuller = cast.organizations.find((name) => name.toLowerCase().startsWith(`${canonical.toLowerCase()} `));
  // "Office of the Assistant Secretary (Public Affairs)": the branch in brackets names no other body
  // than the office the story already knows without it; one name per body.
  const bare = canonical.replace(/\s*\([^()]+\)$/, "");
  const known = bare !== canonical ? cast.organizations.find((name) => name.toLowerCase() === bare.toLowerCase()) : undefined;
  const organization = spelledOut ?? fuller ?? known ?? canonical;
  cast.addOrganization(organization);
  const source = cast.addSource(words, (words.split(/\s+/).pop() ?? "").toLowerCase(), organization, CONFIDENCE.explicit);
  cast.mentionSource(source, statement.author, 0.9);
  return source;
}

/**
 * A taken question's labels: "Question: ..." / "Answer: ..." (or "Q:" / "A:"). The State
 * Department prints the question a reporter put at a briefing over the answer the signer gives
 * in writing; the question is the reporter's, the answer (without its label) the signer's.
 */
const TAKEN_QUESTION = /^(?:Question|QUESTION|Q):\s+(?=\S)/;
const TAKEN_ANSWER = /^(?:Answer|ANSWER|A):\s+(?=\S)/;

/** One paragraph of a statement document: a direct quote of its author, medium statement. */
function quoteStatementParagraph(walk: Walk, author: PersonEntry | SourceEntry, statement: StatementDocument, paragraph: TextRange): void {
  const words = walk.text.slice(paragraph.start, paragraph.end);
  // Labels count only in a document that answers: a "Question:" paragraph with an "Answer:" one.
  const answers = statement.paragraphs.some((candidate) => TAKEN_ANSWER.test(walk.text.slice(candidate.start, candidate.end)));
  const asked = answers ? TAKEN_QUESTION.exec(words) : null;
  const answered = answers ? TAKEN_ANSWER.exec(words) : null;
  if (asked) {
    const start = paragraph.start + asked[0].length;
    walk.cast.addSource("a reporter", "reporter", null, CONFIDENCE.explicit);
    walk.quotes.push({ start, end: paragraph.end, text: walk.text.slice(start, paragraph.end), speaker: null, speakerKind: null, speakerDescription: "a reporter", kind: "direct", medium: "statement", reportingVerb: null, attribution: { start: paragraph.start, end: start }, confidence: 0.9 });
    walk.previous = null;
    return;
  }
  if (answered) paragraph = { start: paragraph.start + answered[0].length, end: paragraph.end };
  const person = "name" in author ? author : null;
  if (person) walk.cast.mentionPerson(person, { start: statement.author.end - person.name.length, end: statement.author.end }, 0.9);
  // An office or body that issues the document speaks as that organization; an unnamed office holder stays unnamed.
  const organization = person === null && (statement.authorKind === "office" || statement.issuer !== undefined) ? (author as SourceEntry).organization : null;
  walk.quotes.push({
    start: paragraph.start,
    end: paragraph.end,
    text: walk.text.slice(paragraph.start, paragraph.end),
    speaker: person?.name ?? organization ?? null,
    speakerKind: person ? "person" : organization ? "organization" : null,
    speakerDescription: person ? (person.titles[0] ?? null) : (author as SourceEntry).description,
    kind: "direct",
    medium: "statement",
    reportingVerb: null,
    attribution: statement.author,
    confidence: 0.9,
  });
  walk.previous = null;
}
