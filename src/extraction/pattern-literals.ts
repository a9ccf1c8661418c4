import { type AST, parseRegExpLiteral } from "@eslint-community/regexpp";
import { escapeForRegExp, matchesOf } from "./patterns.js";

// A pattern tried on every sentence costs a match attempt at every position, whether or not the
// sentence holds any of its words; most sentences hold none. The literal strings one of which
// every match must contain, read once from the pattern's syntax tree, let a plain substring search
// (far cheaper than a match attempt per position) rule the pattern out first. The answer is exact
// where it says "cannot match": the literals are necessary, never guessed.

/** Literals (lower-cased) one of which every match contains, or null where the pattern guarantees none. */
type Literals = readonly string[] | null;

/**
 * The patterns of a list that may match a text, found with one scan of the text for all their
 * literals instead of one match attempt per pattern and position. Each literal is replaced by the
 * shortest literal of the list it contains (its "atom"): a text that holds a literal holds its atom,
 * so the answer stays exact where it says "cannot match", and no two atoms start at one position,
 * so a scan that tries every position finds every atom the text holds.
 */
export class PatternPrefilter {
  private readonly atomsOf = new Map<RegExp, readonly string[] | null>();
  private readonly scanner: RegExp | null;

  constructor(patterns: readonly RegExp[]) {
    const literalsOf = new Map(patterns.map((pattern) => [pattern, requiredLiterals(pattern)] as const));
    const all = [...new Set([...literalsOf.values()].flatMap((literals) => literals ?? []))].sort((a, b) => a.length - b.length);
    const atoms: string[] = [];
    for (const literal of all) if (!atoms.some((atom) => literal.includes(atom))) atoms.push(literal);
    const atomOf = (literal: string): string => atoms.find((atom) => literal.includes(atom)) ?? literal;
    for (const [pattern, literals] of literalsOf) this.atomsOf.set(pattern, literals === null ? null : [...new Set(literals.map(atomOf))]);
    this.scanner = atoms.length ? new RegExp(`(?=(${atoms.map((atom) => escapeForRegExp(atom)).join("|")}))`, "g") : null;
  }

  /** A test of whether each pattern of the list may match the text: false only where it cannot. */
  possible(text: string): (pattern: RegExp) => boolean {
    const present = new Set<string>();
    if (this.scanner !== null) for (const match of matchesOf(this.scanner, foldForLiterals(text))) present.add(match[1] as string);
    return (pattern) => {
      const atoms = this.atomsOf.get(pattern);
      if (atoms === undefined) throw new Error(`PatternPrefilter.possible: /${pattern.source.slice(0, 40)}/ is not one of the patterns it was built for`);
      return atoms === null || atoms.some((atom) => present.has(atom));
    };
  }
}

/** The text literals are looked for in: lower-cased, and "ſ" (which a case-insensitive Unicode pattern matches as "s") written as "s". */
function foldForLiterals(text: string): string {
  return text.toLowerCase().replace(/ſ/g, "s");
}

/** The literals one of which every match of the pattern contains, lower-cased; null where none is certain. */
export function requiredLiterals(pattern: RegExp): Literals {
  return ofAlternatives(parseRegExpLiteral(pattern).pattern);
}

/** A disjunction: a match is one of its alternatives', so it contains a literal of one of them. */
function ofAlternatives(node: AST.Pattern | AST.Group | AST.CapturingGroup): Literals {
  if (node.type === "Group" && node.modifiers !== null) return null;
  const union = new Set<string>();
  for (const alternative of node.alternatives) {
    const literals = ofSequence(alternative);
    if (literals === null) return null;
    for (const literal of literals) union.add(literal);
  }
  return [...union];
}

/**
 * A sequence: every element is matched, so any one element's literals will do, and so will a run
 * of single characters matched side by side (assertions match no characters and do not break a
 * run). The most selective candidate is kept: the one whose shortest literal is longest.
 */
function ofSequence(alternative: AST.Alternative): Literals {
  const candidates: string[][] = [];
  let run = "";
  const endRun = (): void => {
    if (run) candidates.push([run]);
    run = "";
  };
  for (const element of alternative.elements) {
    const single = singleCharacter(element);
    if (single !== null) {
      run += single;
      continue;
    }
    if (element.type === "Assertion") continue;
    endRun();
    const literals = ofElement(element);
    if (literals !== null && literals.length > 0) candidates.push([...literals]);
  }
  endRun();
  const shortest = (literals: readonly string[]): number => Math.min(...literals.map((literal) => literal.length));
  candidates.sort((a, b) => shortest(b) - shortest(a) || a.length - b.length);
  return candidates[0] ?? null;
}

/** The lower-cased character an element always matches: a literal character, or a class of one letter's cases ("[Ii]"). */
function singleCharacter(element: AST.Element): string | null {
  if (element.type === "Character") return String.fromCodePoint(element.value).toLowerCase();
  if (element.type !== "CharacterClass" || element.negate || element.elements.length === 0) return null;
  const folded = new Set<string>();
  for (const member of element.elements) {
    if (member.type !== "Character") return null;
    folded.add(String.fromCodePoint(member.value).toLowerCase());
  }
  return folded.size === 1 ? ([...folded][0] as string) : null;
}

function ofElement(element: AST.Element): Literals {
  switch (element.type) {
    case "Group":
    case "CapturingGroup":
      return ofAlternatives(element);
    case "Quantifier":
      // Matched at least once, its literals are the match's; an optional element promises nothing.
      return element.min >= 1 ? ofElement(element.element) : null;
    default:
      return null;
  }
}
