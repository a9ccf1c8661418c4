import winkNLP, { type Document, type ItemEntity, type ItemSentence, type ItsFunction } from "wink-nlp";
import model from "wink-eng-lite-web-model";
import type { TextRange } from "./types.js";

// Library choice, measured with `npx tsx bench/extract-nlp-choice.ts` on
// seeds/basra-consulate-2018.txt (2026-11-28, 2 shared cores):
//   wink-nlp + wink-eng-lite-web-model: 1.7 ms/story, token values + preceding spaces rebuild
//     every line exactly, 27 sentences. Errors: ".@SecPompeo" split into "." and "@SecPompeo";
//     "pic.twitter.com/QsAw2Ie4ns" split into three. (It also splits multi-sentence quotes at
//     their inner full stops, which is right for sentences; quotes are found on characters.)
//   compromise: 21 ms/story (12x slower), term pre/text/post rebuild every line exactly,
//     22 sentences, no splitting errors on URLs or ".@", but keeps a multi-sentence quotation as
//     one sentence, and it has no POS tags in the Universal set the passes use.
// Kept wink: both wink errors are boundaries with no whitespace after them, which the merge
// below repairs generally (a real sentence boundary is followed by a space or a line break).
//
// The one place that turns text into paragraphs, sentences and tokens with character offsets.
// wink-nlp does the sentence and token boundaries; we only map its token indexes back to
// UTF-16 offsets of the original text (wink keeps every token's original value and the spaces
// before it, so the offsets reconstruct the text exactly) and treat line breaks as paragraph
// boundaries, which wink does not (except inside a hard-wrapped sentence, below).

// (hspeed2: without wink's negation and sentiment passes, which nothing here reads: its tokens, tags, sentences and
// entities come out the same, and readDoc takes about a third less time.)
const nlp = winkNLP(model, ["sbd", "pos", "ner", "cer"]);
const its = nlp.its;

/**
 * wink's lemma of one lone word ("civilians" -> "civilian"; a word its lexicon does not know comes back
 * as it is). Rules that must know whether a word is a common noun ask here, so the text is read with
 * one wink instance.
 */
export function lemmaOfWord(word: string): string {
  const tokens = nlp.readDoc(word).tokens();
  // wink types its lemma add-on loosely; it reads a token as a string like its.value.
  return tokens.length() === 1 ? String(tokens.itemAt(0).out(its.lemma as unknown as ItsFunction<string>)) : word;
}

/** A token with its offsets and wink's part-of-speech tag (Universal POS: NOUN, PROPN, VERB ...). */
export interface Token extends TextRange {
  readonly text: string;
  readonly pos: string;
}

/** A sentence: its offsets and its tokens. */
export interface Sentence extends TextRange {
  readonly text: string;
  readonly tokens: readonly Token[];
  /** Index of the paragraph (line) the sentence is in. */
  readonly paragraph: number;
}

/** A named-entity span wink's model recognises (DATE, CARDINAL, MENTION, HASHTAG, ...). */
export interface RecognisedEntity extends TextRange {
  readonly text: string;
  readonly type: string;
}

/** The text, split once and shared by every extraction pass. */
export interface AnalyzedText {
  readonly text: string;
  /** Non-empty lines of the text (a hard-wrapped sentence's lines as one), with their offsets. */
  readonly paragraphs: readonly TextRange[];
  readonly sentences: readonly Sentence[];
  readonly entities: readonly RecognisedEntity[];
}

/** Token offsets of one wink document whose text starts at `base` in the full text. */
function tokensOf(doc: Document, text: string, base: number): Token[] {
  const values = doc.tokens().out(its.value);
  const spaces = doc.tokens().out(its.precedingSpaces);
  const tags = doc.tokens().out(its.pos);
  const tokens: Token[] = [];
  let offset = base;
  values.forEach((value, index) => {
    offset += (spaces[index] ?? "").length;
    const start = text.indexOf(value, offset);
    // wink keeps original values, so indexOf finds the token where the spaces say it is; the
    // guard keeps offsets monotonic should a future model normalise a token.
    const at = start === -1 ? offset : start;
    tokens.push({ start: at, end: at + value.length, text: value, pos: tags[index] ?? "X" });
    offset = at + value.length;
  });
  return tokens;
}

