import type { AnalyzedText } from "../text.js";
import type { TextRange } from "../types.js";

// Briefing transcripts: every turn starts with the speaker's label in capitals ("MS. NAUERT:",
// "QUESTION:", "Q:"). A turn of a named speaker is a direct quote of them (medium briefing);
// reporters' questions are not quotes of a source.

/** One labelled turn of a transcript. */
export interface BriefingTurn {
  /** The whole line, label included. */
  readonly line: TextRange;
  readonly label: string;
  /** The words after the label. */
  readonly quote: TextRange;
  /** True for reporters' and moderators' turns, which are not quotes of a source. */
  readonly isQuestion: boolean;
  /** The surname in the label ("Nauert" of "MS. NAUERT"), title-cased, or null. */
  readonly surname: string | null;
  readonly gender: "male" | "female" | null;
}

const LABEL = /^((?:\p{Lu}[\p{Lu}'’-]*\.?)(?: \p{Lu}[\p{Lu}'’-]*\.?){0,3}):\s+/u;
const QUESTION_LABELS = /^(QUESTION|Q|QUESTIONER|REPORTER|PARTICIPANT|MODERATOR|OPERATOR|AUDIENCE MEMBER)$/;
const HONORIFICS: ReadonlyMap<string, "male" | "female" | null> = new Map([
  ["MR", "male"], ["MS", "female"], ["MRS", "female"], ["DR", null], ["SECRETARY", null], ["AMBASSADOR", null], ["GENERAL", null],
]);

/** The transcript turns of a text; empty unless at least two lines carry speaker labels. */
export function findBriefingTurns(analyzed: AnalyzedText): BriefingTurn[] {
  const { text } = analyzed;
  const turns: BriefingTurn[] = [];
  for (const paragraph of analyzed.paragraphs) {
    const line = text.slice(paragraph.start, paragraph.end);
    const match = LABEL.exec(line);
    if (!match) continue;
    const label = match[1] ?? "";
    const rest = line.slice(match[0].length).trimEnd();
    if (rest === "") continue;
    const words = label.split(" ").map((word) => word.replace(/\.$/, ""));
    const isQuestion = QUESTION_LABELS.test(label.replace(/\.$/, ""));
    const honorific = words.length > 1 ? words[0] ?? "" : "";
    const last = words[words.length - 1] ?? "";
    const surname = isQuestion ? null : last.charAt(0) + last.slice(1).toLowerCase();
    turns.push({
      line: paragraph,
      label,
      quote: { start: paragraph.start + match[0].length, end: paragraph.start + match[0].length + rest.length },
      isQuestion,
      surname,
      gender: HONORIFICS.get(honorific) ?? null,
    });
  }
  // One "NOTE:" line in a story is not a transcript.
  return turns.length >= 2 ? turns : [];
}
