import { type AnalyzedText } from "../text.js";
import { escapeForRegExp, matchesOf } from "../patterns.js";
import type { TextRange } from "../types.js";
import { lookupPlace } from "../events/gazetteer.js";
import { FEMALE_GIVEN_NAMES, KNOWN_ORGANIZATIONS, MALE_GIVEN_NAMES } from "./lexicon.js";
import { isNameWord } from "./phrases.js";

// Briefing transcripts: every turn starts with the speaker's label in capitals ("MS. NAUERT:",
// "QUESTION:", "Q:", "SENIOR DEFENSE OFFICIAL:") and runs over the paragraphs after it until
// the next label. Each paragraph of a turn is its own quote (medium briefing): a named
// speaker's are theirs; a reporter's question is an unnamed source's ("a reporter") and never
// the spokesperson's; a moderator's or an unnamed official's are theirs, described by the label.

/** Who speaks in a turn: a named person (by surname), or an unnamed source described by the label. */
export type TurnSpeaker =
  | {
      readonly kind: "named";
      /** A surname from a label, or the name a reporter is called on or introduces themselves by. */
      readonly surname: string;
      readonly gender: "male" | "female" | null;
      /** The whole name a label prints ("JESSICA DOE" -> "Jessica Doe"), when it has no title. */
      readonly fullName?: string;
      /** Where the name is written when it is not in the label (a reporter called on by name). */
      readonly nameAt?: TextRange;
    }
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
  /**
   * True for a broadcast script's actuality (the speaker's recorded words between "/// DOE ACT ///"
   * and "/// END ACT ///"): a direct quote, but spoken on tape, not at a briefing (medium "other").
   */
  readonly recorded?: boolean;
  /**
   * A briefing question's reporter whom only the answer addresses ("Thank you, Helen."): a person
   * of the story, though the question stays "a reporter" (the keys' convention from batch 20 on).
   */
  readonly addressed?: { readonly name: string; readonly at: TextRange };
}

// A label in capitals, up to eleven words ("SECRETARY OF DEFENSE DR. MARK T. ESPER"; an office's
// long title before the name: "ASSISTANT TO THE SECRETARY OF DEFENSE JANE Q. DOE"), optionally
// with an affiliation after a comma ("JOHN DOE, NATIONAL SECURITY COUNCIL").
// A surname in capitals may keep its "Mc"/"Mac" in mixed case ("MR. McCLELLAN:").
// A reporter's label may name the outlet or the reporter in brackets ("QUESTION (Reuters):",
// "QUESTION (Jane Doe, Harbor Radio):").
const LABEL = /^((?:(?:Ma?c)?\p{Lu}[\p{Lu}'’-]*\.?)(?: (?:Ma?c)?\p{Lu}[\p{Lu}'’-]*\.?){0,10})(?:, \p{Lu}[\p{Lu}'’.-]*(?: \p{Lu}[\p{Lu}'’.-]*){0,5})?(?: \(([^()]{1,60})\))?:\s+/u;
// Hearing records print the label in mixed case and close it with a full stop: "Chairman Doe.",
// "Mr. Doe.", "Ms. Roe of Ohio.", "Secretary Doe." (only read when two paragraphs open so).
const HEARING_LABEL = /^((?:Mr|Mrs|Ms|Dr|Chairman|Chairwoman|Chair|Senator|Sen|Representative|Rep|Secretary|General|Gen|Admiral|Adm|Ambassador|Director|Administrator|Commissioner|Judge|Governor|Mayor)\.? \p{Lu}[\p{L}'’-]+(?: of \p{Lu}[\p{L}]+(?: \p{Lu}[\p{L}]+)?)?)\.\s+(?=\p{Lu}|[“"‘'(])/u;
/**
 * Transcripts printed in mixed case label turns with a title and a surname and a colon ("Ms. Roe:",
 * "Secretary Doe:") and the reporters' turns "Question:" (only read when two paragraphs open so).
 */
const TITLED_COLON_LABEL = /^((?:Mr|Mrs|Ms|Dr|Secretary|Ambassador|General|Gen|Admiral|Adm|Senator|Sen|Governor|Gov|President|Minister|Director|Spokesperson|Spokesman|Spokeswoman|Chairman|Chairwoman|Chair)\.? \p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+)?|Question|Questioner|Reporter|Moderator|Operator):\s+(?=\S)/u;
/**
 * A label on a line of its own, the name in capitals and an affiliation in any case after a comma
 * ("JANE DOE, Harbor Radio Editor:"): the turn's words start on the next paragraph.
 */
