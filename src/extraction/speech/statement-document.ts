import type { AnalyzedText } from "../text.js";
import type { TextRange } from "../types.js";

// A statement published as a document in its author's own voice (a press statement, a readout,
// remarks as delivered): the header names the author ("The following statement is attributable
// to Spokesperson Ned Price:", "Ned Price, Department Spokesperson", "Statement from President
// Joe Biden on ...", "As delivered by Ambassador X"), and every paragraph of the body after it is
// a direct quote of that author, medium statement.

/** The author line of a statement document and the body paragraphs it speaks for. */
export interface StatementDocument {
  /** The words that name the author ("Spokesperson Ned Price"). */
  readonly author: TextRange;
  readonly paragraphs: readonly TextRange[];
}

const ATTRIBUTABLE = /^the (?:following|below)(?: statement| readout)? (?:is|was|can be) attributable to (.+?):?\s*$/i;
// "Pentagon Press Secretary Jane Doe provided the following readout:", "Below is Chairman Doe's
// opening statement as prepared for delivery:": a line that hands the page to its author.
const INTRODUCED = /^(.+?) (?:provided|issued|released|gave|delivered|made) the following (?:readout|statement|remarks)\b[^.!?]*:\s*$/i;
const BELOW_IS = /^(?:below|following) (?:is|are) (?:the )?(.+?)['’]s? (?:[\p{L}-]+ ){0,3}?(?:statement|remarks|readout|testimony)\b[^.!?]*:\s*$/iu;
const HEADED = /^(?:statement|remarks|readout) (?:from|by) (.+?)(?:\s+(?:on|regarding|at|in|to)\s+.*)?$/i;
// "Secretary of Defense Jane Doe releases statement on ...": a headline that says who speaks.
const RELEASES = /^(.+?) (?:releases|issues|delivers) (?:a |the following )?(?:statement|remarks)\b/i;
const DELIVERED = /^as (?:delivered|prepared) by (.+?)\s*$/i;
const BYLINE = /^([\p{Lu}][\p{L}.'’-]+(?: [\p{Lu}][\p{L}.'’-]+){1,3}), ((?:[\p{L}.'’-]+ ){0,4}(?:spokesperson|spokesman|spokeswoman|secretary|ambassador|press secretary|deputy spokesperson))\s*$/iu;
/**
 * The State Department's header block: the author's name on a line of its own, their office on
 * the next ("Jane Q. Doe" / "Secretary of State"), then place and date lines.
 */
const NAME_LINE = /^\p{Lu}[\p{L}.'’-]+(?: \p{Lu}[\p{L}.'’-]+){1,3}$/u;
const OFFICE_LINE = /^(?:[\p{L}.'’-]+ ){0,4}(?:secretary|spokesperson|spokesman|spokeswoman|ambassador|press secretary|president|vice president|administrator|director|envoy|coordinator|counselor)(?: (?:of|for|to) [\p{L} ,.'’-]+)?$/iu;
/** Lines of the header that are not the body: dates, times, places of release. */
const HEADER_LINE = /^(?:\d{1,2}\/\d{1,2}\/\d{2,4}|\p{L}+ \d{1,2}, \d{4}|for immediate release|office of|the white house|[\d:]+ ?[ap]\.?m\.?)/iu;
const END_LINE = /^(?:#\s*#\s*#|end\b|\*\s*\*\s*\*)/i;

/** The statement document a text is, or null when its header names no author in that way. */
export function findStatementDocument(analyzed: AnalyzedText): StatementDocument | null {
  const { text, paragraphs } = analyzed;
  for (let index = 0; index < Math.min(paragraphs.length, 6); index += 1) {
    const paragraph = paragraphs[index] as TextRange;
    const line = text.slice(paragraph.start, paragraph.end).trim();
    const lead = text.slice(paragraph.start, paragraph.end).indexOf(line);
    const attributable = ATTRIBUTABLE.exec(line) ?? INTRODUCED.exec(line) ?? BELOW_IS.exec(line);
    // A header line is not a sentence; "The following ... is attributable to X:" is the exception.
    const next = paragraphs[index + 1];
    const office = next !== undefined && NAME_LINE.test(line) && OFFICE_LINE.test(text.slice(next.start, next.end).trim()) ? [line, line] : null;
    const match = attributable ?? (/[.!?]$/.test(line) ? null : (HEADED.exec(line) ?? DELIVERED.exec(line) ?? RELEASES.exec(line) ?? BYLINE.exec(line) ?? office));
    const named = match?.[1];
    if (!match || !named) continue;
    const authorStart = paragraph.start + lead + line.indexOf(named);
    const body: TextRange[] = [];
    for (const later of paragraphs.slice(index + 1)) {
      const words = text.slice(later.start, later.end).trim();
      if (END_LINE.test(words)) break;
      if (words === "" || HEADER_LINE.test(words) || !/[.!?”"]$/.test(words) || words.split(/\s+/).length < 4) continue;
      const start = later.start + text.slice(later.start, later.end).indexOf(words);
      body.push({ start, end: start + words.length });
    }
    if (body.length > 0) return { author: { start: authorStart, end: authorStart + named.length }, paragraphs: body };
  }
  return null;
}
