import nlp from "compromise";
import type { CountRange, TextRange } from "../types.js";
import { MONTH_ABBREVIATIONS, MONTH_NAMES } from "./calendar-words.js";
import { matchesOf } from "../patterns.js";
import { PatternPrefilter } from "../pattern-literals.js";

// Counts as news copy writes them ("at least 25", "more than a dozen", "nearly 20", "dozens",
// "hundreds more"). compromise reads the number words ("forty-one", "1,200"); the qualifiers
// and the vague plurals follow ACLED's conservative reading, as DESIGN.md asks: a vague multiple
// is one of its unit ("tens" 10, "dozens" 12, "scores" 20, "hundreds" 100, "thousands" 1,000:
// ACLED's fatalities FAQ codes "tens", "dozens" and "hundreds" so, "and so on"; the first-sight
// keys' README does the same), and "more than N" is at least N + 1.

/** The value of a number written in digits or words ("25", "seven", "forty-one", "a dozen"), or null. */
export function numberValue(words: string): number | null {
  const text = words.trim().toLowerCase();
  if (/^\d{1,3}(,\d{3})*$|^\d+$/.test(text)) return Number(text.replace(/,/g, ""));
  if (text === "a" || text === "an" || text === "one") return 1;
  if (text === "a dozen" || text === "dozen") return 12;
  // "two dozen injured" is 24.
  const dozens = /^(\w+) dozen$/.exec(text);
  if (dozens) {
    const times = numberValue(dozens[1] as string);
    return times === null ? null : times * 12;
  }
  // "one-hundred", "three thousand": a unit counted.
  const units = /^(\w+)[ -](hundred|thousand)$/.exec(text);
  if (units) {
    const times = numberValue(units[1] as string);
    return times === null ? null : times * (units[2] === "hundred" ? 100 : 1000);
  }
  const known = parsedWords.get(text);
  if (known !== undefined) return known;
  // compromise costs milliseconds per call and stories reuse a handful of number words, so each
  // distinct phrase is parsed once (bounded: the cache is cleared if it ever grows past 2,000).
  const parsed = nlp(text).numbers().get() as unknown[];
  const first = parsed[0];
  const value = typeof first === "number" && Number.isFinite(first) ? first : null;
  if (parsedWords.size >= 2000) parsedWords.clear();
  parsedWords.set(text, value);
  return value;
}

const parsedWords = new Map<string, number | null>();

/** A count in the text and the range it stands for. */
export interface QuantityMention extends TextRange {
  readonly text: string;
  readonly range: CountRange;
  /** A person named by an article or "another" (one), or a couple by kinship (two): a casualty only with its verb right beside it. */
  readonly single?: boolean;
}

// ("two hundred", "three-thousand" first: else their first word alone would be read as the count.)
const NUMBER_WORD =
  "(?:one|two|three|four|five|six|seven|eight|nine|a)[ -](?:hundred|thousand)(?!-)|(?:two|three|four|five|six|seven|eight|nine|ten) dozen|\\d{1,3}(?:,\\d{3})+|\\d+|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a dozen";
const QUALIFIER = "at least|more than|upwards of|over|nearly|almost|close to|just under|up to|as many as|fewer than|less than|about|around|roughly|some|approximately|an estimated|at most";
const VAGUE = "tens of thousands|hundreds of thousands|dozens|scores|hundreds|thousands";
const QUANTITY = new RegExp(`\\b(?:(${QUALIFIER})(?:\\s+|(?=\\d)))?(?:(${VAGUE})|(${NUMBER_WORD}))\\b`, "gi");
const MONTH_AFTER = new RegExp(`^\\s+(?:${MONTH_NAMES}|${MONTH_ABBREVIATIONS})\\b`);
const MONTH_BEFORE = new RegExp(`\\b(?:${MONTH_NAMES}|${MONTH_ABBREVIATIONS})\\.?\\s+$`);
const VAGUE_MIN: Record<string, number> = { dozens: 12, scores: 20, hundreds: 100, thousands: 1000, "tens of thousands": 10000, "hundreds of thousands": 100000 };

