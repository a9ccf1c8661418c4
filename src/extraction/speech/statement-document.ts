import { type AnalyzedText } from "../text.js";
import { matchesOf } from "../patterns.js";
import type { TextRange } from "../types.js";
import { FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES, ORG_HEADS, REPORTING_VERBS, ROLE_NOUNS } from "./lexicon.js";

// A statement published as a document in its author's own voice (a press statement, a readout,
// remarks as delivered): the header names the author ("The following statement is attributable
// to Spokesperson Ned Price:", "Ned Price, Department Spokesperson", "Statement from President
// Joe Biden on ...", "As delivered by Ambassador X"), and every paragraph of the body after it is
// a direct quote of that author, medium statement.

/** The author line of a statement document and the body paragraphs it speaks for. */
export interface StatementDocument {
  /** The words that name the author ("Spokesperson Ned Price"); for an unsigned readout, its headline. */
  readonly author: TextRange;
  readonly paragraphs: readonly TextRange[];
  /**
   * How the author is named: by a person's name or title (the default), by the issuing office or
   * body itself ("Office of the Press Secretary", "VOA Statement Regarding ..."), or not at all
   * (a readout that prints no office: `unsignedBy` describes who issues it).
   */
  readonly authorKind?: "office" | "unsigned";
  readonly unsignedBy?: string;
  /**
   * For an unsigned document, the office it speaks for as an organization when its kind says which
   * ("Office of the Press Secretary" for a readout of the President's call): an unsigned release
   * speaks for the office that issues it, not for an unnamed person.
   */
  readonly issuer?: string;
  /**
   * An office's release that hands the page to a person lower down ("Media Note" / "Office of the
   * Spokesman" / "A video of ... is available:" / "Below is the transcript of Secretary Doe's
   * statement:"): the release's own paragraphs before the body, spoken by the office.
   */
  readonly preface?: StatementDocument;
}