const ALONE_LABEL = /^((?:\p{Lu}[\p{Lu}'’-]*\.?)(?: \p{Lu}[\p{Lu}'’-]*\.?){0,5})(,\s*[^:]{2,80})?:\s*$/u;
/** An interview's mixed-case label: a surname the story named before with a given name ("Doe: ..."). */
/** A header that calls the text a transcript or a briefing ("News Transcript", "DoD News Briefing", "Presenter:"). */
const TRANSCRIPT_HEADER = /\b(?:transcript|briefing|press conference|presenters?:)/i;
const MIXED_LABEL = /^(\p{Lu}[\p{Ll}'’-]+(?: \p{Lu}[\p{Ll}'’-]+){0,2}):\s+(?=\S)/u;
/** White House transcripts set a reporter's turn off with "Q" and spaces, no colon. */
const BARE_QUESTION = /^Q\.?(?: {2,}|\t| (?=\p{Lu}|[“"‘'(]))/u;
/** Words after a surname in a label: "LLOYD J. AUSTIN III", "KENNETH F. MCKENZIE JR.". */
const NAME_SUFFIXES = /^(JR|SR|II|III|IV)$/;
/** Label words that are titles: a label opening with one names a person by office ("CHAIRMAN DOE:"), so one such turn is a transcript. */
const TITLE_LABEL = /^(MR|MS|MRS|DR|SEC|SECRETARY|UNDER|DEPUTY|ASSISTANT|GENERAL|GEN|LIEUTENANT|LT|COLONEL|COL|MAJOR|MAJ|CAPTAIN|CAPT|ADMIRAL|ADM|REAR|VICE|AMBASSADOR|CHAIRMAN|CHAIRWOMAN|CHAIR|SENATOR|SEN|REPRESENTATIVE|REP|CONGRESSMAN|CONGRESSWOMAN|PRESIDENT|GOVERNOR|GOV|MAYOR|DIRECTOR|ADMINISTRATOR|COMMISSIONER|SPEAKER|LEADER|JUDGE|JUSTICE|ATTORNEY|PRIME|FOREIGN|MINISTER|PROFESSOR|PROF)\.?$/;
const QUESTION_LABELS = /^(QUESTION|Q|QUESTIONER|REPORTER|AUDIENCE MEMBER|PARTICIPANT)$/;
/** Labels of people who run the briefing or speak without a name ("SENIOR DEFENSE OFFICIAL", "STAFF"). */
// "MODERATOR IN DC", "OPERATOR AT THE EMBASSY": a place after the role still leaves the speaker unnamed.
const UNNAMED_HEADS = /(?:^|\s)(MODERATOR|OPERATOR|OFFICIAL|OFFICIALS|STAFF|SPOKESPERSON|SPOKESMAN|SPOKESWOMAN|ANNOUNCER|NARRATOR|INTERPRETER)(?:\s+(?:ONE|TWO|THREE|\d+))?(?:\s+(?:IN|AT|FROM)\s+[A-Z][A-Z. ]*)?$/;
const SURNAME_PARTICLES = /^(DI|DE|DA|DEL|DELLA|DOS|DU|LA|LE|VAN|VON|DER|DEN|TER|BIN|IBN|AL|EL|ST)$/;
const HONORIFICS: ReadonlyMap<string, "male" | "female" | null> = new Map([["MR", "male"], ["MS", "female"], ["MRS", "female"]]);
/** Labels of a transcript's header fields: the words after them are no one's turn. */
// Broadcast scripts (a wire service's correspondent reports) open with the same kind of fields in
// capitals ("SLUG: 2-123 Place / Story", "VOICED AT:", "BYLINE=...") and set the story's parts off
// with "INTRO:", "TEXT:", "TAG:": none of them is a speaker, and the paragraphs under "TEXT:" are the
// correspondent's narration, not a turn (read as such they made every paragraph a direct quote).
const HEADER_FIELDS = /^(?:BRIEFERS?|PARTICIPANTS|PRESENT|PANELISTS|SUBJECT|TOPIC|LOCATION|PLACE|DATE|TIME|SOURCE|RELEASE|EMBARGO|NOTE|SLUG|INTRO|TEXT|TAG|OUTRO|BYLINE|DATELINE|CONTENT|TYPE|NUMBER|NOTE NUMBER|TITLE|HEADLINE|VOICED AT|KEYWORDS|CATEGORY|EDITOR|EDITOR'S NOTE|LENGTH|FILED)$/;
/**
 * A broadcast script's actuality: "/// DOE ACT ///" (also "ACTUALITY", "SOT", "BITE") opens the
 * recorded words of the person by that surname, printed without quotation marks; "/// END ACT ///"
 * closes them.
 */
const ACTUALITY_OPEN = /^\/{2,}\s*((?:Ma?c)?\p{Lu}[\p{Lu}'’-]+(?: (?:Ma?c)?\p{Lu}[\p{Lu}'’-]+){0,3})\s+(?:ACT|ACTUALITY|SOT|BITE)\s*\/{2,}$/u;
const ACTUALITY_END = /^\/{2,}\s*END\s+(?:OF\s+)?(?:ACT|ACTUALITY|SOT|BITE)S?\s*\/{2,}$/;
/** A line that is only a time of day ("1:15 p.m. EST", "4:34 P.M. EDT"). */
const TIME_STAMP = /^\d{1,2}(?::\d{2})?\s*[ap]\.?\s?m\.?(?:\s+\p{Lu}{2,4})?$/iu;
/**
 * Lines that close a transcript ("END 2:30 P.M. EST", "###", "# # #"), and a release's foot
 * under it: its number ("2007/1168") and date ("Released on December 28, 2007").
 */
const TRANSCRIPT_END = /^(END\b|#\s*#\s*#|\*\s*\*\s*\*|\(END\)|—\s*END|\d{4}\/\d{2,5}$|Released on \p{Lu})/u;

/** "JEAN-PIERRE" -> "Jean-Pierre", "O'SHAUGHNESSY" -> "O'Shaughnessy". */
export function titleCase(word: string): string {
  // "McCLELLAN" -> "McClellan": a prefix printed in mixed case keeps its capital after it.
  const prefix = /^(Ma?c)(?=\p{Lu}{2})/u.exec(word)?.[1];
  if (prefix) return prefix + titleCase(word.slice(prefix.length));
  // "MCCURRY" -> "McCurry": a surname in capitals opening "MC" keeps the prefix's spelling ("Mac" is
  // left alone: "MACK", "MACHADO" are no prefixed names).
  if (/^MC\p{Lu}{2}/u.test(word)) return `Mc${titleCase(word.slice(2))}`;
  return word.toLowerCase().replace(/(^|[-'’])(\p{L})/gu, (_match, before: string, letter: string) => before + letter.toUpperCase());
}

/** Whether a word in capitals is a title a label may open with ("SECRETARY", "MR."). */
export function isTitleLabel(word: string): boolean {
  return TITLE_LABEL.test(word);
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
  // "MR. DI RITA", "MS. VAN DER BERG": particles before the last word belong to the surname.
  let first = words.length - 1;
  while (first > 1 && SURNAME_PARTICLES.test(words[first - 1] ?? "")) first -= 1;
  const surname = words.slice(first).map(titleCase).join(" ");
  // "JESSICA DOE" names Jessica Doe; "MR. DOE" and "SECRETARY DOE" only Doe.
  const plain = words.length >= 2 && words.length <= 4 && !TITLE_LABEL.test((words[0] ?? "").toUpperCase()) && words.every((word) => /^\p{Lu}/u.test(word));
  const fullName = plain ? words.map(titleCase).join(" ") : undefined;
  return { kind: "named", surname, gender: HONORIFICS.get(honorific) ?? null, ...(fullName && fullName !== surname ? { fullName } : {}) };
}

/** The label a paragraph opens with, and where its words start; hearing labels only when `hearing`. */
function labelOf(line: string, hearing: boolean, titledColons: boolean, namedBefore: (surname: string) => boolean): { label: string; length: number; bare: boolean; bracket?: string } | null {
  const caps = LABEL.exec(line);
  if (caps) return { label: caps[1] ?? "", length: caps[0].length, bare: false, ...(caps[2] ? { bracket: caps[2] } : {}) };
  const match = hearing ? HEARING_LABEL.exec(line) : null;
  if (match) return { label: match[1] ?? "", length: match[0].length, bare: false };
  const titled = titledColons ? TITLED_COLON_LABEL.exec(line) : null;
  // "Question:" reads as the capitals' "QUESTION:"; "Ms. Roe:" keeps its case for the surname.
  if (titled?.[1]) return { label: titled[1].includes(" ") ? titled[1] : titled[1].toUpperCase(), length: titled[0].length, bare: false };
  const mixed = MIXED_LABEL.exec(line);
  if (mixed?.[1] && !/^(?:The|A|An)\s/.test(mixed[1]) && namedBefore(mixed[1].split(" ").pop() ?? "")) return { label: mixed[1], length: mixed[0].length, bare: false };
  const question = BARE_QUESTION.exec(line);
  return question ? { label: "Q", length: question[0].length, bare: true } : null;
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
  return names.every((name) => new RegExp(`(?:^|[^\\p{L}])${escapeForRegExp(name)}(?![\\p{L}])`, "u").test(header));
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
  // Mixed-case titled labels count only when two paragraphs open with one that names a person.
  const titledColons = analyzed.paragraphs.filter((paragraph) => TITLED_COLON_LABEL.exec(text.slice(paragraph.start, paragraph.end))?.[1]?.includes(" ")).length >= 2;
  const turns: BriefingTurn[] = [];
  let labelled = 0;
  // A bare "Q" makes no transcript on its own ("Q Street ..."): it needs a label with a colon.
  let colonLabels = 0;
  let firstLabel: { label: string; at: number } | null = null;
  // `asks`: a reporter's turn, also when its label names the reporter ("QUESTION (Jane Doe, ...):").
  let current: { label: string; labelLine: TextRange; speaker: TurnSpeaker; asks?: boolean; recorded?: boolean } | null = null;
  // An actuality is a turn on its own: one is enough (a report quotes one voice on tape).
  let actuality = false;
  // A mixed-case label's surname must follow a given name earlier in the story ("Faya Doe, ..." then "Doe: ...").
  // and open at least two paragraphs (an interviewee answers more than once; "The Inside Story: ..." is a title).
  // The words after it are a sentence, not a figure ("Sanders: 1,547."), the label is no place
  // ("Louisville: ..." in a running story), and another speaker's label answers it.
  const mixedCounts = new Map<string, number>();
  const mixedAt = new Map<string, number>();
  const speakers = new Map<string, number>();
  for (const paragraph of analyzed.paragraphs) {
    const line = text.slice(paragraph.start, paragraph.end);
    const mixed = MIXED_LABEL.exec(line);
    const label = mixed?.[1];
    if (label && mixed && /^[“"‘'(]?\p{L}/u.test(line.slice(mixed[0].length)) && line.slice(mixed[0].length).split(/\s+/).length >= 3) {
      const surname = label.split(" ").pop() ?? "";
      mixedCounts.set(surname, (mixedCounts.get(surname) ?? 0) + 1);
      if (!mixedAt.has(surname)) mixedAt.set(surname, paragraph.start);
      speakers.set(surname, (speakers.get(surname) ?? 0) + 1);
    }
    const caps = LABEL.exec(line)?.[1];
    if (caps) speakers.set(caps, (speakers.get(caps) ?? 0) + 1);
  }
  // Two speakers who each take the floor at least twice: an interview, not a list of names.
  const interview = [...speakers.values()].filter((count) => count >= 2).length >= 2;
  // Where a surname is first written after a given name (and initials: "John W. Rosa"), or after
  // an honorific: a header may introduce the interviewer only so ("(Interview with Mr. Doe, Harbor
  // Radio)") before the turns labelled "Doe:".
  const givenNameAt = (surname: string): number => {
    const escaped = escapeForRegExp(surname);
    return new RegExp(`(?:\\p{Lu}[\\p{Ll}'’-]+(?: \\p{Lu}\\.)*|\\b(?:Mr|Ms|Mrs|Dr)\\.) ${escaped}(?![\\p{L}])`, "u").exec(text)?.index ?? -1;
  };
  const plausibleSurname = (surname: string): boolean => !NOT_VOCATIVES.has(surname.toLowerCase()) && isNameWord(surname) && lookupPlace(surname) === undefined;
  // A briefing whose header names its speakers ("DoD News Briefing: Jane Doe ... Also
  // participating was General John W. Roe") may label each turn by surname alone ("Doe:",
  // "Roe:"), each only once: two such surnames, both named in full before the first of them.
  // ("Source: ..." over the header is a field, not a speaker.)
  const surnameLabels = [...mixedAt].filter(([surname]) => plausibleSurname(surname) && !HEADER_FIELDS.test(surname.toUpperCase()));
  const firstMixed = Math.min(...surnameLabels.map(([, at]) => at));
  const headerNamed = new Set(surnameLabels.map(([surname]) => surname).filter((surname) => givenNameAt(surname) >= 0 && givenNameAt(surname) < firstMixed));
  // One briefer labelled by surname more than once ("Doe:" twice, a reporter's "Q:" between) under
  // a header that calls the text a transcript or briefing and names the briefer in full first
  // ("Presenter: Secretary of Defense Jane Q. Doe"): a second briefer the header names may never
  // speak, so two header-named surnames are not required.
  const transcriptHeader = Number.isFinite(firstMixed) && TRANSCRIPT_HEADER.test(text.slice(0, firstMixed));
  const reporterLabelled = analyzed.paragraphs.some((paragraph) => {
    const line = text.slice(paragraph.start, paragraph.end);
    return /^(?:Q|QUESTION)$/.test(LABEL.exec(line)?.[1] ?? "") || /^Question:\s/.test(line) || BARE_QUESTION.test(line);
  });
  const namedBefore = (surname: string, at: number): boolean => {
    if (headerNamed.size >= 2 && headerNamed.has(surname)) return true;
    if (transcriptHeader && reporterLabelled && headerNamed.has(surname) && (mixedCounts.get(surname) ?? 0) >= 2) return true;
    if (!plausibleSurname(surname) || (mixedCounts.get(surname) ?? 0) < 2 || !interview) return false;
    const found = givenNameAt(surname);
    return found >= 0 && found < at;
  };
  // An interview labelled by name ("Jane Doe: ...") takes mixed-case "Question:" turns too: a
  // reporter's words are never the answerer's.
  const mixedInterview = [...mixedCounts.keys()].some((surname) => namedBefore(surname, text.length));
  let affiliated = false;
  for (const paragraph of analyzed.paragraphs) {
    const line = text.slice(paragraph.start, paragraph.end);
    if (ACTUALITY_END.test(line.trim())) {
      current = null;
      continue;
    }
    const act = ACTUALITY_OPEN.exec(line.trim());
    if (act?.[1]) {
      current = { label: act[1], labelLine: paragraph, speaker: speakerOfLabel(act[1]), recorded: true };
      labelled += 1;
      colonLabels += 1;
      actuality = true;
      continue;
    }
    const alone = ALONE_LABEL.exec(line.trim());
    // Only with an affiliation: a heading in capitals ("SHORT READS:") is no speaker.
    if (alone?.[1] && alone[2] && alone[1].includes(" ") && !TRANSCRIPT_END.test(line.trim())) {
      // The label alone on its line: the turn's words are the paragraphs after it.
      current = { label: alone[1], labelLine: paragraph, speaker: speakerOfLabel(alone[1]) };
      labelled += 1;
      colonLabels += 1;
      if (!firstLabel) {
        firstLabel = { label: alone[1], at: paragraph.start };
        affiliated = alone[2] !== undefined;
      }
      continue;
    }
    const match = labelOf(line, hearing, titledColons || mixedInterview, (surname) => namedBefore(surname, paragraph.start));
    // "BRIEFER: Jane Doe, Deputy Spokesman" is a field of the header, not a turn.
    if (match && HEADER_FIELDS.test(match.label)) {
      current = null;
      continue;
    }
    const rest = match ? line.slice(match.length).trimEnd() : "";
    // "QUESTION: (Off-mike.)": the turn is taken, but a stage note is nobody's words.
    if (match && /^\([^()]*\)$/.test(rest)) {
      current = { label: match.label, labelLine: paragraph, speaker: speakerOfLabel(match.label) };
      labelled += 1;
      if (!match.bare) colonLabels += 1;
      continue;
    }
    if (match && rest !== "") {
      const { label } = match;
      const ofLabel = speakerOfLabel(label);
      const asks = ofLabel.kind === "unnamed" && ofLabel.isQuestion;
      current = { label, labelLine: paragraph, speaker: bracketedReporter(ofLabel, match.bracket, paragraph.start + line.indexOf(`(${match.bracket ?? ""})`) + 1), asks };
      labelled += 1;
      if (!match.bare) {
        colonLabels += 1;
        firstLabel ??= { label, at: paragraph.start };
      }
      const start = paragraph.start + match.length;
      turns.push({ line: paragraph, label, labelLine: paragraph, quote: { start, end: start + rest.length }, isQuestion: current.asks === true || (current.speaker.kind === "unnamed" && current.speaker.isQuestion), speaker: current.speaker });
      continue;
    }
    if (!current) continue;
    const trimmed = line.trim();
    if (TRANSCRIPT_END.test(trimmed)) {
      current = null;
      continue;
    }
    // A stage note ("(Laughter.)", "(The briefing was concluded at 2:41 p.m.)") and a time stamp
    // ("1:15 p.m. EST", the start or end of the briefing) are nobody's words.
    if (TIME_STAMP.test(trimmed)) continue;
    if (trimmed === "" || /^\(.*\)$/.test(trimmed)) {
      if (/concluded|ended|adjourned/i.test(trimmed)) current = null;
      continue;
    }
    const lead = line.length - line.trimStart().length;
    const start = paragraph.start + lead;
    // "With that, over to you, Mr. Secretary.": a moderator hands the floor to someone whose words
    // the copy prints without a label; the paragraphs after the hand-over are theirs.
    const previous = turns[turns.length - 1];
    const handedTo = current.speaker.kind === "unnamed" && !current.speaker.isQuestion && previous ? handOver(text, text.slice(previous.quote.start, previous.quote.end), previous.quote.end) : null;
    if (handedTo) {
      current = { label: handedTo.label, labelLine: paragraph, speaker: handedTo.speaker };
      labelled += 1;
    }
    turns.push({ line: paragraph, label: current.label, labelLine: current.labelLine, quote: { start, end: start + trimmed.length }, isQuestion: current.asks === true || (current.speaker.kind === "unnamed" && current.speaker.isQuestion), speaker: current.speaker, ...(current.recorded ? { recorded: true } : {}) });
  }
  if (colonLabels === 0 || turns.length === 0) return [];
  // A taken question ("Taken Question" in the header, then "QUESTION: ..." / "ANSWER: ...") is a
  // written release, not a transcript: its answer is the signer's or the issuing office's, read as
  // a statement document (statement-document.ts), whatever case its labels are printed in.
  if (TAKEN_QUESTION_HEADER.test(text.slice(0, turns[0]?.labelLine.start ?? 0))) return [];
  // One labelled turn is a transcript when its label names someone by office, the header names
  // them, or the label gives an affiliation ("JANE DOE, Harbor Radio Editor:").
  if (labelled < 2 && !actuality && !(firstLabel && (affiliated || singleTurnIsTranscript(firstLabel.label.toUpperCase(), text.slice(0, firstLabel.at))))) return [];
  return readStatements(text, nameReporters(analyzed, interviewers(text, answerers(text, officeHolders(text, turns)))));
}

/** "a statement from Secretary Doe", "the following statement by Jane Doe": whose statement a briefer is about to read. */
const READS_STATEMENT = /\bstatement\s+(?:from|by)\s+(?:the\s+)?(?:((?:Deputy |Vice |Under )?(?:Secretary|President|General|Gen\.|Admiral|Adm\.|Ambassador|Chairman|Minister|Director|Senator|Governor)(?: of [\p{Lu}][\p{L}]+)?)\s+)?(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,2})/u;
const OPENS_QUOTATION = /^[‘'“"]/;
const CLOSES_QUOTATION = /[’'”"]\s*$/;

/**
 * A statement a briefer reads out in their turn ("I want to provide you a statement from
 * Secretary Doe ..." / "'At a time when ..."): the paragraphs after the announcement that open
 * with a quotation mark, up to the one that closes it, are the statement's author's words, not
 * the briefer's. The author must carry a title or a given name ("a statement from the White
 * House" names a body, and its words stay the briefer's).
 */
function readStatements(text: string, turns: BriefingTurn[]): BriefingTurn[] {
  let reading: TurnSpeaker | null = null;
  return turns.map((turn, index) => {
    const before = turns[index - 1];
    const words = text.slice(turn.quote.start, turn.quote.end);
    if (reading && before && before.labelLine === turn.labelLine && !CLOSES_QUOTATION.test(text.slice(before.quote.start, before.quote.end))) return { ...turn, speaker: reading };
    reading = null;
    if (!before || before.labelLine !== turn.labelLine || turn.isQuestion || !OPENS_QUOTATION.test(words)) return turn;
    const announced = READS_STATEMENT.exec(text.slice(before.quote.start, before.quote.end));
    const name = announced?.[2];
    if (!announced || !name) return turn;
    const given = (name.split(/\s+/)[0] ?? "").toLowerCase();
    if (!announced[1] && !(MALE_GIVEN_NAMES.has(given) || FEMALE_GIVEN_NAMES.has(given))) return turn;
    const surname = name.split(/\s+/).pop() ?? name;
    const at = before.quote.start + announced.index + announced[0].lastIndexOf(name);
    reading = { kind: "named", surname, gender: null, ...(name.includes(" ") ? { fullName: name } : {}), nameAt: { start: at, end: at + name.length } };
    return { ...turn, speaker: reading };
  });
}

/**
 * "Q: ..." / "A: ...": an interview printed with answer labels. The answers are the interviewee's:
 * the one person the header names in full ("Interview with Governor Jane Doe"), else an unnamed
 * "the interviewee"; never a person called "A".
 */
function answerers(text: string, turns: BriefingTurn[]): BriefingTurn[] {
  const isAnswer = (turn: BriefingTurn): boolean => /^(?:A|ANSWER)$/.test(turn.label);
  const first = turns.find(isAnswer);
  if (!first) return turns;
  const header = text.slice(0, turns[0]?.labelLine.start ?? 0);
  const names = new Map<string, { surname: string; start: number }>();
  // A given name (one the lexicon knows, or after a title or "with"/"by") and a surname that no capitalized word follows.
  for (const match of matchesOf(/(?<=^|[^\p{L}])(\p{Lu}[\p{Ll}'’-]+)((?: \p{Lu}\.)*) (\p{Lu}[\p{Ll}'’-]+)(?![\p{L}]| \p{Lu}\p{Ll})/gu, header)) {
    const given = match[1] ?? "";
    const surname = match[3] ?? "";
    const before = /(\S+)\s+$/.exec(header.slice(0, match.index))?.[1] ?? "";
    const known = MALE_GIVEN_NAMES.has(given.toLowerCase()) || FEMALE_GIVEN_NAMES.has(given.toLowerCase()) || TITLE_LABEL.test(before.toUpperCase()) || /^(?:with|by)$/i.test(before);
    if (!known || !isNameWord(surname)) continue;
    const start = match.index + match[0].length - surname.length;
    names.set(`${given}${match[2] ?? ""} ${surname}`, { surname, start });
  }
  const only = names.size === 1 ? [...names][0] : undefined;
  const speaker: TurnSpeaker = only
    ? { kind: "named", surname: only[1].surname, gender: null, fullName: only[0], nameAt: { start: only[1].start, end: only[1].start + only[1].surname.length } }
    : { kind: "unnamed", description: "the interviewee", isQuestion: false };
  return turns.map((turn) => (isAnswer(turn) ? { ...turn, speaker } : turn));
}

/**
 * "THE PRESIDENT:", "THE SECRETARY:": an office with the article names the holder the transcript
 * calls so: the one a label names with that title ("PRESIDENT BUSH:"; of two, the one the text
 * names first, the host in "President Doe Welcomes President Roe"), else the first person the text
 * names with it ("Secretary of Defense Jane Q. Doe"), else an unnamed "the secretary".
 */
function officeHolders(text: string, turns: BriefingTurn[]): BriefingTurn[] {
  const resolved = new Map<string, TurnSpeaker>();
  const holderOf = (label: string): TurnSpeaker => {
    const known = resolved.get(label);
    if (known) return known;
    const office = label.replace(/^THE /, "");
    const officeWords = office.split(" ").length;
    // Labels with the title and a surname: "PRESIDENT BUSH" for "THE PRESIDENT".
    const titled = [...new Map(turns.filter((turn) => turn.label.startsWith(`${office} `) && turn.label.split(" ").length === officeWords + 1).map((turn) => [turn.label, turn])).values()];
    const mixedOffice = office.split(" ").map(titleCase).join(" ");
    const firstNamed = (surname: string): number => {
      const at = text.indexOf(`${mixedOffice} ${surname}`);
      return at < 0 ? Number.MAX_SAFE_INTEGER : at;
    };
    const byLabel = titled
      .map((turn) => ({ turn, surname: titleCase(turn.label.split(" ").pop() ?? "") }))
      .sort((a, b) => firstNamed(a.surname) - firstNamed(b.surname) || a.turn.labelLine.start - b.turn.labelLine.start)[0];
    let speaker: TurnSpeaker;
    if (byLabel) {
      const start = byLabel.turn.labelLine.start + byLabel.turn.label.length - byLabel.surname.length;
      speaker = { kind: "named", surname: byLabel.surname, gender: null, nameAt: { start, end: start + byLabel.surname.length } };
    } else {
      // A given name, initials and a surname, no capitalized word after them ("President Doe Welcomes ..." is no name).
      const named = new RegExp(`\\b${mixedOffice}(?: of(?: the)? \\p{Lu}[\\p{L}]+(?: \\p{Lu}[\\p{L}]+)?)? (\\p{Lu}[\\p{Ll}'’-]+(?: \\p{Lu}\\.)* (\\p{Lu}[\\p{Ll}'’-]+))(?![\\p{L}]| \\p{Lu})`, "u").exec(text);
      const surname = named?.[2];
      if (named?.[1] && surname && isNameWord(surname)) {
        const start = named.index + named[0].length - surname.length;
        speaker = { kind: "named", surname, gender: null, nameAt: { start, end: start + surname.length } };
      } else speaker = { kind: "unnamed", description: `the ${office.toLowerCase()}`, isQuestion: false };
    }
    resolved.set(label, speaker);
    return speaker;
  };
  return turns.map((turn) => {
    // "SECRETARY:", "VICE PRESIDENT:" without the article are offices too; "MR.:" is none.
    const office = /^(?:THE )?((?:[A-Z]+ ){0,2}[A-Z]+)$/.exec(turn.label)?.[1];
    if (!office || !office.split(" ").every((word) => TITLE_LABEL.test(word) && !HONORIFICS.has(word) && word !== "DR")) return turn;
    return { ...turn, speaker: holderOf(turn.label) };
  });
}

/**
 * A question label's bracket: a reporter's name ("Jane Doe, Harbor Radio") names the question's
 * asker; an outlet alone ("Reuters") leaves "a reporter".
 */
function bracketedReporter(speaker: TurnSpeaker, bracket: string | undefined, at: number): TurnSpeaker {
  if (!bracket || speaker.kind !== "unnamed" || !speaker.isQuestion) return speaker;
  const name = /^(\p{Lu}[\p{Ll}'’-]+(?: \p{Lu}\.)? \p{Lu}[\p{Ll}'’-]+)(?:,|$)/u.exec(bracket.trim())?.[1];
  if (!name || KNOWN_ORGANIZATIONS.has(name) || !isNameWord(name.split(" ").pop() ?? "")) return speaker;
  return { kind: "named", surname: name, gender: null, nameAt: { start: at, end: at + name.length } };
}

/** A moderator's last words that give the floor to someone: "over to you, Mr. Secretary.", "I'll turn it over to General Doe." */
const HAND_OVER = /\b(?:over to you|turn (?:it|things|the floor) over to|hand (?:it |the floor )?over to|(?:the )?floor is yours|please welcome)(?:,|\s)\s*(?:(?:Mr\.|Madam|Madame|Ms\.)\s+)?(\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3})\s*[.!]\s*$/u;

/**
 * Whom a moderator's words hand the floor to, by surname: a name they say ("General Doe"), or the
 * person the text before names with the title they say ("Mr. Secretary" after "Secretary of
 * Defense Jane Q. Doe III").
 */
function handOver(text: string, words: string, before: number): { label: string; speaker: TurnSpeaker } | null {
  const said = HAND_OVER.exec(words)?.[1];
  if (!said) return null;
  const parts = said.split(/\s+/);
  const title = parts[0] ?? "";
  let nameAt: TextRange | null = null;
  if (parts.length === 1 && TITLE_LABEL.test(title.toUpperCase())) {
    // The title, an "of" phrase of capitalized words, then the name: the last such in the text before.
    const titled = new RegExp(`\\b${title}(?: of(?: the)? \\p{Lu}[\\p{L}]+(?: \\p{Lu}[\\p{L}]+)?)? ((?:\\p{Lu}[\\p{L}'’-]+|\\p{Lu}\\.)(?: (?:\\p{Lu}[\\p{L}'’-]+|\\p{Lu}\\.)){1,3})`, "gu");
    const found = matchesOf(titled, text.slice(0, before)).pop();
    if (!found?.[1]) return null;
    const start = (found.index ?? 0) + found[0].length - found[1].length;
    nameAt = { start, end: start + found[1].length };
  } else if (parts.length >= 2 && TITLE_LABEL.test((parts[0] ?? "").toUpperCase())) {
    const start = before - words.length + words.lastIndexOf(said) + title.length + 1;
    nameAt = { start, end: start + said.length - title.length - 1 };
  }
  if (!nameAt) return null;
  const name = text.slice(nameAt.start, nameAt.end).split(" ").filter((word) => !NAME_SUFFIXES.test(word.replace(/\.$/, "").toUpperCase()));
  const surname = name[name.length - 1] ?? "";
  if (name.length === 0 || /\.$/.test(surname)) return null;
  const surnameStart = nameAt.start + text.slice(nameAt.start, nameAt.end).lastIndexOf(surname);
  return { label: said, speaker: { kind: "named", surname, gender: null, nameAt: { start: surnameStart, end: surnameStart + surname.length } } };
}

/**
 * An interviewer labelled by their outlet ("VOA:", "BBC:"): the person the story names with the
 * outlet's possessive ("VOA's Jane Doe spoke to ..."), else "the interviewer"; their turns are
 * questions, never the interviewee's words.
 */
function interviewers(text: string, turns: BriefingTurn[]): BriefingTurn[] {
  const byLabel = new Map<string, TurnSpeaker | null>();
  const speakerFor = (label: string): TurnSpeaker | null => {
    if (byLabel.has(label)) return byLabel.get(label) ?? null;
    let speaker: TurnSpeaker | null = null;
    if (/^\p{Lu}{2,5}$/u.test(label)) {
      // "VOA's Jane Doe", or the outlet before the reporter's title and name when an interview
      // verb follows ("VOA White House Bureau Chief Jane Doe spoke with ...").
      const possessive =
        new RegExp(`(?<![\\p{L}])${label}['’]s (\\p{Lu}[\\p{Ll}'’-]+(?: \\p{Lu}\\.)? \\p{Lu}[\\p{Ll}'’-]+)`, "u").exec(text) ??
        new RegExp(`(?<![\\p{L}])${label} (?:\\p{Lu}[\\p{L}]* ){1,5}?(\\p{Lu}[\\p{Ll}'’-]+(?: \\p{Lu}\\.)? \\p{Lu}[\\p{Ll}'’-]+) (?:spoke|talked|sat down|interviewed|asked)\\b`, "u").exec(text);
      if (possessive?.[1]) {
        const start = possessive.index + possessive[0].length - possessive[1].length;
        speaker = { kind: "named", surname: possessive[1], gender: null, nameAt: { start, end: start + possessive[1].length } };
      } else if (KNOWN_ORGANIZATIONS.has(label)) speaker = { kind: "unnamed", description: "the interviewer", isQuestion: true };
    }
    byLabel.set(label, speaker);
    return speaker;
  };
  return turns.map((turn) => {
    const speaker = turn.speaker.kind === "named" ? speakerFor(turn.label) : null;
    return speaker ? { ...turn, speaker, isQuestion: true } : turn;
  });
}

/** A header that calls the transcript an interview ("Interview of the Vice President by Jo Doe"). */
const INTERVIEW_HEADER = /\binterview(?:ed)?\b/i;
/** Words that close a sentence the way a called-on name does, but are no names. */
const NOT_VOCATIVES = new Set(["yes", "yeah", "okay", "ok", "please", "thanks", "sure", "right", "well", "so", "sir", "ma'am", "everyone", "everybody", "anyone", "guys", "folks", "go", "next", "again", "all", "here", "there", "god", "secretary", "president", "ambassador", "general", "admiral", "chairman", "congress", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "tomorrow", "yesterday", "welcome", "hello", "hi", "hey", "good", "great", "questions", "question", "you", "thank"]);
/** One-word answers the tagger may read as names ("Correct.", "Affirmative.", "Mm-hmm."). */
const ANSWER_WORDS = new Set(["mm-hmm", "uh-huh", "mhm", "hmm", "uh", "um", "correct", "affirmative", "negative", "true", "false", "exactly", "absolutely", "agreed", "fine", "understood", "certainly", "indeed", "nope", "no", "none", "nothing", "precisely", "granted", "noted", "roger", "done", "yep", "definitely", "likewise", "same", "pass", "next"]);
/** A reporter called on at the end of the official's words: "so Matt.", "Lita?", "over to you, Mr. Lee.", "so Matt, do you want to start?", "Tony, I'll begin with you." */
const CALLED_AT_END = /(?:^|[,;:–—-]\s*|(?<!\b(?:Mr|Ms|Mrs|Dr|Gen|Adm|Sen|Rep|Gov|Lt|Col|Sgt|Capt|St|Jr|Sr))[.?!]\s+|\bso\s+|\bwell,?\s+|\bahead,?\s+|\byes,?\s+)((?:Mr\.|Ms\.|Mrs\.)\s+)?(\p{Lu}[\p{Ll}'’-]+)\s*[.?!]\s*$/u;
const CALLED_AT_START = /(?:^|[.?!,]\s+|\bso\s+)((?:Mr\.|Ms\.|Mrs\.)\s+)?(\p{Lu}[\p{Ll}'’-]+),\s+(?:do you|would you|you|I['’]ll|I will|go ahead|fire away|please|why don['’]t you|let['’]s|we['’]ll)\b[^.?!]*[.?!]\s*$/u;
/** "Our first question will go to Jane with the AP.", "... goes to Jane Doe of Harbor Radio." */
const CALLED_TO = /\bgo(?:es)? to ((?:Mr\.|Ms\.|Mrs\.)\s+)?(\p{Lu}[\p{Ll}'’-]+(?: \p{Lu}[\p{Ll}'’-]+){0,2})(?: (?:with|from|at|of) [^.?!]*)?[.?!]\s*$/u;
/**
 * A teleconference's operator or moderator: "Our next question comes from the line of Jane Doe
 * with Reuters. Please go ahead.", "Let's go to the line of Jane Doe."
 */
const CALLED_FROM = /\b(?:(?:comes|is coming|will come) from (?:the line of )?|go(?:es)? to the line of )((?:Mr\.|Ms\.|Mrs\.)\s+)?(\p{Lu}[\p{Ll}'’-]+(?: \p{Lu}[\p{Ll}'’-]+){0,2})(?: (?:with|from|at|of) [^.?!]*)?[.?!](?:\s+(?:Please,? go ahead|Go ahead|Your line is open)[^.?!]*[.?!])?\s*$/u;

/** A word spelled out letter by letter ("M-i-l-l-s." answers "How do you spell that?"): no one addressed or called on. */
const SPELLED_OUT = /^(?:\p{L}-){2,}\p{L}$/u;
/** An answer that opens by addressing the reporter: "Thank you, Matt.", "Well, Jane, ...". */
const ADDRESSED_AT_START = /^(?:Thank you|Thanks|Well|Yes|No|Sure|Look|Sorry|Okay|So),?\s+((?:Mr\.|Ms\.|Mrs\.)\s+)?(\p{Lu}[\p{Ll}'’-]+)\s*[,.!?]/u;
/** A first sentence that ends by addressing the reporter: "Are you going to let me speak, Matt?" */
const ADDRESSED_AT_END = /,\s+((?:Mr\.|Ms\.|Mrs\.)\s+)?(\p{Lu}[\p{Ll}'’-]+)\s*[.?!]$/u;
/**
 * A name set off as a vocative anywhere in the answer's first sentence: "Mike, thank you for the
 * question.", "We saw that as well, Margaret, and ...", "and the Secretary said so, Matt – he ...".
 * Read only when the shapes above found nothing.
 */
const ADDRESSED_WITHIN = /(?:^|[,–—]\s*|--\s*)((?:Mr\.|Ms\.|Mrs\.)\s+)?(\p{Lu}[\p{Ll}'’-]+)(?=\s*(?:[,.?!–—]|--))/gu;
/** A reporter's own introduction: "Jane Doe with AP.", "Jane Doe from Radio Harbor." */
const INTRODUCED = /(?:^|[.!?]\s+)(\p{Lu}[\p{Ll}'’-]+(?: \p{Lu}[\p{Ll}'’-]+){1,2}) (?:with|from) (?:the )?\p{Lu}/u;

/**
 * "I have nothing at the top, Josh, so I'll let you get us started.": a name set off by commas in
 * the official's last sentence, when that sentence hands the floor over ("you", "questions").
 */
function calledWithin(words: string): RegExpExecArray | null {
  const boundary = matchesOf(/[.!?]["”’]?\s+(?=\S)/gu, words).pop();
  const offset = boundary ? (boundary.index ?? 0) + boundary[0].length : 0;
  const last = words.slice(offset);
  if (!/\b(?:you|your|questions?)\b/i.test(last)) return null;
  const match = /,\s+((?:Mr\.|Ms\.|Mrs\.)\s+)?(\p{Lu}[\p{Ll}'’-]+),\s+/u.exec(last);
  // "And to answer your question, Helen, ...": the answer addresses who asked; it calls no one.
  if (!match || ANSWERS_THE_ASKER.test(last.slice(0, match.index))) return null;
  match.index += offset;
  return match;
}

/** Words before a name that answer the question just asked rather than hand over the floor. */
const ANSWERS_THE_ASKER = /\b(?:answer(?:ing)?|respond(?:ing)? to|on) your question\b/i;

/** The header line of a taken question, the State Department's written answer to a briefing's question. */
const TAKEN_QUESTION_HEADER = /(?:^|\n)\s*taken questions?\s*(?:\n|$)/i;

/** "Thank you, Andy." / "Thanks, Andy.": thanks opening a turn, to the person named. */
const THANKED = /^(?:Thank you|Thanks)(?: (?:very much|so much))?,\s+((?:Mr\.|Ms\.|Mrs\.)\s+)?(\p{Lu}[\p{Ll}'’-]+)\s*[.!]/u;

/**
 * A sentence after the answer's first two and before its last that ends on a given name set off by
 * a comma ("Don't take it personally, Matt."), with where it starts in `words`.
 */
function laterAddress(words: string): { match: RegExpMatchArray; offset: number } | null {
  const sentences = matchesOf(/[^.?!]+[.?!]+["”’]?\s*/gu, words);
  for (const sentence of sentences.slice(2, -1)) {
    const trimmed = sentence[0].trimEnd();
    const match = ADDRESSED_AT_END.exec(trimmed);
    // Only a given name: "..., France and Italy." or "..., Hamas." closes a sentence as a name would.
    const name = match?.[2]?.toLowerCase() ?? "";
    if (match && (MALE_GIVEN_NAMES.has(name) || FEMALE_GIVEN_NAMES.has(name)) && lookupPlace(match[2] ?? "") === undefined) return { match, offset: sentence.index ?? 0 };
  }
  return null;
}

/**
 * The sentence of an answer that may address the reporter: its first, or the second when the
 * first only answers ("Right. I can't point to anything, Matt, ..."; "Yes, sir. ...").
 */
function addressingSentence(words: string): { sentence: string; offset: number } {
  const sentences = /^([^.?!]*[.?!])\s*([^.?!]*[.?!])?/.exec(words);
  const first = sentences?.[1] ?? words;
  const bare = first.toLowerCase().replace(/[^\p{L}'’ -]/gu, " ").split(/\s+/).filter(Boolean);
  const onlyAnswers = bare.length > 0 && bare.length <= 3 && bare.every((word) => ANSWER_WORDS.has(word) || NOT_VOCATIVES.has(word));
  const second = sentences?.[2];
  return onlyAnswers && second ? { sentence: second, offset: words.indexOf(second, first.length) } : { sentence: first, offset: 0 };
}

/**
 * Reporters' questions name their reporter when the reporter introduces themselves ("Jane Doe
 * with AP.") or the official's last words before the question call on them by name ("so Matt.");
 * the question is then that person's (still a question: nothing in it is the official's).
 */
function nameReporters(analyzed: AnalyzedText, turns: BriefingTurn[]): BriefingTurn[] {
  const { text } = analyzed;
  const named = new Map<number, TurnSpeaker>();
  // "Befuddled." or "Correct." closes an answer as a name would; the tagger tells a name apart.
  let tags: Map<number, string> | null = null;
  // A common given name is a name whatever the tagger made of it ("Josh, do you want to start?"
  // tags "Josh" as a verb).
  const isName = (start: number): boolean => {
    tags ??= new Map(analyzed.sentences.flatMap((sentence) => sentence.tokens.map((token) => [token.start, token.pos] as const)));
    const word = /^\p{L}+/u.exec(text.slice(start, start + 30))?.[0]?.toLowerCase() ?? "";
    return tags.get(start) === "PROPN" || MALE_GIVEN_NAMES.has(word) || FEMALE_GIVEN_NAMES.has(word);
  };
  turns.forEach((turn, index) => {
    // A label that names its reporter ("QUESTION (Jane Doe, ...):") has named them already.
    if (!turn.isQuestion || turn.line !== turn.labelLine || turn.speaker.kind === "named") return;
    // An introduction opens the turn ("Hi, Dana. Jane Doe with AP."); a title is no given name.
    const own = INTRODUCED.exec(text.slice(turn.quote.start, Math.min(turn.quote.end, turn.quote.start + 80)));
    if (own?.[1] && !TITLE_LABEL.test((own[1].split(" ")[0] ?? "").toUpperCase())) {
      const start = turn.quote.start + own.index + own[0].indexOf(own[1]);
      named.set(turn.labelLine.start, { kind: "named", surname: own[1], gender: null, nameAt: { start, end: start + own[1].length } });
      return;
    }
    const before = turns[index - 1];
    if (!before || before.isQuestion) return;
    const words = text.slice(before.quote.start, before.quote.end);
    const call = CALLED_AT_END.exec(words) ?? CALLED_AT_START.exec(words) ?? CALLED_TO.exec(words) ?? CALLED_FROM.exec(words) ?? calledWithin(words);
    const name = call?.[2];
    // "We'll go to Fox News." calls on an outlet, and "..., Pennsylvania." names a place, not a reporter.
    if (!call || !name || SPELLED_OUT.test(name) || NOT_VOCATIVES.has(name.toLowerCase()) || KNOWN_ORGANIZATIONS.has(name) || (lookupPlace(name) !== undefined && !MALE_GIVEN_NAMES.has(name.toLowerCase()) && !FEMALE_GIVEN_NAMES.has(name.toLowerCase()))) return;
    // A one-word answer ("Correct.") is no call; a one-word call asks ("Jane?"), or is a given
    // name alone ("Lita.") before a question, which the tagger tells apart from an answer word.
    const oneWord = call.index === 0 && call[0].trim() === words.trim() && !words.trim().endsWith("?");
    // A last sentence of one word ("... beyond that. Phil.") calls on a name, not an answer word.
    if ((oneWord || /^[.?!]/.test(call[0])) && ANSWER_WORDS.has(name.toLowerCase())) return;
    if (before.speaker.kind === "named" && before.speaker.surname.toLowerCase() === name.toLowerCase()) return;
    const start = before.quote.start + call.index + call[0].indexOf(name, (call[1] ?? "").length);
    if (!isName(start)) return;
    const gender = call[1]?.startsWith("Mr") && !call[1].startsWith("Mrs") ? "male" : call[1] ? "female" : null;
    named.set(turn.labelLine.start, { kind: "named", surname: name, gender, nameAt: { start, end: start + name.length } });
  });
  // The official's answer addresses the reporter who asked ("Thank you, Matt.", "..., Matt?"):
  // the question just before it is theirs, when nothing named it yet. The answer's second
  // paragraph may address them when its first did not ("I don't know them all by name." / "No, I
  // can't, Anne. ...").
  const addressed = (turn: BriefingTurn, index: number): { name: string; start: number } | null => {
    const words = text.slice(turn.quote.start, turn.quote.end);
    const { sentence: first, offset } = addressingSentence(words);
    // A place set off by commas ("France, Germany and Poland") is no one addressed.
    // A word alone at the start ("Correct.", "Exactly?") answers; a name there is followed by a comma.
    const vocative = (match: RegExpMatchArray): boolean => {
      const word = match[2];
      const at = (match.index ?? 0) + match[0].length;
      if (match.index === 0 && !/^\s*,/.test(first.slice(at))) return false;
      return word !== undefined && !NOT_VOCATIVES.has(word.toLowerCase()) && lookupPlace(word) === undefined && isName(turn.quote.start + offset + (match.index ?? 0) + match[0].lastIndexOf(word));
    };
    let address: RegExpMatchArray | null = ADDRESSED_AT_START.exec(first) ?? ADDRESSED_AT_END.exec(first) ?? matchesOf(ADDRESSED_WITHIN, first).find(vocative) ?? null;
    let at = offset;
    // "You are? Everyone's in the back. Don't take it personally, Matt. I'm sure ...": a name closing
    // a later sentence of the answer addresses the asker too; never the answer's last sentence,
    // which may call on the next reporter ("That's all I have. Matt.").
    if (!address) {
      const later = laterAddress(words);
      if (later) {
        address = later.match;
        at = later.offset;
      }
    }
    const name = address?.[2];
    if (!address || !name || SPELLED_OUT.test(name) || NOT_VOCATIVES.has(name.toLowerCase())) return null;
    if (turn.speaker.kind === "named" && turn.speaker.surname.toLowerCase() === name.toLowerCase()) return null;
    // "Jane, go ahead." calls on the reporter of the next question, not the one just answered
    // ("..., Jane?" still answers her).
    const next = turns.slice(index + 1).find((later) => later.line === later.labelLine);
    const calledNext = next ? named.get(next.labelLine.start) : undefined;
    const callsOn = CALLED_AT_START.test(words) || CALLED_TO.test(words);
    if (callsOn && calledNext?.kind === "named" && calledNext.surname.toLowerCase() === name.toLowerCase()) return null;
    const start = turn.quote.start + at + (address.index ?? 0) + address[0].lastIndexOf(name);
    return isName(start) ? { name, start } : null;
  };
  // A briefing names a reporter only by the turn's label or the call just before the turn: a
  // name in the answer ("Thank you, Helen.") leaves the question "a reporter" (the keys'
  // convention from batch 20 on). An interview's one interviewer is the person its answers
  // address ("It's good to be back, Chris."), so there the answer still names the question.
  const interview = INTERVIEW_HEADER.test(text.slice(0, turns[0]?.labelLine.start ?? 0));
  const addressedOnly = new Map<number, { readonly name: string; readonly at: TextRange }>();
  turns.forEach((turn, index) => {
    const question = turns[index - 1];
    if (turn.isQuestion || turn.line !== turn.labelLine || !question?.isQuestion || question.speaker.kind === "named" || named.has(question.labelLine.start)) return;
    const second = turns[index + 1];
    const found = addressed(turn, index) ?? (second && second.labelLine === turn.labelLine ? addressed(second, index + 1) : null);
    if (!found) return;
    const at = { start: found.start, end: found.start + found.name.length };
    if (interview) named.set(question.labelLine.start, { kind: "named", surname: found.name, gender: null, nameAt: at });
    else addressedOnly.set(question.labelLine.start, { name: found.name, at });
  });
  // "MODERATOR: ... here's the captain." / "CAPT DOE: Thank you, Andy. ...": the official's first
  // words thank the moderator who handed over the floor by name; that moderator's turn is Andy's.
  turns.forEach((turn, index) => {
    const moderator = turns[index - 1];
    if (turn.isQuestion || turn.line !== turn.labelLine || turn.speaker.kind !== "named" || !moderator || moderator.isQuestion) return;
    if (moderator.speaker.kind !== "unnamed" || moderator.speaker.description !== "the moderator" || named.has(moderator.labelLine.start)) return;
    const words = text.slice(turn.quote.start, turn.quote.end);
    const thanks = THANKED.exec(words);
    const name = thanks?.[2];
    if (!thanks || !name || NOT_VOCATIVES.has(name.toLowerCase()) || lookupPlace(name) !== undefined || name.toLowerCase() === turn.speaker.surname.toLowerCase()) return;
    const start = turn.quote.start + thanks[0].lastIndexOf(name);
    if (isName(start)) named.set(moderator.labelLine.start, { kind: "named", surname: name, gender: null, nameAt: { start, end: start + name.length } });
  });
  if (named.size === 0 && addressedOnly.size === 0) return turns;
  return turns.map((turn) => {
    const speaker = named.get(turn.labelLine.start);
    if (speaker) return { ...turn, speaker };
    const only = turn.line === turn.labelLine ? addressedOnly.get(turn.labelLine.start) : undefined;
    return only ? { ...turn, addressed: only } : turn;
  });
}