/** The range a qualifier and a value stand for ("more than" 12 -> at least 13). */
export function rangeOf(qualifier: string | undefined, value: number, vague: boolean): CountRange {
  if (vague) return { min: value, max: null };
  switch ((qualifier ?? "").toLowerCase()) {
    case "at least":
    case "upwards of":
      return { min: value, max: null };
    case "more than":
    case "over":
      return { min: value + 1, max: null };
    case "nearly":
    case "almost":
    // ("a truck bomb killed close to 60 people": a ceiling, as "nearly"; the keys read it so from batch 18 on.)
    case "close to":
    case "just under":
    case "up to":
    case "as many as":
    case "at most":
      return { min: null, max: value };
    case "fewer than":
    case "less than":
      return { min: null, max: value - 1 };
    case "about":
    case "around":
    case "roughly":
    case "some":
    case "approximately":
    case "an estimated":
      // An estimate is neither a floor nor a ceiling; ACLED records the stated number.
      return { min: value, max: value };
    default:
      return { min: value, max: value };
  }
}

// One person named by an article or "another" ("An Afghan child was killed", "killed an American
// service member", "another was wounded", "and their interpreter", "The second soldier was killed", "killed the Egyptian
// Public Prosecutor", "injuring Lebanon's outgoing Defense Minister"): a count of one. Only with a casualty verb right after
// it or before it (incidents.ts checks), since "a man" is as often a witness.
const PERSON = "ambassador|consul|envoy|chief|person|man|woman|child|boy|girl|baby|teenager|civilian|resident|villager|soldier|gendarme|officer|policeman|policewoman|guard|servicemember|service member|member|worker|employee|contractor|journalist|reporter|photographer|worshipp?er|pilgrim|student|teacher|doctor|nurse|driver|passenger|cyclist|bicyclist|motorcyclist|motorist|hiker|tourist|foreigner|national|citizen|diplomat|official|commander|leader|insurgent|militant|fighter|rebel|attacker|gunman|bomber|terrorist|extremist|jihadist|assailant|militiaman|protester|demonstrator|bystander|peacekeeper|trooper|marine|sailor|airman|engineer|farmer|herder|fisherman|trader|shopkeeper|mayor|governor|judge|lawyer|activist|priest|imam|pastor|monk|interpreter|translator|staffer|aid worker|cameraman|camerawoman|photojournalist|medic|paramedic|firefighter|prosecutor|lawmaker|legislator|parliamentarian|senator|deputy|minister|councillor|councilor|councilman|politician|cleric|elder|pilot|suspect|criminal|smuggler|kidnapper|son|daughter|brother|sister|father|mother|husband|wife|grandson|granddaughter|grandfather|grandmother|grandchild|uncle|aunt|nephew|niece|cousin|stepfather|stepmother|stepson|stepdaughter";
// ("with the 1st Marine Expeditionary Force": a person's word that opens a unit's name is no person; "A 29th Brigade
// Combat Team soldier": a unit's name of four words may describe the one person; "two of the worker's guards": a
// possessor, no victim.)
const UNIT_WORD = "Division|Expeditionary|Corps|Regiment|Brigade|Battalion|Force|Forces|Command|Squadron|Wing|Unit|Group";
const SINGLE = new RegExp(`\\b(?:(?:an?|one other|another|his|her|their|the(?:\\s+(?:first|second|third|fourth|fifth|other))?|\\p{Lu}[\\p{L}-]*['’]s)\\s+(?:(?!(?:of|a|an|the|and|or|in|on|at|to|by|with|for|from)\\s)[\\p{L}\\p{N}'’.-]+\\s+){0,4}?(?:${PERSON})(?!\\s+(?:${UNIT_WORD})\\b|['’]s\\b)|another(?=\\s+(?:was|is|has|had|died|wounded|injured|hurt)\\b)|(?<=\\b(?:killed|killing|wounded|wounding|injured|injuring)\\s+)another(?!\\s+(?:\\d|two|three|four|five|six|seven|eight|nine|ten|dozens?|scores?))|one other)\\b`, "giu");

