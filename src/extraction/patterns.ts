// String and pattern helpers the extractor's hot loops share, kept apart from text.ts so that the
// gazetteer and the geocoder use them without loading wink's model. Extraction's speed bar
// (issue 17, bench/extract.ts) rests on them: see tests/unit/extraction/speed-rules.test.ts.

/** A string to match literally inside a regular expression. */
export function escapeForRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A word or name without its accents ("Calderón" -> "Calderon", "Mocímboa" -> "Mocimboa"); plain ASCII is returned as is, without the cost of decomposing it. */
export function foldAccents(value: string): string {
  return /^[\x20-\x7e]*$/.test(value) ? value : value.normalize("NFD").replace(/\p{M}/gu, "");
}

/** One letter, of any script: what a name must not touch to stand as a word (`wordOffsets`). */
export const LETTER = /\p{L}/u;

/**
 * Where a literal stands as a word: the offsets, from `from` up to `to` (exclusive), where it occurs
 * with no character that `notBefore` matches right before it and none that `notAfter` matches
 * right after (one-character patterns with the u flag, tested on one code point). The offsets are
 * those `matchAll` gives for "(?<!notBefore)literal(?!notAfter)" (an occurrence found is skipped
 * whole), found with a plain string search: a pattern that opens with a lookbehind is tried at every
 * position, and a pattern built for one name runs once, before V8 compiles it.
 */
export function wordOffsets(text: string, literal: string, notBefore: RegExp, notAfter: RegExp, from = 0, to = text.length): number[] {
  const found: number[] = [];
  if (literal === "") return found; // an empty name names no one
  for (let at = text.indexOf(literal, from); at >= 0 && at < to; ) {
    const standsAlone = !notBefore.test(codePointBefore(text, at)) && !notAfter.test(codePointFrom(text, at + literal.length));
    if (standsAlone) found.push(at);
    at = text.indexOf(literal, standsAlone ? at + literal.length : at + 1);
  }
  return found;
}

/** The code point that ends right before an offset ("" at the start). */
function codePointBefore(text: string, at: number): string {
  if (at <= 0) return "";
  const low = text.charCodeAt(at - 1);
  const pair = low >= 0xdc00 && low <= 0xdfff && at >= 2 && text.charCodeAt(at - 2) >= 0xd800 && text.charCodeAt(at - 2) <= 0xdbff;
  return text.slice(pair ? at - 2 : at - 1, at);
}

/** The code point that starts at an offset ("" at the end). */
function codePointFrom(text: string, at: number): string {
  const point = text.codePointAt(at);
  return point === undefined ? "" : String.fromCodePoint(point);
}

/**
 * Every match of a global pattern in a text, the ones `text.matchAll(pattern)` gives, without the
 * copy of the pattern that `matchAll` makes on each call: a loop that runs dozens of patterns over
 * every sentence spends more on those copies than on matching. The pattern's `lastIndex` is left at 0.
 */
export function matchesOf(pattern: RegExp, text: string): RegExpExecArray[] {
  if (!pattern.global) throw new TypeError(`matchesOf needs a global pattern (flag g): /${pattern.source.slice(0, 40)}/${pattern.flags}`);
  const found: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    found.push(match);
    // An empty match moves on by one character (a whole code point under the u flag), as matchAll does.
    if (match[0] === "") pattern.lastIndex += pattern.unicode && (text.codePointAt(pattern.lastIndex) ?? 0) > 0xffff ? 2 : 1;
  }
  pattern.lastIndex = 0;
  return found;
}

/**
 * The matches, as `[offset, literal]`, that `matchesOf` gives for the global unicode pattern
 * "(?<!edge)(?:literals, longest first)(?!edge)" (`edge` a one-character pattern with the u flag,
 * tested on one code point; no literal empty), found with plain string searches: a pattern built
 * for one story's names is compiled anew for each story, which costs more than matching them.
 */
export function literalMatches(text: string, literals: Iterable<string>, edge: RegExp): [number, string][] {
  const candidates: [number, string][] = [];
  for (const literal of literals) {
    if (literal === "") throw new TypeError("literalMatches: an empty literal");
    const lone = literal.charCodeAt(0) >= 0xdc00 && literal.charCodeAt(0) <= 0xdfff;
    for (let at = text.indexOf(literal); at >= 0; at = text.indexOf(literal, at + 1)) {
      // (Under the u flag no match starts inside a surrogate pair.)
      if (lone && at > 0 && text.charCodeAt(at - 1) >= 0xd800 && text.charCodeAt(at - 1) <= 0xdbff) continue;
      if (!edge.test(codePointBefore(text, at)) && !edge.test(codePointFrom(text, at + literal.length))) candidates.push([at, literal]);
    }
  }
  // At each offset the longest literal wins, and the search goes on after it.
  candidates.sort((a, b) => a[0] - b[0] || b[1].length - a[1].length);
  const found: [number, string][] = [];
  let next = 0;
  for (const candidate of candidates) {
    if (candidate[0] < next) continue;
    found.push(candidate);
    next = candidate[0] + candidate[1].length;
  }
  return found;
}

/**
 * The run of code points at the end of a text that each match a one-character pattern (u flag), what
 * `new RegExp(`${char}+$`, "u").exec(text)?.[0] ?? ""` gives, read backwards from the end: a pattern
 * anchored at the end is otherwise tried from every position of the text.
 */
export function trailingRun(text: string, char: RegExp): string {
  let at = text.length;
  for (let point = codePointBefore(text, at); point !== "" && char.test(point); point = codePointBefore(text, at)) at -= point.length;
  return text.slice(at);
}