// A line broken inside a sentence by hard-wrapped copy ("detained five suspected\nterrorists"): it
// ends on a lower-case word (a comma may follow; not a name, as a byline's "Harry Kamian\nto the
// Council") and the next line goes on in lower case. Those lines are one paragraph.
const WRAPPED_END = /(?:^|\s)\p{Ll}[\p{L}'’-]*,?$/u;
const WRAPPED_START = /^\p{Ll}/u;

// Print copy wrapped at a fixed width with no blank line between paragraphs ("MR. DOE: The
// President this morning began his day with a call to the" / "Emir of Qatar. ..."): most lines
// run close to the widest, which is a typewriter's width, not a paragraph's. There a line that
// fills the width and ends on no closing punctuation goes on in the next line, whatever its case;
// a line that closes a sentence, or falls well short of the width, ends its paragraph.
const WRAP_WIDTH = { min: 60, max: 110 };
/** Closing punctuation: a line ending so ends its paragraph in wrapped copy. */
const CLOSED_END = /[.?!:;"”’)\]]\s*$/u;
/** A transcript's turn label opens a paragraph of its own ("MR. DOE:", "Q ", "QUESTION:"). */
const TURN_OPENING = /^(?:\p{Lu}[\p{Lu}.'’ -]{0,40}:|Q\.?\s)/u;

// A hard-wrapped line can also go on in a capitalised word: a name or title the wrap split ("elements of the 201st
// Afghan National" / "Army Corps and ... province.", "said" / "Army Maj. Jane Doe, a spokeswoman."). Then the line is
// a long one of running text (not a headline: not the text's first line, not in title case) that stops on a word or
// comma, and the next line is no new sentence: it does not open on a sentence's first word, and it ends one.
const RUNNING_END = /[\p{L}\p{N},]$/u;
const SENTENCE_OPENER = /^(?:The|A|An|In|On|At|During|After|Before|When|While|As|But|And|Or|So|Yet|Meanwhile|Elsewhere|Separately|Also|However|Earlier|Later|Since|He|She|They|It|We|I|You|This|That|These|Those|There|Here|His|Her|Their|Its|Our|One|Two|Three|Some|Many|Most|No|Other|Another|If|Although|Though|Because|For|From|With|By|To|Under|Despite|According)\b/u;
/** A line in title case (three in four of its longer words capitalised): a headline or a heading, not running text. */
const titled = (line: string): boolean => {
  const words = line.split(/\s+/).filter((word) => /^\p{L}{4,}/u.test(word));
  return words.length > 0 && words.filter((word) => /^\p{Lu}/u.test(word)).length * 4 > words.length * 3;
};
/** Whether `line` goes on in `next` across a capitalised word (see above); `first` tells whether it opens the text. */
function runsOnCapitalised(line: string, next: string, first: boolean): boolean {
  const trimmed = line.trimEnd();
  return !first && trimmed.length >= 40 && RUNNING_END.test(trimmed) && !titled(trimmed) && /^\p{Lu}/u.test(next) && !SENTENCE_OPENER.test(next) && CLOSED_END.test(next);
}

/** Whether a line of copy wrapped at `width` fills it and stops mid-sentence, so it goes on in the next line. */
function runsOn(line: string, width: number): boolean {
  return line.trimEnd().length >= width * 0.75 && !CLOSED_END.test(line);
}

/** The wrap width of copy printed with hard line breaks inside paragraphs, or null. */
function wrapWidth(lines: readonly { text: string; single: boolean }[]): number | null {
  const widest = Math.max(0, ...lines.map((line) => line.text.trimEnd().length));
  if (widest < WRAP_WIDTH.min || widest > WRAP_WIDTH.max) return null;
  // Lines that run on, the next line right under them.
  const filled = lines.filter((line, index) => lines[index + 1]?.single === true && runsOn(line.text, widest)).length;
  return filled >= 3 && filled * 4 >= lines.length ? widest : null;
}

/** The paragraphs of a text: its non-empty lines, a hard-wrapped sentence's lines joined. */
function paragraphsOf(text: string): { line: string; base: number }[] {
  const lines: { text: string; start: number; end: number; single: boolean }[] = [];
  const linePattern = /[^\r\n]+/g;
  for (let match = linePattern.exec(text); match; match = linePattern.exec(text)) {
    if (match[0].trim() === "") continue;
    const previous = lines[lines.length - 1];
    const end = match.index + match[0].length;
    lines.push({ text: match[0], start: match.index, end, single: previous !== undefined && /^\r?\n$/.test(text.slice(previous.end, match.index)) });
  }
  const width = wrapWidth(lines);
  const out: { line: string; base: number }[] = [];
  let open: { base: number; end: number } | null = null;
  lines.forEach((line, index) => {
    const before = lines[index - 1];
    const joined =
      open !== null &&
      before !== undefined &&
      line.single &&
      ((WRAPPED_END.test(text.slice(Math.max(open.base, open.end - 40), open.end)) && WRAPPED_START.test(line.text)) ||
        runsOnCapitalised(before.text, line.text, index === 1) ||
        (width !== null && runsOn(before.text, width) && !TURN_OPENING.test(line.text)));
    if (open && joined) open.end = line.end;
    else {
      if (open) out.push({ line: text.slice(open.base, open.end), base: open.base });
      open = { base: line.start, end: line.end };
    }
  });
  if (open !== null) {
    const last: { base: number; end: number } = open;
    out.push({ line: text.slice(last.base, last.end), base: last.base });
  }
  return out;
}

/** Splits the text into paragraphs (lines), sentences and tokens, and finds wink's entities. */
export function analyzeText(text: string): AnalyzedText {
  const paragraphs: TextRange[] = [];
  const sentences: Sentence[] = [];
  const entities: RecognisedEntity[] = [];
  for (const { line, base } of paragraphsOf(text)) {
    const paragraph = paragraphs.length;
    paragraphs.push({ start: base, end: base + line.length });
    const doc = nlp.readDoc(line);
    const tokens = tokensOf(doc, text, base);
    let previous: Sentence | null = null;
    // Only a line with a letter beyond Latin-1 can hold a word wink split (joinSplitLetters).
    const beyondLatin1 = LETTER_BEYOND_LATIN1.test(line);
    doc.sentences().each((sentence: ItemSentence) => {
      const [first, last] = sentence.out(its.span) as unknown as [number, number];
      const joinedTokens = joinRankAbbreviations(joinDoubledApostrophes(tokens.slice(first, last + 1)));
      const sentenceTokens = beyondLatin1 ? joinSplitLetters(joinedTokens) : joinedTokens;
      const start = sentenceTokens[0]?.start ?? base;
      const end = sentenceTokens[sentenceTokens.length - 1]?.end ?? start;
      if (previous && ((previous.end === start && !gluedStop(previous, sentenceTokens[0])) || endsInRank(previous, sentenceTokens[0]))) {
        // No whitespace between two "sentences" means wink split inside a token-like run
        // (".@handle", "pic.twitter.com/x", "U.S.-led"), and a rank abbreviation before a name
        // ("Rear Adm. Jane Doe") is no full stop: join them back into one sentence.
        const merged: Sentence = {
          start: previous.start,
          end,
          text: text.slice(previous.start, end),
          tokens: [...previous.tokens, ...sentenceTokens],
          paragraph,
        };
        sentences[sentences.length - 1] = merged;
        previous = merged;
        return;
      }
      previous = { start, end, text: text.slice(start, end), tokens: sentenceTokens, paragraph };
      sentences.push(previous);
    });
    doc.entities().each((entity: ItemEntity) => {
      const [first, last] = entity.out(its.span) as unknown as [number, number];
      const start = tokens[first]?.start;
      const end = tokens[last]?.end;
      if (start === undefined || end === undefined) return;
      entities.push({ start, end, text: text.slice(start, end), type: String(entity.out(its.type)) });
    });
  }
  return { text, paragraphs, sentences, entities };
}

/**
 * Abbreviated ranks and titles after which wink ends a sentence although a name follows ("Rear
 * Adm. Jane Doe said"); the ones it reads right ("Gen.", "Lt.", "Mr.", "Dr.") need no entry.
 */
const RANK_ABBREVIATIONS = new Set(["adm.", "cmdr.", "maj.", "rev.", "cpl.", "pvt.", "spc.", "amb.", "supt.", "insp.", "det.", "atty.", "pres.", "gens.", "adms.", "sgts.", "cols.", "brig.", "msgt.", "ssgt.", "cdr.", "lcdr.", "ens.", "pfc.", "sfc.", "wo."]);

/** Whether a sentence ends in a rank abbreviation and the next one opens on a capitalized word: one sentence. */
function endsInRank(previous: Sentence, next: Token | undefined): boolean {
  const last = previous.tokens[previous.tokens.length - 1];
  if (!last || !next || !/^\p{Lu}/u.test(next.text)) return false;
  return RANK_ABBREVIATIONS.has(last.text.toLowerCase());
}

/** wink splits "Adm." into "Adm" and "."; the rank is one token, as "Gen." is. */
function joinRankAbbreviations(tokens: Token[]): Token[] {
  const joined: Token[] = [];
  for (const token of tokens) {
    const previous = joined[joined.length - 1];
    if (previous && token.text === "." && previous.end === token.start && RANK_ABBREVIATIONS.has(`${previous.text.toLowerCase()}.`)) {
      joined[joined.length - 1] = { start: previous.start, end: token.end, text: `${previous.text}.`, pos: "PROPN" };
    } else joined.push(token);
  }
  return joined;
}

const LETTERS = /^\p{L}+$/u;
const BEYOND_LATIN1 = /[^\u0000-\u00ff]/u;
const LETTER_BEYOND_LATIN1 = /(?=[^\u0000-\u00ff])\p{L}/u;

/**
 * wink ends a word at a letter beyond Latin-1 ("Çavuşoğlu" comes out as "Çavu", "ş", "o", "ğ", "lu"),
 * so a name was cut at its first such letter. Letters that touch, one piece holding such a letter,
 * are one word again; it keeps the first piece's tag unless wink gave it none (X).
 */
function joinSplitLetters(tokens: Token[]): Token[] {
  const joined: Token[] = [];
  for (const token of tokens) {
    const previous = joined[joined.length - 1];
    if (previous && previous.end === token.start && LETTERS.test(previous.text) && LETTERS.test(token.text) && (BEYOND_LATIN1.test(previous.text) || BEYOND_LATIN1.test(token.text))) {
      joined[joined.length - 1] = { start: previous.start, end: token.end, text: previous.text + token.text, pos: previous.pos === "X" ? token.pos : previous.pos };
    } else joined.push(token);
  }
  return joined;
}

/**
 * wink splits two apostrophes ('') into two tokens; some newsroom feeds use the pair as a double
 * quotation mark, so it is kept as one token, as a curly mark would be.
 */
function joinDoubledApostrophes(tokens: Token[]): Token[] {
  const joined: Token[] = [];
  for (const token of tokens) {
    const previous = joined[joined.length - 1];
    if (previous && previous.text === "'" && token.text === "'" && previous.end === token.start) {
      joined[joined.length - 1] = { start: previous.start, end: token.end, text: "''", pos: "PUNCT" };
    } else joined.push(token);
  }
  return joined;
}

/**
 * Whether a sentence ends in a full stop glued to a lower-case word and the next opens on a capitalised word ("Five
 * suspects were detained.Coalition forces captured ..."): a boundary the copy lost its space at, not a run like
 * "pic.twitter.com" or "U.S.-led", so wink's split stands.
 */
function gluedStop(previous: Sentence, next: Token | undefined): boolean {
  const stop = previous.tokens[previous.tokens.length - 1];
  const word = previous.tokens[previous.tokens.length - 2];
  return Boolean(stop && word && next && stop.text === "." && word.end === stop.start && /^\p{Ll}{2,}$/u.test(word.text) && /^\p{Lu}\p{Ll}+$/u.test(next.text));
}

/** The tokens of a sentence that fall inside a range. */
export function tokensWithin(sentence: Sentence, range: TextRange): readonly Token[] {
  return sentence.tokens.filter((token) => token.start >= range.start && token.end <= range.end);
}