/** Two people named by kinship ("her parents", "and parents" after a kin list, "the couple"). */
const COUPLE = /\b(?:(?:his|her|their)\s+(?:own\s+)?|(?=parents|grandparents)(?<=\b(?:and|,)\s+))(?:parents|grandparents)\b|\bthe\s+(?:elderly\s+|young\s+)?couple\b/giu;

/** SINGLE and COUPLE name a person or a kin word they must contain: a sentence with none of them is not tried. */
const PERSON_COUNT_PREFILTER = new PatternPrefilter([SINGLE, COUPLE]);

/** Nouns after a count (with at most one modifier) that name weapons, vehicles, buildings or reports ("one report says"), never casualties. */
const OBJECTS_AFTER =
  /^\s+(?:[\p{L}-]+\s+)?(?:rockets?|mortars?|mortar rounds|rounds|shells|missiles?|grenades|bullets|shots|bombs|IEDs|explosions|blasts|attacks|bombings|(?:air ?)?strikes|raids|incidents|reports?|accounts?|vehicles?|cars?|trucks?|tanks?|buildings?|houses?|homes?|weapons|rifles?|guns?|launchers?|caches?)\b/iu;

/** A capitalized name word a number completes ("Detachment 88", "Task Force 101", "Resolution 2334"). */
const NAMED_BY_NUMBER_BEFORE = /\b(?:Detachment|Force|Brigade|Division|Battalion|Regiment|Squadron|Group|Team|Company|Unit|Corps|Route|Highway|Road|Flight|Resolution|Camp|Base|Checkpoint|Station|Post|Sector|Zone|Precinct|Gate|Phase|Article|Section|Chapter|Number|No\.)\s+$/;