const ATTRIBUTABLE = /^the (?:following|below)(?: statement| readout)? (?:is|was|can be) attributable to (.+?):?\.?\s*$/i;
// "Pentagon Press Secretary Jane Doe provided the following readout:", "Below is Chairman Doe's
// opening statement as prepared for delivery:": a line that hands the page to its author.
// "Spokesperson Jane Doe provided the following:" (no noun after "following") hands the page over too.
const INTRODUCED = /^(.+?) (?:provided|issued|released|gave|delivered|made) the following(?: (?:readout|statement|remarks)\b[^.!?]*)?:\.?\s*$/i;
// "Following the loss of ..., President Doe released this statement:", "On the anniversary, the
// Secretary issued these remarks:": an occasion clause may open the hand-over, and "this"/"these"
// point at the document as "the following" does.
const INTRODUCED_THIS = /^(?:(?:following|after|upon|on|in|with|marking|to mark)\b[^,:]*,\s+)?(.+?) (?:provided|issued|released|gave|delivered|made|sent) (?:this|these|the following) (?:statement|remarks|message|readout|letter)\b[^.!?:]*:\.?\s*$/iu;
const BELOW_IS = /^(?:below|following) (?:is|are) (?:the )?(.+?)['’]s? (?:[\p{L}-]+ ){0,3}?(?:statement|remarks|readout|testimony)\b[^.!?]*:\.?\s*$/iu;
// "Below is a readout from White House Press Secretary Jane Doe:": the author after "from"/"by".
const BELOW_FROM = /^(?:below|following) (?:is|are) (?:a|an|the) (?:[\p{L}-]+ ){0,3}?(?:statement|remarks|readout|testimony) (?:from|by) (.+?)\s*:\.?\s*$/iu;
// "Secretary Doe's remarks on the flood at a press conference in Lima on May 2, 2024:": a line that
// hands the page to the possessor's words (read only among the header lines).
const POSSESSOR_INTRO = /^(.+?)['’]s? (?:[\p{L}-]+ ){0,3}?(?:statement|remarks|testimony)\b.*:\s*$/iu;
// "Secretary Doe's statement reads as follows:", "Doe's full statement reads:": the possessor's words follow.
const READS_AS = /^(.+?)['’]s? (?:full |complete )?(?:statement|remarks|readout|message) (?:reads|read|is as follows|follows)(?: as follows| in full)?\s*:\.?\s*$/iu;
// The occasion may follow the author with "following"/"after"/"upon" ("Statement by the President
// Following the Attack on ..."): the author ends there, not at the topic's "on".
const HEADED = /^(?:statement|remarks|readout) (?:from|by) (.+?)(?:\s+(?:on|regarding|at|in|to|following|after|upon|concerning)\s+.*)?$/i;
// "Statement of Ambassador Jane Doe on ...": "of" names the author only when a title or a name follows.
const HEADED_OF = /^(?:statement|remarks) of ((?:the )?(?:[\p{L}.'’-]+ ){0,3}?(?:secretary|spokesperson|spokesman|spokeswoman|ambassador|director|administrator|chairman|chairwoman|chair|president|minister|senator|governor|commissioner|envoy|coordinator)\b(?: \p{Lu}[\p{L}.'’-]*){0,4})(?:\s+(?:on|regarding|at|in|to|about)\s+.*)?$/iu;
// "Secretary of Defense Jane Doe releases statement on ...": a headline that says who speaks.
const RELEASES = /^(.+?) (?:releases|issues|delivers) (?:a |the following )?(?:statement|remarks)\b/i;
const DELIVERED = /^as (?:delivered|prepared) by (.+?)\s*$/i;
// "Message Delivered By Secretary of Defense Jane Doe, Washington, DC, Monday, May 6, 2024": a
// delivery line that names the author, then the place and date after commas.
const DOCUMENT_DELIVERED = /^(?:message|remarks|statement|address|speech|letter|testimony) (?:as )?(?:delivered|given|prepared|sent|written|issued) by ([^,]+?)(?:,.*)?$/i;
const BYLINE = /^([\p{Lu}][\p{L}.'’-]+(?: [\p{Lu}][\p{L}.'’-]+){1,3}), ((?:[\p{L}.'’-]+ ){0,4}(?:spokesperson|spokesman|spokeswoman|secretary|ambassador|press secretary|deputy spokesperson))\s*$/iu;
/**
 * "Jane Q. Doe, Secretary of State": a name, a comma and a whole office line ("Secretary of
 * State", "Ambassador to the United Nations"), as BYLINE reads "Jane Doe, Spokesperson".
 */
function bylineOf(line: string): RegExpExecArray | null {
  // A signature is a short line, never a sentence: "But Jo Doe, the director of the Center says ...
  // He is calling ..." is a news paragraph whose words happen to run on from a title.
  if (!signatureLength(line)) return null;
  const byline = BYLINE.exec(line);
  if (byline) return byline;
  const comma = line.indexOf(", ");
  if (comma < 0) return null;
  const name = line.slice(0, comma);
  if (!NAME_LINE.test(name) || !OFFICE_LINE.test(line.slice(comma + 2).trim())) return null;
  const match = [line, name] as unknown as RegExpExecArray;
  match.index = 0;
  return match;
}

/** A signature line's words: a name and an office, a dozen words at most, with no sentence stop inside (an initial's point is none). */
const SIGNATURE_WORDS = 12;
function signatureLength(line: string): boolean {
  return line.split(/\s+/).length <= SIGNATURE_WORDS && !/\p{Ll}{2}[.!?]\s+\p{Lu}/u.test(line);
}

/**
 * The State Department's header block: the author's name on a line of its own, their office on
 * the next ("Jane Q. Doe" / "Secretary of State"), then place and date lines.
 */
// A name is in mixed case and has no article ("THE WHITE HOUSE" over "Office of the Press
// Secretary" is the masthead, not an author).
const NAME_LINE = /^(?!the )(?=.*\p{Ll})\p{Lu}[\p{L}.'’-]+(?: \p{Lu}[\p{L}.'’-]+){1,3}$/iu;
// "Acting Deputy Spokesman, Office of the Spokesman": the office may follow the title after a comma.
const OFFICE_LINE = /^(?!office\b)(?:[\p{L}.'’-]+ ){0,4}(?:secretary|spokesperson|spokesman|spokeswoman|ambassador|press secretary|president|vice president|administrator|director|envoy|coordinator|counselor|charg[ée] d['’]affaires|consul general|consul)(?: (?:of|for|to) [\p{L} ,.'’-]+|, [\p{L} .'’-]+)?$/iu;
/** The kind of document a State Department header line may put before its author's name. */
const DOCUMENT_KIND = /^(?:press statement|media note|statement|remarks|readout)\s+(?=\p{Lu})/iu;
/** A header line that only says what the document is ("Press Statement"). */
const KIND_ALONE = /^(?:press statement|media note|statement|readout|press release)$/i;
/** Lines of the header that are not the body: dates, times, places of release. */
const HEADER_LINE = /^(?:\d{1,2}\/\d{1,2}\/\d{2,4}|\p{L}+ \d{1,2}, \d{4}|for immediate release|office of|the white house|[\d:]+ ?[ap]\.?m\.?)/iu;
/** How far down a header of one-line fields the author line may come. */
const MAX_HEADER_LINES = 14;
const END_LINE = /^(?:#\s*#\s*#|end\b|\*\s*\*\s*\*)/i;
/**
 * A dateline printed as a line of its own and closed by a full stop ("Harborton, ST—(WIRE)—May 3,
 * 2024."): a place in capitalized words, perhaps a source in parentheses, then a date; no sentence.
 */
const DATELINE_LINE = /^\p{Lu}[\p{L}.'’]*(?:,? \p{Lu}[\p{L}.'’]*){0,3}(?:\s*[—–-]+\s*\([^()]{1,40}\))?\s*(?:[—–-]+|,)\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)\p{L}*\.? \d{1,2}, \d{4}\.?$/u;

/**
 * "The below is attributable to Spokesperson Jane Doe: Secretary Roe spoke today ...": the author
 * line and the first body paragraph printed as one paragraph (a colon, perhaps a stray full stop).
 */
const ATTRIBUTABLE_INLINE = /^the (?:following|below)(?: statement| readout)? (?:is|was|can be) attributable to ([^:]+?):[\s.:]*(?=\S)/i;
/**
 * A headline that names the author before the document's noun: "Chairman Doe Opening Statement:
 * ...", "Agency Director Statement on the Harbor Fire". Read only when no other header line names
 * an author; the author must end in a title or a name ("Joint Statement on ..." names no one).
 */
const HEADLINE_AUTHOR = /^(.+?) (?:opening |closing |press )?(?:statement|remarks)(?:\s*:|\s+(?:on|regarding|about|at|to)\s+|\s*$)/i;

/** A paragraph without the white space around it. */
function lineOf(text: string, paragraph: TextRange): TextRange {
  const raw = text.slice(paragraph.start, paragraph.end);
  const start = paragraph.start + raw.indexOf(raw.trim());
  return { start, end: start + raw.trim().length };
}

/**
 * A signature among the header lines at `index`: "Press Statement" over a title alone
 * ("Department Spokesperson"), a document of an office holder it does not name; or a name alone
 * over a date line ("Heather Doe" / "May 25, 2018") with no quotation of four words or more
 * below, a statement signed by that person (a news story's author line says "By"; an outlet's
 * name opens with no given name).
 */
function signedHeader(text: string, paragraphs: readonly TextRange[], index: number): StatementDocument | null {
  const paragraph = paragraphs[index];
  const next = paragraphs[index + 1];
  if (!paragraph || !next) return null;
  const line = lineOf(text, paragraph);
  const words = text.slice(line.start, line.end);
  if (KIND_ALONE.test(words)) {
    const title = lineOf(text, next);
    const office = text.slice(title.start, title.end);
    if (!OFFICE_LINE.test(office) || office.split(/\s+/).length > 4 || office.includes(",")) return null;
    const body = bodyAfter(text, paragraphs, index + 1);
    return body.length > 0 ? { author: title, paragraphs: body } : null;
  }
  const given = (words.split(/\s+/)[0] ?? "").toLowerCase();
  if (!NAME_LINE.test(words) || words.split(/\s+/).length > 3 || !(MALE_GIVEN_NAMES.has(given) || FEMALE_GIVEN_NAMES.has(given))) return null;
  const following = paragraphs.slice(index + 1).map((later) => text.slice(later.start, later.end).trim()).find((later) => later !== "");
  if (!/^(?:\d{1,2}\/\d{1,2}\/\d{2,4}|\p{L}+ \d{1,2}, \d{4})\s*$/u.test(following ?? "")) return null;
  if (/[“"][^”"]*\s[^”"]*\s[^”"]*\s[^”"]*[”"]/.test(text.slice(next.start))) return null;
  const body = bodyAfter(text, paragraphs, index);
  return body.length > 0 ? { author: line, paragraphs: body } : null;
}

/** The last sentence of a paragraph, where a lead paragraph may hand the page to its author ("... Below is X's statement:"). */
function lastSentence(line: string): string {
  const boundary = matchesOf(/[.!?]["”’]?\s+(?=\p{Lu})/gu, line).pop();
  return boundary ? line.slice((boundary.index ?? 0) + boundary[0].length) : line;
}

/** The text's paragraphs as lines, the empty ones left out. */
function writtenLines(text: string, paragraphs: readonly TextRange[]): TextRange[] {
  return paragraphs.map((paragraph) => lineOf(text, paragraph)).filter((line) => line.end > line.start);
}

/** The index of the first line that is a sentence (eight words or more, closed by a stop): where a release's header ends. */
function firstSentenceLine(text: string, lines: readonly TextRange[]): number {
  return lines.findIndex((line) => {
    const words = text.slice(line.start, line.end);
    return /[.!?]["”’]?$/.test(words) && words.split(/\s+/).length >= 8;
  });
}

/** Whether any of these paragraphs prints a quotation: a release that does reports someone's speech. */
function quotesSomeone(text: string, paragraphs: readonly TextRange[]): boolean {
  return paragraphs.some((paragraph) => PRINTED_QUOTATION.test(text.slice(paragraph.start, paragraph.end)));
}

/** The body paragraphs after the paragraph at `index`: everything a sentence, up to an end line. */
function bodyAfter(text: string, paragraphs: readonly TextRange[], index: number): TextRange[] {
  const body: TextRange[] = [];
  const rest = paragraphs.slice(index + 1);
  const lastWritten = rest.filter((later) => text.slice(later.start, later.end).trim() !== "").pop();
  for (const later of rest) {
    const words = text.slice(later.start, later.end).trim();
    if (END_LINE.test(words)) break;
    if (words === "" || HEADER_LINE.test(words) || DATELINE_LINE.test(words) || words.split(/\s+/).length < 4) continue;
    // A copy may drop the last full stop of the document: a closing paragraph of whole sentences still counts.
    const unstopped = later === lastWritten && /[.!?]["”’]?\s+\p{Lu}/u.test(words) && words.split(/\s+/).length >= 12;
    // A stop closed by any quotation mark ends a sentence, a straight single one too ("... plan.'", a typo for the double).
    if (!/[.!?”"]$|[.!?]['’]$/.test(words) && !unstopped) continue;
    const start = later.start + text.slice(later.start, later.end).indexOf(words);
    body.push({ start, end: start + words.length });
  }
  return body;
}

/**
 * Quotation marks a speech verb or a hand-over opens or closes ("Doe said, “", ",” said Doe",
 * "issued the following statement today: “"): words the release quotes, not its own voice.
 */
const QUOTED_SPEECH = /\b(?:said|says|added|stated|remarked|statement|declared)\b[^.!?“”"]{0,120}[,:]\s*[“"]\p{Lu}|[,.!?]\s*[”"]\s*(?:said|says|added|stated|remarked)\b/u;
function quotesItsSpeakers(text: string, body: readonly TextRange[]): boolean {
  return body.some((paragraph) => QUOTED_SPEECH.test(text.slice(paragraph.start, paragraph.end)));
}

/** "X issued the following statement." closed by a full stop: the statement is the quoted paragraphs below. */
const INTRODUCED_STOP = /^(?:.*,\s+)?(.+?) (?:provided|issued|released|gave|delivered|made) the following (?:readout|statement|remarks)\b[^.!?:“”"]*\.\s*$/iu;
/** An opening quotation mark at the start of a paragraph. */
const OPENS_QUOTED = /^\s*[“"]\s*\p{Lu}/u;

/**
 * A hand-over sentence closed by a full stop and followed by paragraphs that each open a quotation
 * ("… the President issued the following statement." / "“It was with …" / "“Hillary and I …”"): the
 * statement is those paragraphs, and the narration after them (no opening mark) is the release's.
 */
function quotedAfterStop(text: string, paragraphs: readonly TextRange[], index: number, tail: string): StatementDocument | null {
  const match = INTRODUCED_STOP.exec(tail);
  const paragraph = paragraphs[index];
  if (!match?.[1] || !paragraph || match[1].split(/\s+/).length > 8) return null;
  const body: TextRange[] = [];
  for (const later of paragraphs.slice(index + 1)) {
    const line = lineOf(text, later);
    const words = text.slice(line.start, line.end);
    if (words === "" && body.length === 0) continue;
    if (!OPENS_QUOTED.test(words)) break;
    body.push(line);
  }
  if (body.length === 0) return null;
  const line = text.slice(paragraph.start, paragraph.end);
  const authorStart = paragraph.start + line.lastIndexOf(tail) + tail.lastIndexOf(match[1], tail.search(/ (?:provided|issued|released|gave|delivered|made) the following/i));
  return { author: { start: authorStart, end: authorStart + match[1].length }, paragraphs: body };
}

/** "(begin text)" / "(end text)": the marks round a document a wire service reprints whole after its own lead. */
const BEGIN_TEXT = /^\(begin (?:text|transcript|excerpts?)\)$/i;
const END_TEXT = /^\(end (?:text|transcript|excerpts?)\)$/i;

/** The statement document a text is, or null when its header names no author in that way. */
export function findStatementDocument(analyzed: AnalyzedText): StatementDocument | null {
  const { text, paragraphs } = analyzed;
  // A reprint ("Following is the White House statement ...:" / "(begin text)" / header / body /
  // "(end text)"): the document's header is inside the marks, after the wire's lead and its
  // sentences, so it is read there, and the body ends at "(end text)".
  const begin = paragraphs.findIndex((paragraph) => BEGIN_TEXT.test(text.slice(paragraph.start, paragraph.end).trim()));
  const end = paragraphs.findIndex((paragraph, index) => index > begin && END_TEXT.test(text.slice(paragraph.start, paragraph.end).trim()));
  if (begin >= 0 && end > begin + 1) {
    const reprinted = documentIn(text, paragraphs.slice(begin + 1, end));
    if (reprinted) return reprinted;
  }
  return documentIn(text, paragraphs);
}

/** The statement document `paragraphs` make up, read from their first line. */
function documentIn(text: string, paragraphs: readonly TextRange[]): StatementDocument | null {
  // The hand-over comes within the first six lines, or later after header lines only (a release's
  // headline, office, number, "IMMEDIATE RELEASE", date): no sentence of the story before it.
  let sentenceSeen = false;
  let titledOnly: StatementDocument | null = null;
  for (let index = 0; index < Math.min(paragraphs.length, MAX_HEADER_LINES); index += 1) {
    if (index >= 6 && sentenceSeen) break;
    const paragraph = paragraphs[index] as TextRange;
    const line = text.slice(paragraph.start, paragraph.end).trim();
    sentenceSeen ||= /[.!?]["”’]?$/.test(line);
    const lead = text.slice(paragraph.start, paragraph.end).indexOf(line);
    const inline = ATTRIBUTABLE_INLINE.exec(line);
    if (inline?.[1]) {
      const authorStart = paragraph.start + lead + line.indexOf(inline[1]);
      const firstStart = paragraph.start + lead + inline[0].length;
      const first = { start: firstStart, end: paragraph.start + lead + line.length };
      return { author: { start: authorStart, end: authorStart + inline[1].length }, paragraphs: [first, ...bodyAfter(text, paragraphs, index)] };
    }
    // The hand-over may close a lead paragraph of the release's own ("WASHINGTON — ... Below is X's opening statement:").
    const tail = lastSentence(line);
    const possessor = sentenceSeen && !/:\s*$/.test(line) ? null : POSSESSOR_INTRO.exec(line);
    const attributable =
      ATTRIBUTABLE.exec(line) ??
      INTRODUCED_THIS.exec(line) ??
      INTRODUCED.exec(line) ??
      BELOW_IS.exec(line) ??
      BELOW_FROM.exec(line) ??
      READS_AS.exec(line) ??
      (tail !== line ? (INTRODUCED.exec(tail) ?? BELOW_IS.exec(tail) ?? BELOW_FROM.exec(tail)) : null) ??
      (possessor?.[1] && TITLED_NAME.test(possessor[1]) ? possessor : null);
    // "Upon learning of ..., the President issued the following statement." over quoted paragraphs.
    const stopped = quotedAfterStop(text, paragraphs, index, tail);
    if (stopped) {
      if (/^the\s/i.test(text.slice(stopped.author.start, stopped.author.end))) titledOnly ??= stopped;
      else return stopped;
      continue;
    }
    // A header line is not a sentence; "The following ... is attributable to X:" is the exception.
    const next = paragraphs[index + 1];
    // "Press Statement Jane Q. Doe" over "Secretary of State Washington, DC": the document's kind may open the name line.
    const nameLine = line.replace(DOCUMENT_KIND, "");
    const office = next !== undefined && !KIND_ALONE.test(line) && NAME_LINE.test(nameLine) && OFFICE_LINE.test(text.slice(next.start, next.end).trim()) ? [nameLine, nameLine] : null;
    const match = attributable ?? (/[.!?]$/.test(line) ? null : (HEADED.exec(line) ?? HEADED_OF.exec(line) ?? DELIVERED.exec(line) ?? DOCUMENT_DELIVERED.exec(line) ?? RELEASES.exec(line) ?? bylineOf(line) ?? office));
    const signed = match || sentenceSeen || index === 0 ? null : signedHeader(text, paragraphs, index);
    if (signed) return signed;
    const named = match?.[1];
    if (!match || !named) continue;
    // "Readout from Secretary Doe's Call with ...": the possessor is whom the readout is about, not its author.
    if (match !== attributable && /\p{L}(?:['’]s?|s['’])\s+\p{L}/u.test(named)) continue;
    const authorStart = paragraph.start + lead + line.lastIndexOf(named);
    const body = bodyAfter(text, paragraphs, index);
    if (body.length === 0) continue;
    // "Statement by the Director on ..." over "... Director Doe issued the following statement: “...”":
    // a release that quotes its author reports speech; its quotation marks say whose words they are.
    if (match !== attributable && quotesItsSpeakers(text, body)) continue;
    const found = { author: { start: authorStart, end: authorStart + named.length }, paragraphs: body };
    // "Statement from the U.S. Embassy in Ruritania": a body that issues the document speaks as itself.
    if (match !== office && namesBody(named)) {
      const issued: StatementDocument = { ...found, authorKind: "office" };
      return handedOverWithin(text, paragraphs, index, issued) ?? issued;
    }
    // "Statement by the Secretary on ..." over "Jane Q. Doe" / "Secretary of State": the name
    // lines below name the office holder the headline only titles.
    if (match !== office && /^the\s/i.test(named)) {
      titledOnly ??= found;
      continue;
    }
    return found;
  }
  // "Statement by the Press Secretary" names its author by office only: the unnamed office holder,
  // with or without the "Office of the Press Secretary" header line (the first-sight keys'
  // convention, eval/first-sight/speech/README.md; batches 17 and 18 keyed three as the office).
  if (titledOnly) return titledOnly;
  const signed = footSigned(text, paragraphs);
  if (signed) return signed;
  const headless = headlessReadout(text, paragraphs);
  if (headless) return headless;
  // Else a headline that names its author: "Agency Director Statement on ...".
  const headline = paragraphs[0];
  if (!headline || paragraphs.length < 2) return null;
  const line = text.slice(headline.start, headline.end).trim();
  const named = HEADLINE_AUTHOR.exec(line)?.[1];
  const authorStart = headline.start + text.slice(headline.start, headline.end).indexOf(line);
  if (named && !/[.!?]$/.test(line) && AUTHOR_END.test(named)) {
    const body = bodyAfter(text, paragraphs, 0);
    if (quotesItsSpeakers(text, body)) return null;
    return body.length > 0 ? { author: { start: authorStart, end: authorStart + named.length }, paragraphs: body } : null;
  }
  return (
    addressedMessage(text, paragraphs) ??
    issuedDocument(text, paragraphs, { start: authorStart, end: authorStart + line.length }) ??
    selfNamedStatement(text, paragraphs) ??
    pressOfficeFirstPerson(text, paragraphs) ??
    officeRelease(text, paragraphs) ??
    newsRelease(text, paragraphs) ??
    announcedRelease(text, paragraphs) ??
    countryVoiceStatement(text, paragraphs) ??
    datelineRelease(text, paragraphs)
  );
}

/**
 * An office's release whose own lines, between its header at `index` and the body, end with a
 * hand-over to a titled person ("Below is the transcript of Secretary Doe's statement ...:"): the
 * body after that line is the person's, and the release's sentences before it (that line too) are
 * the office's preface.
 */
function handedOverWithin(text: string, paragraphs: readonly TextRange[], index: number, issued: StatementDocument): StatementDocument | null {
  const firstBody = issued.paragraphs[0];
  if (!firstBody) return null;
  for (let at = index + 1; at < paragraphs.length && (paragraphs[at] as TextRange).end <= firstBody.start; at += 1) {
    const line = lineOf(text, paragraphs[at] as TextRange);
    const words = text.slice(line.start, line.end);
    const match = BELOW_IS.exec(words) ?? BELOW_FROM.exec(words) ?? READS_AS.exec(words) ?? INTRODUCED_THIS.exec(words) ?? INTRODUCED.exec(words);
    // "the transcript of Secretary Doe": the person after the document's noun.
    const named = match?.[1]?.replace(/^.*of\s+/i, "");
    if (!named || !TITLED_NAME.test(named)) continue;
    const body = bodyAfter(text, paragraphs, at);
    if (body.length === 0) return null;
    const authorStart = line.start + words.lastIndexOf(named);
    const own = paragraphs
      .slice(index + 1, at + 1)
      .map((paragraph) => lineOf(text, paragraph))
      .filter((prefaceLine) => /[.!?:]["”’]?$/.test(text.slice(prefaceLine.start, prefaceLine.end)) && text.slice(prefaceLine.start, prefaceLine.end).split(/\s+/).length >= 8);
    return { author: { start: authorStart, end: authorStart + named.length }, paragraphs: body, preface: { ...issued, paragraphs: own } };
  }
  return null;
}

/** A message's salutation closing a header line, perhaps after its dateline: "To all Department of Defense employees:", "Dear colleagues,". */
const SALUTATION = /(?:^|[—–-]\s*)(?:To (?:all|the|every|our)\b[^:.!?]{3,80}|Dear\b[^:,.!?]{2,60}|Fellow\b[^:,.!?]{2,60}):\s*$/u;
/** The person a message's headline names as its subject: "Trip Talk: Doe Provides Insights ...", "Secretary Doe Thanks Troops". */
const HEADLINE_SUBJECT = /^(?:[^:]{1,40}:\s*)?((?:\p{Lu}[\p{L}.'’-]+ ){0,3}?\p{Lu}[\p{L}'’-]+) (?=\p{Lu}\p{Ll}+s\b)/u;

/**
 * A message from one person to many ("WASHINGTON — To all Department of Defense employees:" over
 * paragraphs in the first person, "I travelled ..."): the headline over it names its writer as its
 * subject ("Trip Talk: Doe Provides Insights on Recent Travels"). Every body paragraph is the
 * writer's words. Not when the body prints a quotation (a story about a message quotes it).
 */
function addressedMessage(text: string, paragraphs: readonly TextRange[]): StatementDocument | null {
  const lines = writtenLines(text, paragraphs);
  const headline = lines[0];
  if (!headline) return null;
  const salutation = lines.slice(1, 4).findIndex((line) => SALUTATION.test(text.slice(line.start, line.end)));
  if (salutation < 0) return null;
  const line = lines[salutation + 1] as TextRange;
  const index = paragraphs.findIndex((paragraph) => paragraph.start <= line.start && paragraph.end >= line.end);
  const body = bodyAfter(text, paragraphs, index);
  if (body.length === 0 || quotesSomeone(text, body) || !body.some((paragraph) => /\b(?:I|my|me)\b/.test(text.slice(paragraph.start, paragraph.end)))) return null;
  const title = text.slice(headline.start, headline.end);
  const named = HEADLINE_SUBJECT.exec(title)?.[1];
  if (!named || /[.!?]$/.test(title)) return null;
  const authorStart = headline.start + (HEADLINE_SUBJECT.exec(title)?.[0].indexOf(named) ?? 0) + (HEADLINE_SUBJECT.exec(title)?.index ?? 0);
  return { author: { start: authorStart, end: authorStart + named.length }, paragraphs: body };
}

/** The departments whose unsigned releases name them: the department's head, its own name, its building, its site or handle. */
const ISSUING_DEPARTMENTS: readonly { readonly pattern: RegExp; readonly issuer: string; readonly unsignedBy: string }[] = [
  { pattern: /\b(?:Secretary of State|State Department|Department of State|state\.gov)\b|@StateDept\b/, issuer: "U.S. Department of State", unsignedBy: "the Department of State" },
  { pattern: /\b(?:Secretary of Defense|Defense Secretary|Defense Department|Department of Defense|Pentagon|defense\.gov)\b|@DeptofDefense\b/, issuer: "U.S. Department of Defense", unsignedBy: "the Department of Defense" },
];
/** Reporting a news story does and a release in its issuer's voice never needs. */
const STORY_REPORTING = /\b(?:announced|stated|added|quoted|noted|declared|explained)\b/i;
/** How many header lines may come before a media note's dateline ("Media Note", headline, date). */
const MAX_NOTE_HEADER_LINES = 4;
/** How many body paragraphs a media note runs to at most (a news story runs longer). */
const MAX_NOTE_PARAGRAPHS = 8;

/**
 * An unsigned media note: a headline (and perhaps its kind and date, on lines of their own), then a body opening on a release's dateline ("Washington, DC -
 * Deputy Secretary Doe will travel to ..."), short, third person, with no quotation, no reporting
 * verb and no "I". Nobody is quoted or reported, so the body is the issuer's own announcement; the
 * issuer is the one department the note names (its head, its name, its building or its web site),
 * as an organization. A note that names two departments, or none, is left alone.
 */
function datelineRelease(text: string, paragraphs: readonly TextRange[]): StatementDocument | null {
  if (PRINTED_QUOTATION.test(text) || NEWS_REPORTING.test(text) || STORY_REPORTING.test(text)) return null;
  const lines = writtenLines(text, paragraphs);
  // Header lines before the dateline ("Media Note", the headline, a date): none a sentence.
  const openingAt = lines.findIndex((line) => RELEASE_DATELINE.test(text.slice(line.start, line.end)));
  const opening = lines[openingAt];
  if (!opening || openingAt > MAX_NOTE_HEADER_LINES) return null;
  const header = lines.slice(0, openingAt).map((line) => text.slice(line.start, line.end));
  if (header.some((line) => /[.!?]["”’]?$/.test(line) || line.split(/\s+/).length > 20)) return null;
  const raw = text.slice(opening.start, opening.end);
  const dateline = RELEASE_DATELINE.exec(raw);
  if (!dateline) return null;
  const first = { start: opening.start + dateline[0].length, end: opening.end };
  if (text.slice(first.start, first.end).split(/\s+/).length < 8) return null;
  const rest = bodyAfter(text, paragraphs, paragraphs.findIndex((paragraph) => paragraph.end >= opening.end));
  const body = [first, ...rest];
  if (body.length > MAX_NOTE_PARAGRAPHS || body.some((paragraph) => FIRST_PERSON_SINGULAR.test(text.slice(paragraph.start, paragraph.end)))) return null;
  const named = ISSUING_DEPARTMENTS.filter((department) => department.pattern.test(text));
  const department = named.length === 1 ? named[0] : undefined;
  if (!department) return null;
  return { author: first, paragraphs: body, authorKind: "unsigned", unsignedBy: department.unsignedBy, issuer: department.issuer };
}

/** A press office's own header line: "Office of the Press Secretary", "Office of the Spokesperson". */
const PRESS_OFFICE_LINE = /^office of the (?:press secretary|spokesperson|spokesman|spokeswoman)$/i;

/**
 * An unsigned release under its press office's header ("Statement on the Visit of ..." /
 * "Office of the Press Secretary" / "For Immediate Release ..." / body): no title or sign-off names
 * an author, so every body paragraph speaks for the office the header names, as an organization.
 * A release that quotes someone reports speech, and is left to the quotation marks.
 */
function officeRelease(text: string, paragraphs: readonly TextRange[]): StatementDocument | null {
  const lines = writtenLines(text, paragraphs);
  const firstBody = firstSentenceLine(text, lines);
  if (firstBody < 1 || firstBody > 6) return null;
  const office = lines.slice(0, firstBody).find((line) => PRESS_OFFICE_LINE.test(text.slice(line.start, line.end)));
  if (!office) return null;
  const lastHeader = lines[firstBody - 1] as TextRange;
  const body = bodyAfter(text, paragraphs, paragraphs.findIndex((paragraph) => paragraph.end >= lastHeader.end));
  if (body.length === 0 || quotesSomeone(text, body)) return null;
  return { author: office, paragraphs: body, authorKind: "office" };
}

/** A release's kind on a header line of its own: "News Release", "Press Release". */
const NEWS_RELEASE_LINE = /^(?:news|press) release$/i;
/** An issuing office's header line, perhaps with its branch in brackets: "Office of the Assistant Secretary (Public Affairs)". */
const ISSUING_OFFICE_LINE = /^Office of (?:the )?\p{Lu}[\p{L}.'’-]*(?: (?:of|for|and|the|\p{Lu}[\p{L}.'’-]*)){0,8}(?: \(\p{Lu}[\p{L} ]{1,40}\))?$/u;

/**
 * An unsigned news release under a department's header: a title, then header lines only (the
 * department, the issuing office's line, "News Release", web and contact lines, the release
 * number and date; none a sentence), then a body with no quotation marks. No title or sign-off
 * names an author, so every body paragraph is the issuing office's, as an organization (the office
 * line, "Office of ... (Public Affairs)"). Unlike `officeRelease` the office need not be a press
 * secretary's or spokesperson's, but the header must call the document a news/press release.
 */
function newsRelease(text: string, paragraphs: readonly TextRange[]): StatementDocument | null {
  const lines = writtenLines(text, paragraphs);
  const firstBody = firstSentenceLine(text, lines);
  if (firstBody < 2 || firstBody > MAX_HEADER_LINES + 1) return null;
  const header = lines.slice(1, firstBody);
  if (!header.some((line) => NEWS_RELEASE_LINE.test(text.slice(line.start, line.end).trim()))) return null;
  const office = header.find((line) => ISSUING_OFFICE_LINE.test(text.slice(line.start, line.end).trim()));
  if (!office) return null;
  const lastHeader = lines[firstBody - 1] as TextRange;
  const body = bodyAfter(text, paragraphs, paragraphs.findIndex((paragraph) => paragraph.end >= lastHeader.end));
  if (body.length === 0 || quotesSomeone(text, body)) return null;
  return { author: office, paragraphs: body, authorKind: "office" };
}

/** A release's own opening: "The Department of Defense announced today ...", "The Harbor Authority today announced ...". */
const ANNOUNCED_OPENING = /^The ((?:U\.S\. )?\p{Lu}[\p{L}.'’-]*(?: (?:of|for|and|the|\p{Lu}[\p{L}.'’-]*)){0,7}) (?:announced today|today announced|has announced|announces)\b/u;

/**
 * An unsigned release printed with its title only, no department header (the header `newsRelease`
 * reads is dropped by the page that reprints it): a short title line (no full stop), then a body
 * whose first sentence is the issuing body announcing ("The Department of Defense announced today
 * the death of ..."), with no quotation marks and no reporting verb anywhere. A news story that
 * opens so goes on to quote or report someone; a release does not. Every body paragraph is the
 * announcing body's, as an organization.
 */
function announcedRelease(text: string, paragraphs: readonly TextRange[]): StatementDocument | null {
  if (PRINTED_QUOTATION.test(text) || NEWS_REPORTING.test(text)) return null;
  const lines = writtenLines(text, paragraphs);
  const title = lines[0];
  const opening = lines[1];
  if (!title || !opening) return null;
  const titleWords = text.slice(title.start, title.end);
  if (/[.!?]["”’]?$/.test(titleWords) || titleWords.split(/\s+/).length > 12) return null;
  const found = ANNOUNCED_OPENING.exec(text.slice(opening.start, opening.end));
  if (!found?.[1] || (!ORG_HEADS.has((found[1].split(/\s+/).pop() ?? "").toLowerCase()) && !/\bof\b/.test(found[1]))) return null;
  const authorStart = opening.start + "The ".length;
  const body = bodyAfter(text, paragraphs, 0);
  if (body.length === 0) return null;
  return { author: { start: authorStart, end: authorStart + found[1].length }, paragraphs: body, authorKind: "office" };
}

/**
 * "The United States condemns ..." (perhaps after a headline and a "Washington, DC -" dateline),
 * going on as "we"/"our" with no quotation anywhere: the State Department's press statement, which
 * speaks for the country in its own voice. Unsigned, it is the department's (a news story about
 * such a statement reports or quotes it, and never says "our" outside quotation marks).
 */
const COUNTRY_VOICE = /^The United States (?:strongly |firmly |deeply |warmly |sincerely )?(?:condemns|welcomes|congratulates|applauds|deplores|joins|commends|mourns|is (?:deeply )?(?:concerned|saddened|alarmed|troubled|pleased|encouraged))\b/;
/** A release's dateline in mixed case or capitals: "Washington, DC - ", "WASHINGTON — ". */
const RELEASE_DATELINE = /^\p{Lu}[\p{L}.'’]*(?: \p{Lu}[\p{L}.'’]*){0,2}(?:, ?\p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}.]*)?)?\s+[–—-]{1,2}\s+/u;
function countryVoiceStatement(text: string, paragraphs: readonly TextRange[]): StatementDocument | null {
  if (PRINTED_QUOTATION.test(text)) return null;
  const lines = writtenLines(text, paragraphs);
  // A headline of its own (no full stop, a dozen words at most) may come first.
  const headline = lines[0] && !/[.!?]["”’]?$/.test(text.slice(lines[0].start, lines[0].end)) && text.slice(lines[0].start, lines[0].end).split(/\s+/).length <= 12;
  const opening = lines[headline ? 1 : 0];
  if (!opening) return null;
  const words = text.slice(opening.start, opening.end).replace(RELEASE_DATELINE, "");
  const first = { start: opening.end - words.length, end: opening.end };
  if (!COUNTRY_VOICE.test(words) || NEWS_REPORTING.test(text)) return null;
  const rest = bodyAfter(text, paragraphs, paragraphs.findIndex((paragraph) => paragraph.end >= opening.end));
  const body = [first, ...rest];
  if (!body.some((paragraph) => /\b(?:we|our|us)\b/i.test(text.slice(paragraph.start, paragraph.end)))) return null;
  return { author: first, paragraphs: body, authorKind: "unsigned", unsignedBy: "the Department of State", issuer: "U.S. Department of State" };
}

/** The White House press office's header line; the releases it prints in the first person unsigned are the President's. */
const PRESS_SECRETARY_OFFICE = /^office of the press secretary$/i;
/** A first-person singular speaker: "I learned ...", "Hillary and I join ...", "my predecessors". */
const FIRST_PERSON_SINGULAR = /(?:^|[\s,(])(?:I|my|me)(?=[\s,.;:!?)])/u;

/**
 * "Office of the Press Secretary" / "For Immediate Release ..." over a body in the first person
 * singular with no signature, no quotation and no reporting ("I learned with deep regret ...",
 * "Hillary and I join ..."): the White House prints the President's own statements so, while the
 * Press Secretary's are headed "Statement by the Press Secretary" (and speak as "we"). The author
 * is the office holder, unnamed ("the President").
 */
function pressOfficeFirstPerson(text: string, paragraphs: readonly TextRange[]): StatementDocument | null {
  const lines = writtenLines(text, paragraphs);
  const firstBody = firstSentenceLine(text, lines);
  if (firstBody < 1 || firstBody > 5) return null;
  const header = lines.slice(0, firstBody);
  const office = header.find((line) => PRESS_SECRETARY_OFFICE.test(text.slice(line.start, line.end)));
  if (!office) return null;
  const body = bodyAfter(text, paragraphs, paragraphs.findIndex((paragraph) => paragraph.end >= (header[header.length - 1] as TextRange).end));
  if (body.length === 0) return null;
  const words = body.map((paragraph) => text.slice(paragraph.start, paragraph.end));
  if (!FIRST_PERSON_SINGULAR.test(words[0] as string) || words.some((paragraph) => PRINTED_QUOTATION.test(paragraph) || NEWS_REPORTING.test(paragraph))) return null;
  return { author: office, paragraphs: body, authorKind: "unsigned", unsignedBy: "the President" };
}

/** "The Harbor Authority strongly condemns ...": a body named as the subject of the opening sentence, then its present-tense verb. */
const SELF_NAMED_OPENING = /^(?:The )?((?:\p{Lu}[\p{L}.'’-]*\s+){0,5}\p{L}+(?<!ly))\s+(?:strongly |firmly |deeply |warmly |sincerely )?(\p{Ll}+s)\b/u;

/**
 * An unsigned statement with no headline, in a body's own voice: it opens with the body's name as
 * the subject ("The Harbor Authority strongly condemns the attack ...") and goes on in the first
 * person plural ("Our thoughts are with ...", "We stand ..."), with no quotation anywhere. A news
 * story names bodies too, but it neither speaks as "we" outside quotation marks nor lacks them
 * while reporting; an opening reporting verb ("The agency says ...") is a news lead.
 */
function selfNamedStatement(text: string, paragraphs: readonly TextRange[]): StatementDocument | null {
  const first = paragraphs[0];
  if (!first || PRINTED_QUOTATION.test(text)) return null;
  const raw = text.slice(first.start, first.end);
  const line = raw.trim();
  const opening = SELF_NAMED_OPENING.exec(line);
  const name = opening?.[1];
  if (!opening || !name || REPORTING_VERBS.has(opening[2] ?? "") || !ORG_HEADS.has((name.split(/\s+/).pop() ?? "").toLowerCase()) || !/^\p{Lu}/u.test(name)) return null;
  const firstSentenceEnd = line.search(/[.!?](?:\s|$)/);
  if (firstSentenceEnd < 0 || !/\b(?:we|our|us)\b/i.test(text.slice(first.start + raw.indexOf(line) + firstSentenceEnd))) return null;
  const start = first.start + raw.indexOf(line);
  const body = [{ start, end: start + line.length }, ...bodyAfter(text, paragraphs, 0)];
  const nameStart = start + line.indexOf(name);
  return { author: { start: nameStart, end: nameStart + name.length }, paragraphs: body, authorKind: "office" };
}

/**
 * A statement signed at its foot: the name on a line over the office ("Jane Doe" / "Chargé
 * d'Affaires"), or both on one line ("Jane Doe, Spokesperson"), after a body that quotes no one (a
 * release that quotes its people is news about them, not their words).
 */
function footSigned(text: string, paragraphs: readonly TextRange[]): StatementDocument | null {
  const words = (line: TextRange | undefined): string => (line ? text.slice(line.start, line.end) : "");
  const lines = writtenLines(text, paragraphs);
  // The release's end mark under the signature ("# # #", "###", "-30-") is no part of it.
  while (lines.length > 0 && END_MARK.test(words(lines[lines.length - 1]))) lines.pop();
  const last = lines[lines.length - 1];
  const before = lines[lines.length - 2];
  if (!last || !before || lines.length < 3) return null;
  const onTwoLines = NAME_LINE.test(words(before)) && OFFICE_LINE.test(words(last)) && signatureLength(words(last)) ? before : null;
  const byline = bylineOf(words(last));
  const author = onTwoLines ?? (byline?.[1] ? { start: last.start, end: last.start + byline[1].length } : null) ?? (capitalsSignature(words(last)) ? last : null);
  if (!author) return null;
  const signatureStart = onTwoLines ? before.start : last.start;
  const body = bodyAfter(text, paragraphs, 0).filter((paragraph) => paragraph.end <= signatureStart);
  if (body.length === 0 || quotesSomeone(text, body)) return null;
  // A name in capitals alone signs only a text in its signer's own voice ("I condemn ...").
  if (author === last && !byline && !body.some((paragraph) => /(?:^|[\s(])I\s/.test(text.slice(paragraph.start, paragraph.end)))) return null;
  return { author, paragraphs: body };
}

/** A release's end mark on a line of its own: "# # #", "###", "-30-", "- END -". */
const END_MARK = /^(?:#\s*){3}$|^-\s*30\s*-$|^-*\s*end\s*-*$/i;
/** A signature in capitals: "JANE Q. DOE" (two to four words, initials allowed, no lower case). */
const CAPITALS_SIGNATURE = /^(?!.*\p{Ll})\p{Lu}[\p{Lu}'’-]+\.?(?: (?:\p{Lu}\.|\p{Lu}[\p{Lu}'’-]+\.?)){1,3}$/u;

/** Whether a line is a person's name in capitals, not an office or a heading ("DEPARTMENT OF STATE"). */
function capitalsSignature(line: string): boolean {
  return CAPITALS_SIGNATURE.test(line) && !line.split(/\s+/).some((word) => ORG_HEADS.has(word.toLowerCase()) || ROLE_NOUNS.has(word.toLowerCase()) || /^(?:of|the|and|for|on)$/i.test(word));
}

/**
 * Whether an author line names a body rather than a person or an office holder: its head (the word
 * before "of"/"in", else the last) is an organization's head ("the U.S. Embassy in Ruritania",
 * "the Department of Defense", "Office of the Press Secretary") and no role word is in it.
 */
function namesBody(named: string): boolean {
  const words = named.replace(/^the\s+/i, "").split(/\s+/);
  if (words.some((word) => ROLE_NOUNS.has(word.toLowerCase()))) return false;
  const cut = words.findIndex((word, index) => index > 0 && /^(?:of|in|to|for)$/i.test(word));
  const head = (cut > 0 ? words[cut - 1] : words[words.length - 1]) ?? "";
  return /^\p{Lu}/u.test(head) && ORG_HEADS.has(head.toLowerCase());
}

/** A readout's headline ("Readout of the President's Call with ...", "Readout on ..."). */
const READOUT_HEADLINE = /^readout (?:of|on|from)\b/i;
/** A body's own statement headline: "Agency Statement Regarding ...", "Ministry Statement on ...". */
const BODY_STATEMENT_HEADLINE = /^(.+?) statement (?:regarding|on|about|concerning)\s/i;
/**
 * The issuing office printed on a header or foot line of its own: "Office of the Press Secretary",
 * "State Department Press Office", "Ministry of Foreign Affairs".
 */
const OFFICE_SIGNATURE = /^(?:(?:Office|Ministry|Department) of (?:the )?\p{Lu}[\p{L}]*(?: \p{Lu}[\p{L}]*){0,4}|(?:\p{Lu}[\p{L}.]*\s+){1,5}(?:Office|Department|Ministry|Embassy|Mission|Command))$/u;
/**
 * Who issues an unsigned readout of a principal's call or meeting, by how the principal is named
 * ("the President's Call", "President Doe spoke ..." -> the White House).
 */
// `issuer` is the office as such releases' headers name it: the White House prints readouts under
// "Office of the Press Secretary", the State Department under "Office of the Spokesperson", the
// Defense Department under its own name.
const PRINCIPAL_OFFICES: readonly { readonly principal: RegExp; readonly office: string; readonly issuer: string }[] = [
  { principal: /\b(?:the )?(?:Vice )?President(?:['’]s\b|\s+\p{Lu}[\p{L}'’-]+(?:['’]s)?(?=[\s,]|$))/u, office: "the White House", issuer: "Office of the Press Secretary" },
  { principal: /\b(?:the )?(?:Secretary of Defense|Defense Secretary)\b/u, office: "the Department of Defense", issuer: "U.S. Department of Defense" },
  { principal: /\b(?:the )?(?:Secretary of State)\b/u, office: "the Department of State", issuer: "Office of the Spokesperson" },
];

/** An unsigned readout of a principal's call: it speaks for the principal's press office, as an organization. */
function principalReadout(author: TextRange, paragraphs: readonly TextRange[], principal: string): StatementDocument {
  const entry = PRINCIPAL_OFFICES.find((candidate) => candidate.principal.test(principal));
  return entry ? { author, paragraphs, authorKind: "unsigned", unsignedBy: entry.office, issuer: entry.issuer } : { author, paragraphs, authorKind: "unsigned", unsignedBy: "the issuing office" };
}

/**
 * The opening of a readout printed without its headline: a principal, by title ("President Doe",
 * "The Secretary of State", "Vice President Roe"), and the call or meeting ("spoke by phone today
 * with", "met with", "called", "hosted").
 */
const READOUT_OPENING = /^(?:(?:Today|Earlier today|This (?:morning|afternoon|evening)|Yesterday),?\s+)?(?:The )?(?:Vice President|President|Secretary(?: of (?:State|Defense))?|Defense Secretary|Prime Minister)(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}\s+(?:spoke|met|called|hosted|held (?:a|an) (?:phone |telephone |video |bilateral )?(?:call|meeting))\b/u;
/**
 * A quotation printed in the text: curly marks, or straight ones around a stretch of words (not an
 * inch mark or a lone quoted letter). An office's release speaks in its own voice; one that prints
 * a quotation is a story or a statement quoting someone, and its quotes are read as such.
 */
const PRINTED_QUOTATION = /[“”]|"[^"]{8,}"/;
/** Words of reporting that a news story about a call uses and a readout, in the office's own voice, does not. */
const NEWS_REPORTING = /\b(?:said|says|told|according to|reported|reports)\b/i;

/**
 * A readout printed without its headline ("President Doe spoke by phone today with ..."): every
 * paragraph narrates the principal's call or meeting in the issuing office's voice. A news story
 * about the same call reports it (said, according to), quotes someone, or runs longer; a readout
 * does none of these. The issuer is the principal's office, unnamed.
 */
function headlessReadout(text: string, paragraphs: readonly TextRange[]): StatementDocument | null {
  const lines = writtenLines(text, paragraphs);
  const first = lines[0];
  if (!first || lines.length > 6) return null;
  const opening = text.slice(first.start, first.end);
  if (!READOUT_OPENING.test(opening) || PRINTED_QUOTATION.test(text) || NEWS_REPORTING.test(text)) return null;
  // Every line a paragraph of sentences: a headline, dateline or byline makes it another document.
  if (lines.some((line) => !/[.!?]["”’]?$/.test(text.slice(line.start, line.end)) || text.slice(line.start, line.end).split(/\s+/).length < 8)) return null;
  const principal = opening.split(/\s+(?:spoke|met|called|hosted|held)\b/)[0] ?? "";
  return principalReadout(first, lines, principal);
}

/**
 * A document issued by an office rather than signed by a person, whose headline says what it is:
 * a readout ("Readout of the Secretary's Call with ...") or a body's statement ("Agency Statement
 * Regarding ..."). Every body paragraph is the issuer's: the office a header line or the foot line
 * prints, else the body its statement headline names, else an unnamed issuer.
 */
function issuedDocument(text: string, paragraphs: readonly TextRange[], headline: TextRange): StatementDocument | null {
  const title = text.slice(headline.start, headline.end);
  const readout = READOUT_HEADLINE.test(title);
  const body = readout || BODY_STATEMENT_HEADLINE.test(title) ? bodyAfter(text, paragraphs, 0) : [];
  // A release that quotes its people ("... ,” said the director) reports speech; it is no statement in the body's own voice.
  if (body.length === 0 || quotesSomeone(text, body)) return null;
  // Header lines before the first body paragraph, then the foot line after the last one.
  const firstBody = body[0] as TextRange;
  const lastBody = body[body.length - 1] as TextRange;
  const header = paragraphs.slice(1).filter((paragraph) => paragraph.end <= firstBody.start);
  const foot = paragraphs.filter((paragraph) => paragraph.start >= lastBody.end && text.slice(paragraph.start, paragraph.end).trim() !== "").slice(0, 1);
  const office = [...header, ...foot].map((paragraph) => lineOf(text, paragraph)).find((line) => OFFICE_SIGNATURE.test(text.slice(line.start, line.end)));
  if (office) return { author: office, paragraphs: body, authorKind: "office" };
  // The body's name is an acronym or ends in an organization's head ("Joint Statement on ..." names no one).
  const bodyNamed = BODY_STATEMENT_HEADLINE.exec(title)?.[1];
  const isBody = (name: string): boolean => /^\p{Lu}{2,6}$/u.test(name) || ORG_HEADS.has((name.split(/\s+/).pop() ?? "").toLowerCase());
  if (!readout && bodyNamed && isBody(bodyNamed)) {
    const start = headline.start + title.indexOf(bodyNamed);
    return { author: { start, end: start + bodyNamed.length }, paragraphs: body, authorKind: "office" };
  }
  if (!readout) return null;
  return principalReadout(headline, body, title);
}

const AUTHOR_TITLES = ["secretary", "spokesperson", "spokesman", "spokeswoman", "ambassador", "director", "administrator", "chairman", "chairwoman", "chair", "president", "minister", "senator", "governor", "commissioner", "envoy", "coordinator", "ranking member", "leader"];
/** A title, then up to three capitalized words of a name ("Foreign Minister Jane Q. Doe"). */
const TITLED_NAME = new RegExp(`(?:^|\\s)(?:${AUTHOR_TITLES.join("|")})(?:\\s+\\p{Lu}[\\p{L}.'’-]*){0,3}$`, "iu");
/** A lower-case title word that may open in a capital ("secretary" -> "[sS]ecretary"), for patterns whose name words must be capitalized. */
function eitherCase(title: string): string {
  return title.replace(/(^|\s)(\p{Ll})/gu, (_whole, space: string, letter: string) => `${space}[${letter}${letter.toUpperCase()}]`);
}

/**
 * A headline's author ends in a title ("VOA Director"), a title and a surname ("Chairman Doe"), or a
 * title with its office and a full name ("Secretary of Defense Jane Q. Doe"): after the title word
 * only capitalized words, initials and the "of"/"for"/"the" of an office.
 */
const AUTHOR_END = new RegExp(
  `(?:^|\\s)(?:${AUTHOR_TITLES.map(eitherCase).join("|")})(?:\\s+(?:of|for|the|\\p{Lu}[\\p{Ll}'’-]+|\\p{Lu}\\.)){0,6}$`,
  "u",
);
