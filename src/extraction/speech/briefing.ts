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

// A label in capitals, up to eight words ("SECRETARY OF DEFENSE DR. MARK T. ESPER"), optionally
// with an affiliation after a comma ("JOHN DOE, NATIONAL SECURITY COUNCIL").
const LABEL = /^((?:\p{Lu}[\p{Lu}'’-]*\.?)(?: \p{Lu}[\p{Lu}'’-]*\.?){0,7})(?:, \p{Lu}[\p{Lu}'’.-]*(?: \p{Lu}[\p{Lu}'’.-]*){0,5})?:\s+/u;
// Hearing records print the label in mixed case and close it with a full stop: "Chairman Doe.",
// "Mr. Doe.", "Ms. Roe of Ohio.", "Secretary Doe." (only read when two paragraphs open so).
const HEARING_LABEL = /^((?:Mr|Mrs|Ms|Dr|Chairman|Chairwoman|Chair|Senator|Sen|Representative|Rep|Secretary|General|Gen|Admiral|Adm|Ambassador|Director|Administrator|Commissioner|Judge|Governor|Mayor)\.? \p{Lu}[\p{L}'’-]+(?: of \p{Lu}[\p{L}]+(?: \p{Lu}[\p{L}]+)?)?)\.\s+(?=\p{Lu}|[“"‘'(])/u;
/** Words after a surname in a label: "LLOYD J. AUSTIN III", "KENNETH F. MCKENZIE JR.". */
const NAME_SUFFIXES = /^(JR|SR|II|III|IV)$/;
/** Label words that are titles: a label opening with one names a person by office ("CHAIRMAN DOE:"), so one such turn is a transcript. */
const TITLE_LABEL = /^(MR|MS|MRS|DR|SEC|SECRETARY|UNDER|DEPUTY|ASSISTANT|GENERAL|GEN|LIEUTENANT|LT|COLONEL|COL|MAJOR|MAJ|CAPTAIN|CAPT|ADMIRAL|ADM|REAR|VICE|AMBASSADOR|CHAIRMAN|CHAIRWOMAN|CHAIR|SENATOR|SEN|REPRESENTATIVE|REP|CONGRESSMAN|CONGRESSWOMAN|PRESIDENT|GOVERNOR|GOV|MAYOR|DIRECTOR|ADMINISTRATOR|COMMISSIONER|SPEAKER|LEADER|JUDGE|JUSTICE|ATTORNEY|PRIME|FOREIGN|MINISTER|PROFESSOR|PROF)\.?$/;
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
  // "Ms. Roe of Ohio" names Roe; "LLOYD J. AUSTIN III" names Austin.
  const words = label.replace(/ of .*$/, "").split(" ").map((word) => word.replace(/\.$/, ""));
  while (words.length > 1 && NAME_SUFFIXES.test((words[words.length - 1] ?? "").toUpperCase())) words.pop();
  const honorific = words.length > 1 ? (words[0] ?? "").toUpperCase() : "";
  return { kind: "named", surname: titleCase(words[words.length - 1] ?? ""), gender: HONORIFICS.get(honorific) ?? null };
}

/** The label a paragraph opens with, and where its words start; hearing labels only when `hearing`. */
function labelOf(line: string, hearing: boolean): { label: string; length: number } | null {
  const match = LABEL.exec(line) ?? (hearing ? HEARING_LABEL.exec(line) : null);
  return match ? { label: match[1] ?? "", length: match[0].length } : null;
}

/**
 * Whether a transcript with a single labelled turn is one: its label names someone by office
 * ("CHAIRMAN DOE:", "SECRETARY OF DEFENSE JANE DOE:"), or names a person the header before it
 * names ("JANE DOE:" under "Press Briefing by Spokesperson Jane Q. Doe"). One "NOTE:" line is not.
 */
function singleTurnIsTranscript(label: string, header: string): boolean {
  const words = label.split(" ");
  if (words.length < 2) return false;
  if (TITLE_LABEL.test(words[0] ?? "")) return true;
  const names = [words[0] ?? "", words[words.length - 1] ?? ""].map((word) => titleCase(word.replace(/\.$/, "")));
  return names.every((name) => new RegExp(`(?:^|[^\\p{L}])${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}])`, "u").test(header));
}

/**
 * The transcript turns of a text, one per paragraph; empty unless at least two paragraphs carry
 * speaker labels. Paragraphs after a label belong to its turn until the next label or the end
 * of the transcript.
 */
export function findBriefingTurns(analyzed: AnalyzedText): BriefingTurn[] {
  const { text } = analyzed;
  // Mixed-case hearing labels ("Chairman Doe.") count only when at least two paragraphs open so.
  const hearing = analyzed.paragraphs.filter((paragraph) => HEARING_LABEL.test(text.slice(paragraph.start, paragraph.end))).length >= 2;
  const turns: BriefingTurn[] = [];
  let labelled = 0;
  let firstLabel: { label: string; at: number } | null = null;
  let current: { label: string; labelLine: TextRange; speaker: TurnSpeaker } | null = null;
  for (const paragraph of analyzed.paragraphs) {
    const line = text.slice(paragraph.start, paragraph.end);
    const match = labelOf(line, hearing);
    const rest = match ? line.slice(match.length).trimEnd() : "";
    if (match && rest !== "") {
      const { label } = match;
      current = { label, labelLine: paragraph, speaker: speakerOfLabel(label) };
      labelled += 1;
      firstLabel ??= { label, at: paragraph.start };
      const start = paragraph.start + match.length;
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
  if (labelled >= 2) return turns;
  return firstLabel && singleTurnIsTranscript(firstLabel.label.toUpperCase(), text.slice(0, firstLabel.at)) ? turns : [];
}