/** Every count in text[from, to) with its range; years and clock times are not counts. */
export function findQuantities(text: string, from = 0, to = text.length): QuantityMention[] {
  const slice = text.slice(from, to);
  const found: QuantityMention[] = [];
  for (const m of matchesOf(QUANTITY, slice)) {
    const [whole, qualifier, vague, digits] = m;
    const after = slice.slice(m.index + whole.length, m.index + whole.length + 12);
    if (digits && /^\d{4}$/.test(digits) && /^(19|20)/.test(digits)) continue; // a year
    if (/^\s*(?:p\.m\.|a\.m\.|percent|%|years?\b|hours?\b|minutes?\b|days?\b|weeks?\b|months?\b|kilomet|miles?\b|meters?\b|tons?\b|votes?\b)/i.test(after)) continue;
    if (/^[:.]\d/.test(after)) continue; // 2:41, 1.1
    // "Detachment 88", "Task Force 101", "Route 1": a number in a unit's, road's or document's name, not a count.
    if (digits && !qualifier && NAMED_BY_NUMBER_BEFORE.test(slice.slice(Math.max(0, m.index - 16), m.index))) continue;
    if (digits && slice[m.index - 1] === "(" && after.startsWith(")")) continue; // the "(2)" of "two (2)", read with its word
    // "no one was killed", "not one shot was fired": a negation, not a count of one.
    if (!qualifier && /\b(?:no|not)\s+$/i.test(slice.slice(Math.max(0, m.index - 4), m.index))) continue;
    if (/^-(?:years?|months?|weeks?|days?)\b/i.test(after)) continue; // an age: "18-year-old"
    // "an August 29 attack", "the Jan. 5 attack": the day of a date, not a count.
    if (digits && !qualifier && MONTH_BEFORE.test(slice.slice(Math.max(0, m.index - 12), m.index))) continue;
    // ("BAGHDAD 29 April, 2008 – Forces killed three": a day written before its month is a date too; twentieth pass.)
    if (digits && !qualifier && Number(digits) >= 1 && Number(digits) <= 31 && MONTH_AFTER.test(after)) continue;
    // "more than 50 rockets", "two vehicles": things fired or hit, not people.
    if (OBJECTS_AFTER.test(slice.slice(m.index + whole.length, m.index + whole.length + 40))) continue;
    const value = vague ? (VAGUE_MIN[vague.toLowerCase()] ?? null) : numberValue(digits ?? "");
    if (value === null) continue;
    const start = from + m.index;
    // "two (2) terrorists": the figure repeated in digits is part of the count, so its noun and verb follow it.
    const repeated = /^\s*\(\d{1,3}\)/.exec(slice.slice(m.index + whole.length, m.index + whole.length + 8));
    found.push({ start, end: start + whole.length + (repeated ? repeated[0].length : 0), text: whole, range: rangeOf(qualifier, value, Boolean(vague)) });
  }
  const mayMatch = PERSON_COUNT_PREFILTER.possible(slice);
  for (const m of mayMatch(SINGLE) ? matchesOf(SINGLE, slice) : []) {
    const start = from + m.index;
    const end = start + m[0].length;
    if (found.some((f) => f.start < end && start < f.end)) continue;
    found.push({ start, end, text: m[0], range: { min: 1, max: 1 }, single: true });
  }
  // "killing a girl, her sister and parents": a couple named by kinship is two, read as a person named is (with its verb
  // or its list beside it).
  for (const m of mayMatch(COUPLE) ? matchesOf(COUPLE, slice) : []) {
    const start = from + m.index;
    const end = start + m[0].length;
    if (found.some((f) => f.start < end && start < f.end)) continue;
    found.push({ start, end, text: m[0], range: { min: 2, max: 2 }, single: true });
  }
  found.sort((a, b) => a.start - b.start);
  // "killing a girl, her sister and parents", "the driver, his wife and their son were wounded": people named one by one
  // in a list are one count, the sum of the list (the verb stands by the list, not by each of its people).
  for (let i = found.length - 2; i >= 0; i--) {
    const first = found[i] as QuantityMention;
    const next = found[i + 1] as QuantityMention;
    if (!first.single || !next.single || !LIST_BETWEEN.test(text.slice(first.end, next.start))) continue;
    const min = (first.range.min ?? 0) + (next.range.min ?? 0);
    found.splice(i, 2, { start: first.start, end: next.end, text: text.slice(first.start, next.end), range: { min, max: min }, single: true });
  }
  // "about 13, 14 were wounded", "13 or 14", "20 to 25": two close figures are one estimate, from the lower up to the higher.
  for (let i = found.length - 2; i >= 0; i--) {
    const low = found[i] as QuantityMention;
    const high = found[i + 1] as QuantityMention;
    if (low.single || high.single || low.range.min === null || high.range.min === null || high.range.max === null) continue;
    const between = text.slice(low.end, high.start);
    // (A comma joins only next figures, "13, 14"; "killing 12, 30 were wounded" is two counts.)
    // "one report says four and another report says nine": conflicting reports of one count, from the lower up to the higher.
    if (CONFLICTING_BETWEEN.test(between) && high.range.min > low.range.min) {
      found.splice(i, 2, { start: low.start, end: high.end, text: text.slice(low.start, high.end), range: { min: low.range.min, max: high.range.max } });
      continue;
    }
    if (!ESTIMATE_BETWEEN.test(between) || high.range.min <= low.range.min || high.range.min > low.range.min * 2 || (between.trim() === "," && high.range.min - low.range.min > 1)) continue;
    found.splice(i, 2, { start: low.start, end: high.end, text: text.slice(low.start, high.end), range: { min: low.range.min, max: high.range.max } });
  }
  return found;
}
/** Between two people of a list: a comma or "and" (a list's last item), nothing else. */
const LIST_BETWEEN = /^\s*(?:,|,?\s+and)\s*$/;
/** Between two figures from different reports ("four and another report says nine", "four, while others put it at nine"). */
const CONFLICTING_BETWEEN =
  /^,?\s+(?:and|but|while|whereas)\s+(?:another|other|a second|the other)\s+(?:reports?|accounts?|sources?|officials?|witnesses)\s+(?:says?|said|puts?\s+(?:it|the (?:toll|number|figure))\s+at|gives?|gave)\s+$/i;
const ESTIMATE_BETWEEN = /^\s*(?:,|or|to|-|–)\s*$/;
