import type { AnalyzedText } from "../text.js";
import type { TextRange } from "../types.js";

// Briefing transcripts: every turn starts with the speaker's label in capitals ("MS. NAUERT:",
// "QUESTION:", "Q:", "SENIOR DEFENSE OFFICIAL:") and runs over the paragraphs after it until
// the next label. Each paragraph of a turn is its own quote (medium briefing): a named
// speaker's are theirs; a reporter's question is an unnamed source's ("a reporter") and never
// the spokesperson's; a moderator's or an unnamed official's are theirs, described by the label.

/** Who speaks in a turn: a named person (by surname), or an unnamed source described by the label. */
export type TurnSpeaker =
  | { readonly kind: "named"; readonly surname: string; readonly gender: "male" | "female" | null }
  | { readonly kind: "unnamed"; readonly description: string; readonly isQuestion: boolean };

/** One paragraph of a transcript turn. */
export interface BriefingTurn {
  /** The paragraph (label included on a turn's first paragraph). */
  readonly line: TextRange;
  readonly label: string;
  /** The paragraph that carries the label (the same as `line` on a turn's first paragraph). */
  readonly labelLine: TextRange;
  /** The words of this paragraph after the label, if any. */
  readonly quote: TextRange;
  /** True for reporters' questions: quotes of "a reporter", never of the spokesperson. */
  readonly isQuestion: boolean;
  readonly speaker: TurnSpeaker;
}

const LABEL = /^((?:\p{Lu}[\p{Lu}'’-]*\.?)(?: \p{Lu}[\p{Lu}'’-]*\.?){0,4}):\s+/u;
const QUESTION_LABELS = /^(QUESTION|Q|QUESTIONER|REPORTER|AUDIENCE MEMBER|PARTICIPANT)$/;
/** Labels of people who run the briefing or speak without a name ("SENIOR DEFENSE OFFICIAL", "STAFF"). */
const UNNAMED_HEADS = /(?:^|\s)(MODERATOR|OPERATOR|OFFICIAL|OFFICIALS|STAFF|SPOKESPERSON|SPOKESMAN|SPOKESWOMAN|ANNOUNCER|NARRATOR|INTERPRETER)(?:\s+(?:ONE|TWO|THREE|\d+))?$/;
const HONORIFICS: ReadonlyMap<string, "male" | "female" | null> = new Map([["MR", "male"], ["MS", "female"], ["MRS", "female"]]);
/** Lines that close a transcript ("END 2:30 P.M. EST", "###", "# # #"). */
const TRANSCRIPT_END = /^(END\b|#\s*#\s*#|\*\s*\*\s*\*|\(END\)|—\s*END)/;

/** "JEAN-PIERRE" -> "Jean-Pierre", "O'SHAUGHNESSY" -> "O'Shaughnessy". */
function titleCase(word: string): string {
  return word.toLowerCase().replace(/(^|[-'’])(\p{L})/gu, (_match, before: string, letter: string) => before + letter.toUpperCase());
}

/** Who a label names. */
function speakerOfLabel(label: string): TurnSpeaker {
  const bare = label.replace(/\.$/, "");
  if (QUESTION_LABELS.test(bare)) return { kind: "unnamed", description: "a reporter", isQuestion: true };
  if (UNNAMED_HEADS.test(bare)) return { kind: "unnamed", description: `the ${bare.toLowerCase()}`, isQuestion: false };
  const words = label.split(" ").map((word) => word.replace(/\.$/, ""));
  const honorific = words.length > 1 ? (words[0] ?? "") : "";
  return { kind: "named", surname: titleCase(words[words.length - 1] ?? ""), gender: HONORIFICS.get(honorific) ?? null };
}

/**
 * The transcript turns of a text, one per paragraph; empty unless at least two paragraphs carry
 * speaker labels. Paragraphs after a label belong to its turn until the next label or the end
 * of the transcript.
 */
export function findBriefingTurns(analyzed: AnalyzedText): BriefingTurn[] {
  const { text } = analyzed;
  const turns: BriefingTurn[] = [];
  let labelled = 0;
  let current: { label: string; labelLine: TextRange; speaker: TurnSpeaker } | null = null;
  for (const paragraph of analyzed.paragraphs) {
    const line = text.slice(paragraph.start, paragraph.end);
    const match = LABEL.exec(line);
    const rest = match ? line.slice(match[0].length).trimEnd() : "";
    if (match && rest !== "") {
      const label = match[1] ?? "";
      current = { label, labelLine: paragraph, speaker: speakerOfLabel(label) };
      labelled += 1;
      const start = paragraph.start + match[0].length;
      turns.push({ line: paragraph, label, labelLine: paragraph, quote: { start, end: start + rest.length }, isQuestion: current.speaker.kind === "unnamed" && current.speaker.isQuestion, speaker: current.speaker });
      continue;
    }
    if (!current) continue;
    const trimmed = line.trim();
    if (TRANSCRIPT_END.test(trimmed)) {
      current = null;
      continue;
    }
    // A stage note ("(Laughter.)", "(The briefing was concluded at 2:41 p.m.)") is nobody's words.
    if (trimmed === "" || /^\(.*\)$/.test(trimmed)) {
      if (/concluded|ended|adjourned/i.test(trimmed)) current = null;
      continue;
    }
    const lead = line.length - line.trimStart().length;
    const start = paragraph.start + lead;
    turns.push({ line: paragraph, label: current.label, labelLine: current.labelLine, quote: { start, end: start + trimmed.length }, isQuestion: current.speaker.kind === "unnamed" && current.speaker.isQuestion, speaker: current.speaker });
  }
  // One "NOTE:" line in a story is not a transcript; one "MR. KIRBY:" line is (remarks alone).
  const honorificLabel = turns.some((turn) => /^(MR|MS|MRS|DR|SEC|SECRETARY|GENERAL|GEN|ADMIRAL|ADM|AMBASSADOR)\.? /.test(turn.label));
  return labelled >= 2 || honorificLabel ? turns : [];
}
