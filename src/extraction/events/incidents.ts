import { type AnalyzedText, type Sentence, type Token } from "../text.js";
import { matchesOf } from "../patterns.js";
import { PatternPrefilter } from "../pattern-literals.js";
import type { CountRange, ExtractedDatePrecision, ExtractedIncident, ExtractedIncidentType, TextRange } from "../types.js";
import { datesCompatible, findDates, SAME_DAY_AS_TOLD, type DateMention } from "./dates.js";
import { placeWithin, type PlaceMatch } from "./gazetteer.js";
import { findQuantities } from "./numbers.js";
import { addCount, copyTolls, emptyTolls, mergeTolls, reconcile, totalOnly, victimGroupOf, type Tolls, type VictimGroup } from "./tolls.js";
import { WEEKDAY_NAMES } from "./calendar-words.js";
import {
  ANAPHORIC_DETERMINERS,
  ARSON_WORD,
  CROWD,
  DISPERSAL_WEAPON,
  FORCE_USED_BEFORE,
  FORCES_HURT_BEFORE,
  KIDNAPPERS_WORD,
  KIDNAPPING_TOLD,
  DIPLOMATIC_POST,
  FATALITY_AFTER,
  CLAIMED_TOLL_BEFORE,
  FATALITY_BEFORE,
  FIGHTERS_KILLED,
  FIGHTING_AS_MODIFIER,
  FORCES_KILLED_FIGHTERS,
  FIGHTING_FIRE_AFTER,
  HYPHENED_PEOPLE,
  INJURY_AFTER,
  INJURY_BEFORE,
  NOT_AN_EVENT_BEFORE,
  TRIGGERS,
  sameFamily,
  strongerType,
} from "./triggers.js";

// Incidents: every trigger word that reports an event becomes a mention with its own place,
// date and casualty counts where its clause gives them; mentions of one event (the same type
// or family at a compatible place and time, or "the attack" referring back) merge into one
// incident. Places a clause does not give come from the story's thread: the last incident
// reported at a compatible time, then the dateline.

/** Where a place sits in the story, as the events pass found it. */
export interface PlacedMention extends PlaceMatch {
  /** Whether a locative word introduces it ("in Basra", "the port of Mersin", "outside Kampala"). */
  readonly locative: boolean;
  readonly sentence: number;
}

interface Mention extends TextRange {
  readonly type: ExtractedIncidentType;
  /** A plural noun ("attacks", "bombings"): may sum up several incidents the story then reports one by one. */
  readonly plural: boolean;
  /** Forces that "came under attack": a fight the story may go on to call one ("Following the fire fight"). */
  readonly cameUnder: boolean;
  /** The region the sentence names beside its locality, which tells two districts of two provinces apart. */
  readonly area: PlacedMention | null;
  readonly sentence: Sentence;
  readonly clause: TextRange;
  /** Where the mention's paragraph starts. */
  readonly paragraphStart: number;
  /** Where the paragraph two before the mention's starts (how far back a town it may be about was named). */
  readonly nearbyStart: number;
  readonly anaphoric: boolean;
  /** One of several places the trigger is reported at ("Near Samarra and Baghdad, forces detained seven"). */
  readonly listedPlace: boolean;
  /** A fight back ("the forces returned fire, killing two"): it points at the incident reported just before it. */
  readonly fightBack: boolean;
  readonly diplomatic: boolean;
  /** Whether the words say it is not one reported before ("another attack", "Separately, ..."). */
  readonly distinct: boolean;
  /** Where the report it opens lies ("Also today, ...": its sentence; a list item: its line): it joins only an incident reported there. */
  readonly scope: TextRange | null;
  /** Whether it is in the headline, whose rounded counts yield to the body's. */
  readonly inHeadline: boolean;
  /** A plural report across a city's parts ("attacks in various districts of Baghdad"): a roundup of the incidents there. */
  readonly acrossParts: boolean;
  /** The time of day its clause gives ("at 1:10 p.m.", "Ten minutes later"), or null. */
  readonly clock: string | null;
  place: PlacedMention | null;
  readonly ownPlace: boolean;
  readonly date: DateMention | null;
  fatalities: CountRange;
  injuries: CountRange;
  /** Its counts by victim group, which `fatalities` and `injuries` are reconciled from (tolls.ts). */
  readonly tolls: Tolls;
  /** An earlier incident the sentence's own came after ("The attack comes a day after drone strikes killed seven"): no roundup. */
  readonly earlier?: boolean;
  /** A reaction that points back ("In Washington, the president condemned the attack"): a place before it is the reactor's. */
  readonly reaction?: boolean;
  /** Forces that killed fighters (the battle words FORCES_KILLED_FIGHTERS, FIGHTERS_KILLED). */
  readonly killsFighters?: boolean;
  /** An arrest in a raid that also killed ("killed two insurgents and detained five"): it carries the raid's dead. */
  readonly raid?: boolean;
  /** A riot that a reference back to the story's protest says it became ("The demonstrations began when hundreds attacked ..."). */
  readonly escalates?: boolean;
  /** One of a few incidents told together ("two other explosions ... killed four"): their toll is given jointly, so it is none of theirs. */
  readonly jointToll?: boolean;
  /** The toll its clause gives another word of the same report ("a car bomb detonated ..., killing six"), when it has none itself. */
  clauseToll?: { readonly fatalities: CountRange; readonly injuries: CountRange };
}

interface Draft {
  type: ExtractedIncidentType;
  /** A protest the story then says became a riot (see CROWD_ATTACK_VERB): "the protest" still points at it. */
  escalated?: boolean;
  mentions: Mention[];
  place: PlacedMention | null;
  date: DateMention | null;
  fatalities: CountRange;
  injuries: CountRange;
  /** Its counts by victim group, which `fatalities` and `injuries` are reconciled from (tolls.ts). */
  readonly tolls: Tolls;
  attributedTo: string | null;
  blamedBy: string | null;
  diplomatic: boolean;
  /** Whether the place came from a mention's own words rather than the story's thread. */
  ownPlace: boolean;
  /** Where its latest mention starts (the story's thread follows the latest incident). */
  lastAt: number;
  /** Started by a plural report over a country or no place ("roadside bomb attacks in southern Afghanistan"): maybe a roundup. */
  readonly roundup: boolean;
  /** Reported as an attack that forces came under. */
  cameUnder: boolean;
  /** The countries its reports' places and regions lie in, and each region with the place named beside it ("region\u0000place"). */
  readonly countries: Set<string>;
  readonly areas: Set<string>;
  /** The sentence that gave its place, which says what that place is named with. */
  placeSentence: string | null;
  /** Started by a reference dated by a possessive day that no incident had, after one of another day ("the site of Wednesday's explosion"). */
  inPassing?: boolean;
  /** Started by one of a few incidents told together with a joint toll (FEW_OTHER_BEFORE): it takes no later report. */
  joint?: boolean;
}

const NONE: CountRange = { min: null, max: null };
const LOCATIVE = new Set(["in", "at", "near", "outside", "inside", "across", "throughout", "around", "into", "on", "within", "off", "toward", "towards", "against", "beyond", "between", "through", "along"]);
const DESTINATION = new Set(["to", "toward", "towards", "for"]);
const PLACE_NOUNS = /^(?:side|sides|edge|streets|suburbs|village|villages|town|towns|city|cities|port|neighbou?rhood|neighbou?rhoods|district|districts|province|provinces|region|regions|suburb|county|capital|island|state|states|outskirts|east|west|north|south|northeast|northwest|southeast|southwest|centre|center|section|part|parts|area|areas|slums?|quarters?|townships?|communes?|municipalit(?:y|ies)|hamlets?|strongholds?|bastions?|heartlands?|hometowns?|enclaves?)$/i;
const RESIDENTS = /^(?:residents|villagers|inhabitants|townspeople)$/i;
// A clause opened by a word that dates by another event ("since forces withdrew ...").
const TIME_CLAUSE_OPENING = /^\s*(?:since|after|before|until)\s/i;
const SUBORDINATORS = new Set(["when", "while", "as", "after", "before", "because", "until", "which", "where", "although", "though", "following", "since"]);
// "a planned protest" is an event's name, not a plan: only "planned" as a verb looks ahead.
const FUTURE = /\b(?:will|would|next|(?<!\b(?:a|an|the)\s)planned|scheduled|expected to|due to)\b/i;
// "officials said on Tuesday" dates the telling, "arrested since Saturday" a span: neither is when it happened;
// "the death toll rose to 41 on Wednesday" dates the count, not the landslide.
const NOT_WHEN = /(?:\b(?:said|say|says|told|announced|(?<!\b(?:the|a|an)\s)reported|added|confirmed|since|until|till)|\b(?:rose|climbed|reached|jumped|increased) to [\d,]+|\b(?:elections?|vote|polls|referendum|runoff|inauguration|summit)(?:\s+held)?)\s+(?:on\s+)?$/i;
// (Nor the day of an election or a summit an incident is about: "protesting a flawed election on December 27".)
// ... unless the day is a possessive that opens the reported clause ("Police said Monday's blast killed"):
// then it dates the event (wire copy also prints the apostrophe as a backquote).
const POSSESSIVE_AFTER = /^['’`]s\b/;
/** Whether date `d` of the text dates a telling or a span, not the event (`from`: its sentence's start). */
// (h18ap: "a cease-fire declared last week", "a street closed last year": a day right after a participle that modifies a noun
// dates that noun's own past, not the incident the sentence reports.)
const NOUN_PARTICIPLE_BEFORE = /\b(?!(?:was|were|is|are|been|be|being|had|has|have|who|which|that|it|they|he|she|we|authorities|officials|police|government|troops|forces|rebels|militants)\s)[a-z][\p{L}-]*\s+(?:declared|signed|closed|imposed|built|opened|agreed|brokered|lifted|established|erected|installed|enacted|adopted|announced|reached)\s+(?:on\s+|in\s+)?$/u;
// (Only a week, a month or a year back: "the curfew imposed Tuesday" may be the incident itself.)
const PAST_PERIOD = /^(?:(?:last|this past|earlier this)\s+(?:week|month|year)|(?:in\s+)?(?:19|20)\d{2})$|\bago$/i;
const PARTICIPLE_OF_NOUN_BEFORE = /\b(?:a|an|the)\s+(?:[a-z][\p{L}-]*\s+){1,3}$/u;
const PAST_PERIOD_AFTER = /^(?:[^.;,]{0,12}?)\s*(?:last\s+(?:year|month|week)|(?:a|one|two|three|several)\s+(?:years?|months?)\s+ago|in\s+(?:19|20)\d{2}|since\b)/i;
const notWhen = (text: string, d: TextRange, from: number): boolean =>
  (NOT_WHEN.test(text.slice(Math.max(from, d.start - 20), d.start)) && !POSSESSIVE_AFTER.test(text.slice(d.end, d.end + 3))) ||
  (PAST_PERIOD.test(text.slice(d.start, d.end)) && NOUN_PARTICIPLE_BEFORE.test(text.slice(Math.max(from, d.start - 40), d.start))) ||
  STATEMENT_DAY_BEFORE.test(text.slice(d.end, d.end + 90).split(/[.;!?](?=\s)/)[0] ?? "");
// "Today the men and women of the Department are mourning the murder of ...", "Today, we condemn the attack": a day that
// opens a statement's own verb dates the statement (mourning, condemning), not what it mourns.
const STATEMENT_DAY_BEFORE = /^,?\s+(?:[\p{L}'’-]+(?:\.\p{L}+)*\.?\s+){0,10}?(?:(?:are|is|am|also|strongly)\s+)?(?:mourn(?:s|ing)?|condemn(?:s|ing)?|deplor(?:es?|ing)|grieves?|grieving|(?:offers?|offering|extends?|extending|express(?:es)?|expressing|sends?|sending)\s+(?:(?:our|its|his|her|their|my|the|deep(?:est)?|sincere(?:st)?|heartfelt)\s+)*(?:condolences|sympathy|sympathies|prayers))\b/iu;
// ("168 personnel have been killed since the mission was established in 2007": a toll since an institution began.)
const CROWD_AS_VICTIMS_AFTER = /^\s+(?:(?:had|have|has)\s+been|were|was|are|being)\s+(?:shot(?:\s+dead|\s+and\s+killed)?|killed|gunned down|beaten|wounded)\b/i;
const PREVIOUS_DAY = /\b(?:the previous day|the day before|a day earlier|the day earlier)\b/i;
/** The day before `day` as a date mention at the words that say so. */
function dayBefore(day: string, start: number, end: number, words: string): DateMention {
  return { ...daysBefore(day, 1, start, words), end };
}
// Twentieth pass (h18y): "On Feb. 16, a soldier was killed ... The next day, another soldier was killed": the day after
// the last day the story told, as "the previous day" is the day before it.
const NEXT_DAY = /\b(?:the next day|the following day|the day after|a day later|the day later)\b(?!\s+(?:that|when|after|before)\b)/i;
/** The day `n` days before `day`, as a date mention at the words that say so. */
function daysBefore(day: string, n: number, start: number, words: string): DateMention {
  const date = new Date(Date.parse(`${day}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
  return { start, end: start + words.length, text: words, date, precision: "day", earliest: date, latest: date };
}
// "Meanwhile, ...", "To the north, ...", "About three hours later, ...", "Also in Mosul, ...": a report the story sets
// beside the last one it dated, on that day.
// ("And 12 civilians were injured when ...": a sentence that opens with "And" goes on with the last one's day; nineteenth pass.)
const SAME_TIME_OPENING = /^(?:And\s(?!then\b)|(?:Meanwhile|Elsewhere|At the same time|Earlier|Later|(?:Farther |Further )?To the (?:north|south|east|west)),|(?:(?:About|Approximately|Some|Nearly|Roughly|Just)\s+)?(?:an?|one|two|three|four|five|six|\d+|several|a few)\s+(?:minutes?|hours?)\s+(?:later|earlier)\b|Also\s+in\s+\p{Lu})/u;
function sameTime(sentence: Sentence, lastDay: string | null): DateMention | null {
  // (h18ag: or words anywhere in it that put it on the day of an incident told before, "Within hours of the Nice attack",
  // "came just hours after a bomb blast": dates.ts's SAME_DAY_AS_TOLD.)
  return lastDay !== null && (SAME_TIME_OPENING.test(sentence.text) || SAME_DAY_AS_TOLD.test(sentence.text)) ? { start: sentence.start, end: sentence.start, text: "", date: lastDay, precision: "day", earliest: lastDay, latest: lastDay } : null;
}
// (A calendar day, "June 23", "March 15", "Oct. 8", names its day as a weekday does: "explosions in Baghdad and Tikrit June 24
// ... A roadside bomb explosion in Baghdad on June 23" are two days.)
const NAMED_DAY = new RegExp(`^(?:on\\s+)?(?:(?:${WEEKDAY_NAMES})|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\\.?\\s+\\d{1,2}|\\d{1,2}\\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*|May\\s+\\d{1,2})$`, "i");
/**
 * "Bombings on Wednesday" after bombings "on Thursday": two days the story names apart are two days, whatever a night
 * between would allow (not "on Tuesday night ... early on Wednesday", nor a gathering "for a second straight day").
 */
function namedDaysApart(draft: Draft, mention: Mention): boolean {
  const a = draft.date;
  const b = mention.date;
  if (a === null || b === null || a.date === b.date || a.precision !== "day" || b.precision !== "day") return false;
  const sentences = [mention.sentence, ...draft.mentions.map((m) => m.sentence)];
  // (The words around a date, read in the sentence that gives it.)
  const around = (d: DateMention): { before: string; after: string } | null => {
    const sentence = sentences.find((x) => x.start <= d.start && d.end <= x.end);
    return sentence ? { before: sentence.text.slice(Math.max(0, d.start - sentence.start - 12), d.start - sentence.start), after: sentence.text.slice(d.end - sentence.start, d.end - sentence.start + 12) } : null;
  };
  // ("Today" and "yesterday" name their days too, in a paragraph of their own: "A soldier died March 15 ... [new paragraph]
  // Today, two mortar explosions were reported": nineteenth pass. Within a paragraph a roundup lists days loosely.)
  const apart = !draft.mentions.some((m) => m.sentence.paragraph === mention.sentence.paragraph);
  const bare = (d: DateMention): boolean => {
    const words = around(d);
    // (A day a toll's sentence gave the incident is read without the words around it.)
    return (NAMED_DAY.test(d.text.trim()) || (apart && /^(?:today|yesterday)$/i.test(d.text.trim()))) && (words === null || (!NIGHT_AFTER.test(words.after) && !EARLY_BEFORE.test(words.before)));
  };
  const running = [...draft.mentions.map((m) => m.sentence.text), mention.sentence.text].some((sentence) => DAY_AFTER_DAY.test(sentence));
  return bare(a) && bare(b) && !running;
}
const NIGHT_AFTER = /^\s+(?:night|evening)\b/i;
const EARLY_BEFORE = /\b(?:early|late)\s+(?:on\s+)?$/i;
const DAY_AFTER_DAY = /\b(?:(?:second|third|fourth|fifth|another)\s+(?:straight\s+|consecutive\s+)?day|consecutive days|days? (?:in a row|running))\b/i;
const SERIES = /^(?:series|wave|spate|string) of\b/i;
/**
 * "The attack comes a day after gunmen killed 15 in Kano", "The blast came just two days after rebels detonated a car bomb",
 * "The violence follows a grenade attack Friday": what the words after it report is an earlier incident, not the one the
 * sentence opens with; group 1 is how many days before ("a day" 1, "two days" 2), group 2 the unit. An uncounted gap
 * ("comes just days after a truck bomb killed 60 on Monday", "came weeks after") splits off the earlier incident as well,
 * with the days its own words give (none counted back).
 */
const COMES_AFTER = /\b(?:(?:comes?|came|coming)\s+(?:just\s+|only\s+|barely\s+|less than\s+)?(?:(?:(a|one|two|three|four|five|six|seven|several|a few|\d+)\s+)?(days?|hours?|weeks?)\s+)?after|follow(?:s|ed)(?!\s+by\b))\s(?!(?:[\p{L}\d-]+\s+){0,2}(?:days?|weeks?|months?|hours?|years?)\s+of\b)/iu;
// ("The raid on the park came a day after ...", "The incident came two days after ...": a subject that points back at a
// told incident, a trigger word or not, is the sentence's own incident when the gap is counted; "The action follows
// Ecuador's expulsion" may name the same act again.)
// (h18ad: or a pronoun for it, "It came a day after a passenger train was bombed".)
/** "came hours before", "comes two days before": a later event told after it (the incident's own words come first). */
const COMES_BEFORE = /\b(?:comes?|came|coming)\s+(?:just\s+|only\s+|barely\s+|less than\s+)?(?:(?:a|one|two|three|four|five|six|seven|several|a few|\d+)\s+)?(?:days?|hours?|weeks?|minutes?)\s+before\s/i;
/** A superlative before an incident word ("the deadliest attack", "the worst such bombing"): a comparison with the past. */
const SUPERLATIVE_BEFORE = /\b(?:deadliest|worst|bloodiest|biggest|largest|strongest|most (?:serious|deadly|violent|powerful))\s+(?:[\p{L}-]+\s+){0,2}$/iu;
/**
 * After a superlative's incident word: an event it is compared with ("since the president visited ..."). (Not "in 14
 * years": "India's strongest cyclone in 14 years" then merges the lede into the storm's landfall, right by the story,
 * but the merged incident's span is the lede while incidents-24's key has the landfall sentence, and the text's
 * "Orrisa" is no gazetteer spelling, so the match was lost; left for a later pass.)
 */
const COMPARED_SINCE_AFTER = /\bsince\b/i;
/**
 * Around a battle report: the attackers told before, killed in a fight ("Police say the suspected rebels were killed in a gun
 * battle with soldiers"): the fight that ended the attack, part of it (h18ah).
 */
const ATTACKERS_KILLED_IN = /\b(?:the|both|all)\s+(?:(?:two|three|four|five|six|[0-9]+|other)\s+)?(?:suspected\s+|alleged\s+)?(?:attackers|assailants|militants|rebels|gunm[ae]n|insurgents|terrorists|raiders|infiltrators)\s+(?:(?:were|had been|have been)\s+)(?:later\s+|also\s+)?(?:shot\s+(?:dead\s+)?|killed\s+)(?:in|during)\s+(?:an?|the)\s+(?:ensuing\s+|subsequent\s+)?(?:gun-?\s*battle|battle|gunfight|fire\s*fight|shoot-?out|exchange of fire|clash)\b/iu;
/** Before an incident word: its victims, told as such ("One of those killed in the", "Among the dead in the"). */
const VICTIMS_OF_BEFORE = /\b(?:(?:those|people|victims|the ones)\s+(?:who\s+(?:were|was|died)\s+)?(?:killed|wounded|injured|hurt|dead)|among\s+the\s+(?:dead|victims|wounded|injured))\s+(?:in|during|by)\s+(?:the|that|this)\s+(?:[\p{L}-]+\s+)?$/iu;
const REFERENCE_SUBJECT = /^\s*(?:(?:the|this|that|its|their|[\p{Lu}][\p{L}]+['’]s)\s+(?:[\p{L}'’-]+\s+){0,5}|(?:it|this|that)\s+(?:also\s+)?)$/iu;
const DAYS_WORD: Record<string, number> = { a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7 };
/** "The same group later attacked a nearby army camp": a later act on a target introduced as new is an incident of its own. */
const LATER_BEFORE = /\b(?:later|then|subsequently|afterwards?)\s+(?:also\s+)?$/i;
const LATER_VERB = /^(?:attacked|stormed|bombed|ambushed|raided|shelled|struck|targeted|hit)$/i;
const NEW_TARGET_AFTER = /^\s+(?:an?|another)\s/i;
// ("On Monday, a series of blasts killed at least six people", "a wave of four bomb attacks ... killed nine Iraqis Sunday":
// a series that is the subject of its own toll is an incident, not the background "the latest in a series of attacks".)
const SERIES_TOLL_AFTER = /^(?![^.;]*\b(?:since|this year|so far|in recent)\b)[^.;:]{0,80}?\b(?:(?:has|have|had)\s+)?(?:killed|wounded|injured|left)\s+(?:(?:at least|more than|nearly|about|some|over)\s+)?(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|scores|hundreds)\b/i;
/** A toll that refers back to a conflict at large ("have died in the fighting", "the violence has killed"). */
const SPAN_REFERENCE = /\b(?:(?:have|has|had)\s+(?:died|been killed|perished|lost their lives)|(?:were|have been) killed)\s+(?:in|during)\s+the\s+(?:fighting|violence|conflict|insurgency|unrest|war|unrest|crisis|uprising|rebellion)\b/i;
const DAY_AFTER = new RegExp(`^\\s+(?:on\\s+)?(?:${WEEKDAY_NAMES}|yesterday|today|last night|overnight)\\b`, "i");
// ("... since rebel groups launched an uprising against the government in 2003": a span from a past year's event.)
// (h18ap: "Last year, rebels launched a wave of attacks on the capital's outskirts": a series a year or more back, told
// to set the scene with no toll of its own, is background, no incident of the story and no day of its lede.)
const FRONTED_PAST = /^\s*(?:(?:Last|Early last|Late last|Earlier last)\s+(?:year|month)|(?:A|One|Two|Three|Several) (?:years?|months?) ago),(?![^.;]*\b(?:killed|killing|dead|died|wounded|wounding|injured|injuring)\b)/;
const SERIES_WORDS = /\b(?:wave|series|spate|string|campaign|rash) of\b/i;
const BACKGROUND = /\bsince (?:(?:19|20)\d{2}\b|the (?:[\p{L}-]+\s+){1,3}(?:was|were) (?:established|created|deployed|launched|formed|founded|set up)\b|[^.;]{0,80}?\b(?:launched|began|started|erupted|broke out)\b[^.;]{0,60}?\bin (?:19|20)\d{2}\b)/iu;
// "the sectarian fighting that left tens of thousands dead in 2006 and 2007", "an insurgency that has killed more than 5,000
// people since ...": a conflict's toll over years, background (the keys' aggregates), no incident nor toll.
const CONFLICT_TOLL = /\b(?:violence|conflict|insurgency|war|fighting|unrest|rebellion|uprising|revolt)(?:\s+(?:across|in|throughout|of)\s+(?:[\p{L}-]+\s+){1,3}?)?\s*(?:that|which)\s+(?:[^.;]{0,40}?\s+and\s+)?(?:has\s+|have\s+|had\s+)?(?:killed|left|claimed)\b[^.;]*?(?:\b(?:in|since|between)\s+(?:19|20)\d{2}\b|\bthousands\b|\b\d{1,3},\d{3}\b)/iu;
// "resentment against the rule exploded in 2004", "protests exploded into violence": a figure of speech, no blast.
const FIGURATIVE_EXPLOSION_BEFORE = /\b(?:anger|resentment|tensions?|frustration|rage|fury|discontent|dispute|row|scandal|controversy|debate|protests?|unrest|violence|crisis)\b(?:\s+[\p{L}-]+){0,5}\s+$/iu;
// "another al-Shabab attack", "a second blast", "Separately, ...": a new incident, whatever it shares with the last.
const ANOTHER_BEFORE = /\b(?:another|a second|a third|a separate|a further)\s+(?:[\p{L}'’-]+\s+){0,2}$/iu;
// (h18ad: "The city's last suicide attack occurred nearly a month ago at the ministry, when ...": the last or previous
// incident of a kind, told with a time of its own, is an earlier incident, not the story's.)
const PREVIOUS_BEFORE = /\b(?:last|previous|prior|preceding)\s+(?:(?:major|big|deadly|fatal|suicide|bomb|car[- ]bomb|terror|terrorist|militant|such|large|serious)\s+){0,2}$/i;
const AGO = /\bago\b|\b(?:in|on|last)\s+(?:(?:Jan|Febr)uary|March|April|May|June|July|August|September|October|November|December|(?:19|20)\d{2})\b/;
// "reinforcements sent from Kismayo were ambushed": an attack on those who came to help after the first is one of its own.
const SECOND_WAVE = /\b(?:reinforcements|rescuers|rescue (?:teams?|workers)|first responders|relief (?:convoys?|columns?))\b/i;
// ("We also condemn the attack on ...", "We further condemn ...": a statement's next condemnation is of another incident.)
const SEPARATELY = /^\s*(?:Separately|Meanwhile|In (?:a )?separate|In another|Elsewhere|Earlier(?: in the day| today| that day| on [A-Z][a-z]+day)?(?=,)|(?:We|I) (?:also|further|likewise) (?:strongly )?(?:condemns?|deplores?|denounces?))\b/;
// What joins an attack to its target: a preposition or verb of aim, and no clause boundary between.
/**
 * A city named as what holds the place after it ("the Damascus suburb of Douma", "the Baghdad neighborhood of Shaab");
 * not a district named before its province ("the Arghandab district of Zabol province": the district is the place).
 */
const CONTAINER_OF_NEXT = /^\s+(?:suburbs?|neighbou?rhoods?|districts?|outskirts|quarters?)\s+of\s/i;
const containerOfNext = (text: string, p: PlacedMention): boolean => p.kind === "city" && CONTAINER_OF_NEXT.test(text.slice(p.end, p.end + 24));
/** A time of day ("at 1:10 p.m.", "around 12:20 p.m.") or a lapse after the last report ("Ten minutes later"). */
const CLOCK = /\b\d{1,2}(?::\d{2})?\s?[ap]\.?m\.?(?=[\s,.;]|$)|\b(?:\d+|a few|few|two|three|four|five|ten|fifteen|twenty|thirty|forty|fifty) (?:minutes|hours) (?:later|after)\b/i;
/** A clause that opens on another victim or device ("Another U.S. patrol was attacked", "A second convoy came under fire"). */
const ANOTHER_OPENING = /^\s*(?:[\p{L}\p{N}:.,' -]{0,30}?,\s+)?(?:another|a second|a third|a fourth)\s/iu;
/** A pointer back with no trigger word that says where it happened ("The incident occurred in", "This incident took place at"; group 1 the noun). */
const INCIDENT_POINTER = /^\s*(?:The|This|That)\s+(?:[\p{L}-]+\s+)?(incident|episode|event)\s+(?=(?:occurred|happened|took place)\s+(?:in|at|near|outside|on)\s)/u;
/** Before a plural place of a trigger: it sums incidents across the place ("attacks in various districts of Baghdad"). */
const ACROSS_PARTS_BEFORE = /\b(?:(?:various|several|different|multiple|many|numerous)\s+(?:districts|parts|areas|neighbou?rhoods|sections|quarters)\s+of|across)\s+(?:the\s+)?$/i;
/** After a trigger: it was stopped before it happened ("an attack on the base was averted", "the plot was foiled"). */
const AVERTED_AFTER = /^\s+(?:[\p{L}\p{N}'’-]+\s+){0,8}?(?:was|were|had been|has been|have been)\s+(?:averted|foiled|thwarted|prevented|disrupted)\b/iu;
/** A place told as the last incident's ("hit the same region", "in the same city"). */
const SAME_PLACE = /\b(?:the same|that same)\s+(?:region|area|city|town|province|district|village|island|state|neighbou?rhood|place|spot|location|site|coast)\b/i;
/** A verb form that a negation before it can deny ("arrested", "caught", "hit"). */
const PARTICIPLE = /^[\p{L}-]+(?:ed|en|ght|ck|ot|ut|it)$/iu;
/** Before a participle: the clause denies it ("no suspects have yet been", "nobody was", "have not been", "hasn't been"). */
const NEGATED_BEFORE = /(?:\b(?:no|nobody|none)\b(?:\s+(?!(?:and|or|but|after|when|as)\s)[\p{L}-]+){0,2}\s+(?:(?:has|have|had|was|were|is|are)\s+)(?:(?:yet|so far|since|immediately|reportedly)\s+)?(?:been\s+)?|\b(?:has|have|had|was|were|is|are)(?:\s+not|n['’]t)\s+(?:(?:yet|so far|since|immediately)\s+)?(?:been\s+)?)$/iu;
/** Before a trigger noun: what someone took something else for ("he thought the explosion was an", "mistook the blasts for"). */
const MISTAKEN_FOR_BEFORE = /\b(?:thought|believed|assumed|mistook|mistaken)\b[^.;:]{0,60}?\b(?:was|were|for)\s+(?:an?|the|some)\s+(?:[\p{L}-]+\s+)?$/iu;
/** After a disaster word: it is still to come ("is being monitored and could hit", "is expected to make landfall"). */
const FORECAST_AFTER = /^\s+(?:[\p{L},-]+\s+){0,6}?(?:(?:is|are)\s+(?:being\s+)?(?:monitored|tracked|forecast|expected|predicted)\b|(?:could|may|might|will|would)\s+(?:also\s+|soon\s+|then\s+)?(?:hit|strike|reach|make landfall|slam|batter|affect|bring|intensify)\b)/iu;
/** After a trigger word: it describes what it struck ("an earthquake-hit area", "flood-stricken villages"). */
const AFFECTED_AFTER = /^-(?:hit|stricken|affected|ravaged|damaged|battered|devastated)\b/i;
/** A site named as a part of its city ("central Kabul", "downtown Nairobi"). */
const CITY_PART = /^(?:central|downtown)\s/;
/** A battle's word for ground taken ("recaptured Awdhegle from al-Shabab"): the place it takes is where it happened. */
const GROUND_TAKEN = /^(?:re-?captured|retook|re-?took|regained control of|captured|seized|took control of)$/i;
/** A fight back ("returned fire", "responded with small-arms fire"). */
const FIGHT_BACK = /^(?:returned|responded|answered)\b/i;
/** Between two dates of a list ("in June and in September"). */
const DATE_LIST_JOIN = /^,?\s+(?:and|or)\s+(?:in\s+|on\s+)?$|^,\s+$/;
/** Between the last two places of a list ("Ramadi, Mosul and Kirkuk"). */
const LIST_JOIN = /^,?\s+(?:and|or)\s+$/;
/** The incidents of a military operations report. */
const OPERATION_TYPES: ReadonlySet<ExtractedIncidentType> = new Set(["arrest", "armed_clash"]);
/** After a fight word: it followed what was just reported ("a gunbattle ensued", "fighting followed"). */
const ENSUED_AFTER = /^\s+(?:then\s+|later\s+)?(?:ensued|followed|broke out afterwards?)\b/i;
/** A crowd right before its verb ("protesters torched", "angry youths then set fire to"). */
/** A crowd's attack verbs. */
const CROWD_ATTACK_VERB = /^(?:attacked|stormed|ransacked|raided|assaulted)$/i;
/** A crowd told by its size alone right before its verb ("hundreds attacked", "thousands of people stormed"). */
const CROWD_NUMBER_BEFORE = /\b(?:hundreds|thousands|dozens|scores)(?:\s+of\s+(?:people|residents|youths|men|locals))?\s+(?:(?:also|then|later)\s+)?$/i;
/** After "clashes": the police as the other side ("with riot police", "with the security forces"). */
const CLASH_WITH_POLICE_AFTER = /^\s+with\s+(?:the\s+)?(?:riot\s+police|police|policemen|security forces|riot officers|anti-riot police)\b/i;
const CROWD_SUBJECT_BEFORE = new RegExp(`${CROWD.source}\\s+(?:(?:also|then|later|had|have|reportedly)\\s+){0,2}$`, "i");
/** A gathering told by its verb, with no protest word ("Relatives gathered outside"); a gathering or crowd named as a noun is what the force dispersed. */
const GATHERING = /\b(?:gathered|assembled|massed)\b/i;
/** Where the wounded were treated ("airlifted to hospitals in Islamabad"): no place of the incident. */
const TREATED_AT_BEFORE = /\b(?:hospitals?|clinics?|medical (?:centers?|centres?|facilit(?:y|ies))|morgues?)\s+(?:in|at)\s+(?:the\s+)?$/i;
// Eighteenth pass, background: a conflict's start in an earlier year ("Originally, fighting broke out in 2003"; group 1
// is the year), a war told by its length ("have been fighting a 30-year guerrilla war", "a decades-long insurgency"), and
// clashes said to be "part of a long-standing feud" are the story's background, no incident of it.
const PAST_ONSET_AFTER = /^\s+(?:first\s+|originally\s+)?(?:broke out|erupted|began|started|flared up)\s+(?:[\p{L}-]+\s+){0,3}?in\s+((?:19|20)\d{2})\b/iu;
const LONG_WAR_AFTER = /^\s+(?:an?\s+|the\s+|their\s+|its\s+)?(?:(?:\d+|[a-z]+)-(?:year|decade)(?:-old|-long)?|decades?-(?:old|long)|years?-long|long-running|long-standing|longstanding)\s+(?:[\p{L}-]+\s+){0,2}?(?:war|insurgency|conflict|campaign|struggle|rebellion|uprising|feud)\b/iu;
const PART_OF_FEUD_AFTER = /^[^.;]{0,80}?\b(?:is|are|was|were)\s+(?:all\s+)?part of\s+(?:an?|the|their|its)\s+(?:[\p{L}-]+\s+)?(?:long-standing|longstanding|long-running|decades-old|decades-long|years-long|age-old|generations-old)\s+(?:[\p{L}-]+\s+){0,2}?(?:feud|conflict|dispute|rivalry|war|struggle|vendetta)\b/iu;
// Eighteenth pass, reactions: "In Washington, President Obama strongly condemned the attack", "Officials of the force in
// Afghanistan also issued a statement condemning the attack": a reaction that points back at the story's incident is about
// that incident; a place named before it is where the reaction was made, no incident of its own there.
const REACTION_BEFORE = /\b(?:condemn(?:s|ed|ing)?|deplor(?:e|es|ed|ing)|denounc(?:e|es|ed|ing)|decr(?:y|ies|ied|ying)|mourn(?:s|ed|ing)?|(?:condolences|sympathy|sympathies)\s+(?:for|over|after))\s+(?:[\p{L}'’-]+\s+){0,3}$/iu;
/** An attack told by its verb ("ambushed", "attacked"): the act of a subject the sentence names. */
const ATTACK_VERB = /^(?:attacked|ambushed|stormed|raided|assaulted|fired on|opened fire)\b/i;
/** Between the forces' killing of fighters and those fighters' attack ("... who ambushed", "... after they attacked"). */
const ATTACKERS_BETWEEN = /^[^.;:]{0,100}?\b(?:who|that|after\s+(?:they|the\s+(?:[\p{L}-]+\s+)?[\p{L}-]+)|when\s+(?:they|the\s+(?:[\p{L}-]+\s+)?[\p{L}-]+)|as\s+they)\s+(?:had\s+|have\s+|allegedly\s+|reportedly\s+|apparently\s+)?$/iu;
/** A fire word. */
const FIRE_WORD = /^(?:(?:massive\s+|huge\s+|large\s+)?(?:blaze|fire|inferno)s?)$/i;
/** Between a blast and a fire it set off ("triggered a massive", "which sparked a"). */
const SET_OFF_BETWEEN = /^[^.;]{0,40}?\b(?:triggered|sparked|caused|set off|started|ignited|touched off)\s+(?:an?\s+|the\s+)?(?:[\p{L}-]+\s+){0,2}$/iu;
/** A passenger vehicle as the subject of "exploded" ("a sedan", "the lead vehicle"; not a tanker, whose blasts are accidents as often). */
const VEHICLE_BEFORE = /\b(?:sedan|car|minibus|van|vehicle|motorcycle|motorbike|rickshaw|bicycle)s?\s+(?:(?:also|then|later|suddenly)\s+)?$/i;
/** After a cause of death, the others listed with it (", famine, and disease", " and hunger"). */
const CAUSES_AFTER = /^,?\s+(?:and\s+)?(?:famine|hunger|disease|diseases|starvation|malnutrition|drought|exposure)\b/i;
/** A release of people held ("were freed unharmed", "was released Sunday"). */
const RELEASE = /\b(?:freed|released|set free|rescued|let go)\b/i;
/** The incidents of a day of unrest: the gathering, its dispersal, the riot and clashes around it, the arrests. */
const UNREST_TYPES: ReadonlySet<ExtractedIncidentType> = new Set(["protest", "riot", "attack", "armed_clash", "arrest"]);
/** Where an incident is first reported in the body (the headline, read last, counts after it). */
const firstReport = (d: Draft): number => Math.min(...d.mentions.filter((m) => !m.inHeadline).map((m) => m.start), Number.MAX_SAFE_INTEGER);
/** Before or after an evacuation word: a casualty's transport for treatment ("medically evacuated to a hospital"). */
// ("The wounded were evacuated to Kandahar Airfield": the casualties' transport too.)
const MEDICAL_BEFORE = /\b(?:medically|medical(?:ly)?-?)\s*$|\b(?:the|all|both)\s+(?:wounded|injured|casualties)\s+(?:\p{L}+\s+)?(?:were|was|have been|had been)\s+(?:later\s+|then\s+)?$/iu;
// ("The troops evacuated their wounded": their own casualties too, whoever's they are.)
const MEDICAL_AFTER = /^\s+(?:by air\s+|by helicopter\s+)?(?:(?:to|for)\s+(?:a |an |the )?(?:[\p{L}-]+\s+){0,4}(?:hospitals?|medical|clinic|treatment|care|aid station)|(?:(?:the|their|its|his|her|our)\s+)?(?:casualties|wounded|injured|dead)\b)/iu;
/** Before "fled": the attackers themselves ("the insurgents had fled the area"). */
const FLEEING_ATTACKERS = /\b(?:insurgents|militants|gunm[ae]n|attackers?|assailants?|suspects?|terrorists|fighters|rebels|bombers?|shooters?|perpetrators)\s+(?:responsible\s+)?(?:had\s+|have\s+|then\s+|later\s+|already\s+)*$/i;
/** After "expel": an armed group, driven out by force. */
const ARMED_GROUP_AFTER = /^\s+(?:the\s+)?(?:(?:al|el)[- ]\p{L}+|insurgents|militants|terrorists|fighters|rebels|the enemy|enemy|Taliban|Islamic State|ISIS|ISIL|jihadists)\b/iu;
/** After an attack word: the group or trade it describes ("bombing networks", "car bomb cell leader", "IED makers"). */
const GROUP_AFTER = /^[\s-]+(?:and\s+[\p{L}-]+\s+)?(?:[\p{L}-]+\s+)?(?:networks?|cells?|rings?|makers?|making|facilitators?|facilitation|components|materials|experts?|emplacers?)\b/iu;
/** Weapons named as objects ("mortar rounds", "IEDs") and a sentence that lists a cache of them. */
const WEAPON = /^(?:(?:improvised explosive|explosive) devices?|IEDs?|mortar (?:rounds|shells)|(?:roadside[ -])?bombs?)$/i;
// A device, not an incident: "a second bomb" is a second device of one attack.
const DEVICE = /^(?:(?:car |roadside[ -])?bombs?|IEDs?|(?:improvised )?explosive devices?|devices?)$/i;
/** A projectile named right before a blast word ("mortar explosions", "a rocket blast"). */
const PROJECTILE_BEFORE = /\b(?:mortar|rocket|artillery|shell|missile|grenade)s?\s+(?:round\s+|shell\s+)?$/i;
const BOMB_WORDS = /\b(?:suicide|bombers?|(?:car|roadside|truck|pipe|nail|pressure[- ]cooker) bombs?|IEDs?|(?:improvised )?explosive devices?|grenades?)\b/i;
const DEVICE_WORD = /\b(?:bombs?|IEDs?|devices?)\b/i;
// ("netted a stockpile of 70 mortar rounds", "a civilian turned in two rounds and an IED": weapons taken in, no attack;
// "observed emplacing roadside bombs": a device being laid, no attack yet.)
// ("Villagers led soldiers to two IEDs": a device shown to the forces is found.)
/** A seizure and the inventory it lists up to the weapon ("seized a large amount of weapons including ..., three mortar rounds"). */
const INVENTORY_BEFORE = /\b(?:seized|confiscated|found|discovered|uncovered|recovered|netted|turned in|handed over)\b[^.;:]*?\b(?:including|included|such as|consisting of)\b[^.;:]*$/i;
const DEVICE_HANDLED_BEFORE = /\b(?:emplac(?:e|es|ed|ing)|found|discovered|uncovered|recovered|seized|destroyed|cleared|defused|investigating|suspected|netted|turned in|handed over|stockpiles?|led\s+(?:[\p{L}-]+\s+){0,3}to)\b[^.;:]*$/iu;
// (Witnesses "in western Somalia say" are where it happened; officials "in Baghdad reported" are where they sit.)
/**
 * From an incident word to a place after it: a telling verb and its teller, where the place is where it was told ("'We condemn
 * these attacks,' said spokesman Richard Boucher in Washington", "the attack ..., the minister told reporters in Paris"):
 * the teller's place, not the incident's (h18an).
 */
const SAID_IN_BETWEEN = /\b(?:said|says|told\s+(?:reporters|journalists))\s+(?:[\p{L}.'’-]+\s+){0,6}?(?:in|from)\s+(?:the\s+)?$/iu;
const OFFICIALS_IN_BEFORE = /\b(?:officials?|spokes(?:man|woman|person)|authorities|command|ministry|headquarters)\s+in\s+(?:the\s+)?$/i;
const TELLING_AFTER = /^\s+(?:said|say|says|reported|reports|told|announced|confirmed)\b/i;
// "In eastern Baghdad today, coalition forces arrested ...": an operations report that opens with its own place and day is a report of its own.
const FRONTED_PLACE_AND_DAY = /^\s*(?:In|Near|Outside|(?:North|South|East|West|Northeast|Northwest|Southeast|Southwest) of)\s+(?:[a-z]+\s+)?[A-Z][\p{L}'’-]*(?:\s+[A-Z][\p{L}'’-]*){0,2}\s+(?:today|yesterday|on\s+[A-Z][a-z]+\.?(?:\s+\d{1,2})?),/u;
const CACHE = /\b(?:weapons? )?caches?\b/i;
/** A report that sums several operations ("detained 16 suspects during multiple operations today"), like a plural trigger. */
const OPERATIONS = /\b(?:during|in|throughout|as they continued|in a series of)\s+(?:(?:multiple|several|separate|various|numerous|coordinated|combined|joint|recent|two|three|four|five|\d+)\s+)*(?:[\p{L}-]+\s+){0,2}(?:operations|raids|missions)\b|\btoday and yesterday\b|\byesterday and today\b|\b(?:over|in|during) the (?:past|last) (?:two|three|four|five|six|seven|several|few|\d+) days\b/iu;
const TARGET_BETWEEN = /^[^,;.]*\b(?:at|on|against|into|targeting|targeted|struck|hit|stormed)\s+(?:[\p{L}'’-]+\s+){0,3}$/u;
const VIOLENT: readonly ExtractedIncidentType[] = ["attack", "explosion", "armed_clash", "riot", "protest", "other"];

/** A service member killed, or dead of wounds or at a place ("One soldier ... was killed near X", "A Marine died July 24 from wounds"); group 1 is the verb. */
const SERVICE_DEATH = /\b(?:soldiers?|marines?|sailors?|airm[ae]n|service ?members?|servicem[ae]n|troopers?|paratroopers?|guardsm[ae]n|peacekeepers?)\b[^.;:"“”]{0,140}?\b((?:was|were|has been|have been) killed|died(?=\s+(?:(?:today|yesterday|[A-Z][a-z]{2,8}\.? \d{1,2})\s+)?(?:(?:from|of) (?:wounds|injuries)|(?:in|near|outside|at)\s)))/u;
/** Many people killed, told with no incident word ("over 170 Malians, including women and children, were killed Saturday"); group 1 is the verb. */
/** "A man armed with a knife killed three people", "a teenager wielding a machete wounded four": a person armed, harming people. */
const ARMED_PERSON_HARMED = /\b(?:man|woman|men|women|youth|youths|teenager|boy|assailant|attacker|person|individual|suspect)\s+(?:who was\s+)?(?:armed with|wielding|brandishing|carrying)\s+(?:an?\s+|two\s+)?(?:[\p{L}-]+\s+)?(?:knife|knives|gun|guns|handgun|rifle|pistol|machete|axe|ax|sword|shotgun|firearm|hammer)s?\b[^.;"“”]{0,60}?\b((?:killed|stabbed|shot|wounded|injured|hacked)(?:\s+(?:and|to)\s+(?:killed|death))?)\s+(?=(?:at least|more than|about|some|nearly|an?|one|two|three|four|five|six|seven|eight|nine|ten|several|\d+|his|her|their)\b)/iu;
/** An armed group that killed people counted, told with no incident word ("terrorists killed eleven people"); group 1 is the verb. */
const ARMED_GROUP_KILLED = /\b(?:terrorists|militants|insurgents|gunmen|rebels|extremists|attackers|assailants|jihadists|bombers|bandits)\s+(?:have\s+|had\s+)?(killed|massacred|slaughtered)(?=\s+(?:(?:at least|more than|about|some|nearly)\s+)?(?:\d[\d,]*|dozens|scores|hundreds|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|twenty|thirty|forty|fifty|(?:[a-z]+-)?(?:hundred|thousand))(?:-[a-z]+)?\s+(?:[\p{L}-]+\s+)?(?:people|persons|civilians|villagers|residents|worshippers|passengers|students|children|women|men|pilgrims)\b)/iu;
const MANY_KILLED = /\b(?:\d[\d,]*|dozens|scores|hundreds)\s+(?:[\p{L}-]+\s+)?(?:people|civilians|villagers|residents|worshippers|[A-Z]\p{L}+(?:ans|ese|is))\b[^.;:"“”]{0,80}?(?<!\b(?:may|might|could|would|to|feared|believed)\s)\b((?:were|have been|had been) (?:reported(?:ly)?\s+)?(?:killed|massacred|slaughtered))\b/u;
// (Twenty-second pass, h18ab: a count in words from three up, "Eight people were killed by gunmen in a village": a
// massacre told by its toll, as one in digits is. Only people at large: "Three Malians, a Frenchman and a Belgian were
// killed" lists the victims of an attack told before. "One" and "two" are too few for a massacre with no incident word.)
const MANY_KILLED_WORDS = /\b(?:[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|[Ee]leven|[Tt]welve|[Tt]hirteen|[Ff]ourteen|[Ff]ifteen|[Ss]ixteen|[Ss]eventeen|[Ee]ighteen|[Nn]ineteen|[Tt]wenty|[Tt]hirty|[Ff]orty|[Ff]ifty)(?:-[a-z]+)?\s+(?:[\p{L}-]+\s+)?(?:people|persons|civilians|villagers|residents|worshippers)\b[^.;:"“”]{0,80}?(?<!\b(?:may|might|could|would|to|feared|believed)\s)\b((?:were|have been|had been) (?:reported(?:ly)?\s+)?(?:killed|massacred|slaughtered))\b/u;
/**
 * Bodies counted and found shot, executed or bound (h18al: "the bodies of at least 30 men apparently shot in the head were
 * found"): a mass killing told by its dead, an attack with that toll; group 1 is the word of the killing. Bodies of people
 * killed in a flood or a crash are none ("shot", "executed" and the like only).
 */
const BODIES_SHOT = /\bbodies of\s+(?:(?:at least|more than|some|about|nearly|over|around)\s+)?(?:\d[\d,]*|dozens|scores|hundreds|[a-z]+(?:-[a-z]+)?)\s+(?:[\p{L}-]+\s+){0,2}?(?:people|persons|men|women|civilians|victims|youths|boys|villagers|residents|prisoners|detainees)\b[^.;:"“”]{0,80}?\b((?:shot|executed|beheaded|tortured|blindfolded|with (?:gunshot|bullet) wounds|with (?:their|his) hands (?:tied|bound)))/iu;
/** People counted and then killed or hurt ("20 people, including women and children, were wounded"); group 1 is the verb. */
/** MANY_KILLED_WORDS in a sentence, unless a speaker tells it inside a quotation or it counts "so far" (a running tally). */
function manyKilledInWords(text: string, sentence: Sentence, paragraphStart: number): RegExpExecArray | null {
  const m = MANY_KILLED_WORDS.exec(sentence.text);
  if (!m || /\bso far\b/i.test(sentence.text)) return null;
  return ((text.slice(paragraphStart, sentence.start + m.index).match(/["“”]/g) ?? []).length % 2) === 1 ? null : m;
}
const COUNTED_HURT = /\b(?:\d[\d,]*|dozens|scores|hundreds|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty)\s+(?:[\p{L}-]+\s+){0,2}?(?:people|persons|civilians|villagers|residents|workers|children|women|men|soldiers|troops|police(?:men)?|officers|guards|passengers|pilgrims|worshippers|students|[A-Z]\p{L}+(?:ans|ese|is))\b[^.;:"“”]{0,80}?(?<!\b(?:may|might|could|would|to|feared|believed)\s)\b((?:were|have been|had been) (?:reported(?:ly)?\s+)?(?:killed|wounded|injured|hurt))\b/u;
/** Some of a group already named, killed ("Two of the men were killed"); group 1 is the verb. */
const PARTITIVE_KILLED = /\b(?:one|two|three|four|five|six|seven|eight|nine|ten|several|some|\d+)\s+of\s+(?:the|them|those|these)\b(?:\s+[\p{L}-]+){0,2}?\s+(?:was|were)\s+((?:shot and\s+)?killed)\b/iu;
/** Deaths that are no act of war. */
const NOT_IN_ACTION = /\b(?:accidents?|accidental|non-?combat|illness|natural causes|crash(?:ed)?|drown(?:ed|ing)|self-inflicted|heart attack|under investigation)\b/i;
/** Before a participle used as an adjective ("another captured suspect"). */
const PARTICIPLE_DETERMINER_BEFORE = /\b(?:another|the|a|an|each|every|all|both|those|these)\s+$/i;
/** After it: the people it describes. */
// ("The captured cell members are believed to have ...": members of a group too.)
const PEOPLE_AFTER = /^\s+(?:[\p{L}-]+\s+)?(?:suspects?|members?|m[ae]n|insurgents?|militants?|terrorists?|fighters?|individuals?|persons?|people|detainees?|soldiers?|journalists?)\b/iu;
/** Detentions that go on with an operation told before ("also detained", "as a result of the operation"). */
// ("The wounded militant received medical care, and he was detained along with two others": the fight's wounded, detained.)
const RAID_FOLLOW_UP = /\b(?:also|later|then)\s+(?:detained|arrested|captured)\b|\b(?:wounded|injured|surviving)\s+(?:militants?|insurgents?|fighters?|suspects?|extremists?|terrorists?|gunm[ae]n|m[ae]n)\b[^.;]{0,80}?\b(?:was|were)\s+(?:later\s+|then\s+|also\s+)?(?:detained|arrested|captured)\b|\b(?:during|in|as a result of|after)\s+the\s+(?:operation|raid|search)\b/i;
/** A reference back at an operation ("during the operation", "in the raid"). */
const OPERATION_REFERENCE = /\b(?:during|in|throughout)\s+the\s+(?:operation|raid|search|mission|sweep)\b/i;
/** Forces killing fighters as they raid ("forces ..., killing eight extremists", "killed an al Qaeda member"): a raid's dead. */
const RAID_KILLING = /\b(?:forces?|troops|soldiers|police|commandos|marines|patrol|army|team|unit)\b[^.;:]{0,160}?\b(?:killed|killing)\s+(?:(?:at least|more than|about|some|nearly)\s+)?(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|\d+)\s+(?:[\p{L}'’-]+\s+){0,3}?(?:insurgents?|militants?|fighters?|extremists?|terrorists?|rebels?|gunm[ae]n|suspects?|combatants?|enemy|members?)\b/iu;
/**
 * After forces' killing of fighters, a search for someone or an operation to arrest ("a security force killed seven insurgents
 * and captured 30 others during a search for a Taliban leader"): the raid is one arrest carrying its dead (the keys, from
 * incidents-19 on: ACLED's arrests with a toll), no battle beside it. The raid rule's one home with RAID_KILLING below.
 */
const RAID_SEARCH_AFTER = /^[^.;]{0,200}?\b(?:during|in|while)\s+(?:(?:an?|the)\s+)?(?:search(?:ing)?\s+for|(?:[\p{L}-]+\s+)?operations?\s+(?:to\s+(?:arrest|capture|detain)|in\s+search\s+of))\b/iu;
/** After an attack someone was involved in, its own toll in a relative clause ("... in X last month that killed one civilian"). */
/** The words before an incident that a person took part in or is charged with (NOT_AN_EVENT_BEFORE's), where its own toll makes it an incident. */
const INVOLVED_IN = /^(?:involved in|suspected of|accused (?:[\p{L}-]+\s+){0,3}?of|wanted for|responsible for)\b/iu;
const INVOLVED_TOLL_AFTER = /^[^.;]{0,80}?\b(?:that|which)\s+(?:killed|wounded|injured)\s+(?:(?:at least|more than|about|some|nearly)\s+)?(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\b/iu;
/** A capture of people counted and called "others" after the dead ("capturing six others", "detained more than 30 others"); group 1 is the verb. */
const RAID_CAPTURE_OTHERS = /\b(captur(?:ed|ing)|detain(?:ed|ing)|arrest(?:ed|ing))\s+(?:(?:at least|more than|about|some|nearly)\s+)?(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|dozens|\d+)\s+others\b/iu;
/** Merges two count ranges from reports of one incident: the highest floor, the lowest ceiling. */
export function mergeRanges(a: CountRange, b: CountRange): CountRange {
  const min = a.min === null ? b.min : b.min === null ? a.min : Math.max(a.min, b.min);
  let max = a.max === null ? b.max : b.max === null ? a.max : Math.min(a.max, b.max);
  if (min !== null && max !== null && max < min) max = null;
  return { min, max };
}

/**
 * Records a sentence's count in a mention's or an incident's toll, by its victim group, and reconciles the toll
 * (tolls.ts): a count of others ("At least 12 others were injured") adds to what was counted before it, a count of
 * one group restates it, a count of another group adds to it.
 */
function recordCount(holder: { fatalities: CountRange; injuries: CountRange; readonly tolls: Tolls }, count: CasualtyCount, byGroup = true): void {
  const group: VictimGroup = count.others ? `others@${count.at}` : byGroup ? count.group : "generic";
  addCount(holder.tolls.fatalities, group, count.fatalities);
  addCount(holder.tolls.injuries, group, count.injuries);
  holder.fatalities = reconcile(holder.tolls.fatalities);
  holder.injuries = reconcile(holder.tolls.injuries);
}

/** Clause boundaries of a sentence: semicolons, ", and"/", but", and subordinating words. */
export function clausesOf(sentence: Sentence): TextRange[] {
  const cuts: number[] = [];
  sentence.tokens.forEach((token, i) => {
    if (i === 0) return;
    const lower = token.text.toLowerCase();
    const previous = sentence.tokens[i - 1];
    if (token.text === ";" || token.text === "—") cuts.push(token.end);
    else if (previous?.text === "," && (lower === "and" || lower === "but")) cuts.push(previous.start);
    else if (SUBORDINATORS.has(lower) && (token.pos === "SCONJ" || previous?.text === "," || lower === "which" || lower === "where" || lower === "when")) cuts.push(token.start);
  });
  const ranges: TextRange[] = [];
  let start = sentence.start;
  for (const cut of cuts) {
    if (cut > start) ranges.push({ start, end: cut });
    start = cut;
  }
  ranges.push({ start, end: sentence.end });
  return ranges;
}

/** Whether a place mention is introduced as a location: a locative preposition before it, through its modifiers. */
export function isLocative(sentence: Sentence, place: PlaceMatch, others: readonly PlaceMatch[]): boolean {
  const before = sentence.tokens.filter((t) => t.end <= place.start);
  for (let i = before.length - 1, steps = 0; i >= 0 && steps < 7; i--, steps++) {
    const token = before[i] as Token;
    const lower = token.text.toLowerCase();
    // ("the joint U.N.-African Union Mission in Darfur": the place in a mission's name is its area, no locative.)
    if (LOCATIVE.has(lower)) return !(lower === "in" && /^Missions?$/.test(before[i - 1]?.text ?? ""));
    // "expelled Ecuador's ambassador to Washington": where an envoy is posted is where a diplomatic act on them happens.
    if (lower === "to" && /^(?:ambassadors?|envoys?|consuls?|diplomats?|charg[eé]s?)$/i.test(before[i - 1]?.text ?? "")) return true;
    if (lower === "of") {
      const head = before[i - 1];
      // "Residents of Yeed say ..." speak from where it happened (not "assaults against the residents of X").
      const speakers = head !== undefined && RESIDENTS.test(head.text) && (i < 2 || !["DET", "ADP"].includes((before[i - 2] as Token).pos));
      // "in Wum of the Northwest Region": the region that holds a name introduced as a location is located too.
      if (head !== undefined && head.pos === "PROPN" && !PLACE_NOUNS.test(head.text) && !RESIDENTS.test(head.text)) {
        for (let j = i - 1; j >= 0 && j >= i - 4; j--) {
          const word = before[j] as Token;
          if (LOCATIVE.has(word.text.toLowerCase())) return true;
          if (word.pos !== "PROPN" && word.text !== "-") return false;
        }
        return false;
      }
      if (head === undefined || (!PLACE_NOUNS.test(head.text) && !speakers)) return false;
      // "the town of Chibok" names a place; what governs it says whether it is where things
      // happened ("in the town of") or where people went ("fled to the town of").
      for (let j = i - 2; j >= 0 && j >= i - 6; j--) {
        const word = (before[j] as Token).text.toLowerCase();
        // ("took to the streets of Lome": the idiom's streets are where the crowd was.)
        if (DESTINATION.has(word)) return /^streets$/i.test(head.text);
        if (word === "and" || word === "or") {
          // "fled to Maiduguri and the nearby town of Chibok": as located as what it is coordinated with.
          const coordinated = others.find((o) => o.end <= (before[j] as Token).start && o.end >= (before[j] as Token).start - 2);
          return coordinated === undefined || isLocative(sentence, coordinated, others);
        }
        if (LOCATIVE.has(word)) return true;
        if (!["DET", "ADJ", "NOUN", "PROPN"].includes((before[j] as Token).pos)) break;
      }
      return true;
    }
    if ((lower === "and" || lower === "or" || lower === ",") && others.some((o) => o.end <= token.start && o.end >= token.start - 2)) {
      // "in Rawalpindi and Peshawar": a place coordinated with a located place is located too.
      const previous = others.find((o) => o.end <= token.start && o.end >= token.start - 2);
      return previous !== undefined && isLocative(sentence, previous, others);
    }
    // (Twenty-first pass, h18aa: "in Kozhikode and neighboring Malappuram": "neighboring", whatever its tag, modifies the name.)
    if (["DET", "ADJ", "PROPN", "NOUN", "NUM", "PART"].includes(token.pos) || token.text === "-" || token.text === "'s" || token.text === "’s" || /^(?:neighbou?ring|nearby)$/i.test(token.text)) continue;
    // "in the capital, Mogadishu": the name in apposition to a place noun is as located as the noun.
    if (token.text === "," && before[i - 1] !== undefined && PLACE_NOUNS.test((before[i - 1] as Token).text)) continue;
    return false;
  }
  return false;
}

/** After a trigger noun: its victim or target with an indefinite article or a count ("of a Cameroonian marine", "on two convoys"). */
const NEW_OBJECT_AFTER = /^\s+(?:of|on|against)\s+(?:an?|two|three|four|five|six|seven|eight|nine|ten|\d+)\s/i;
const ORDINAL = /^(?:first|second|third|fourth|fifth|sixth|1st|2nd|3rd|4th|5th|6th)$/;
/** What may stand before an ordinal that opens a report ("The", "In the", "And the"). */
const ORDINAL_OPENING = /^\s*(?:(?:And|But|In|During)\s+)?(?:the|The)\s+$/;
const WEEKDAY_OR_DAY = new RegExp(`^(?:${WEEKDAY_NAMES}|yesterday|today|Yesterday|Today)$`);
/** Whether the trigger at `index` of `tokens` is a noun phrase that points back ("the attack", "these attacks"). */
function anaphoricAt(tokens: readonly Token[], trigger: TextRange, text: string): boolean {
  const index = tokens.findIndex((t) => t.start >= trigger.start);
  if (index < 0) return false;
  const head = tokens[index] as Token;
  const word = text.slice(trigger.start, trigger.end);
  // "the fighting in the area", "the shooting stemmed from": a gerund right after a determiner that
  // ends its noun phrase is a noun that points back (not "the shooting death of", a modifier).
  if (/ing$/i.test(word) && ANAPHORIC_DETERMINERS.has((tokens[index - 1]?.text ?? "").toLowerCase()) && !["NOUN", "PROPN"].includes(tokens[index + 1]?.pos ?? "")) return true;
  if (head.pos === "VERB" || /(?:ed|ing)$/i.test(word)) return false;
  // "the murder of a gendarme", "the bombing of a mosque": a victim or target introduced as new makes the incident new.
  if (NEW_OBJECT_AFTER.test(text.slice(trigger.end, trigger.end + 24))) return false;
  for (let i = index - 1; i >= 0 && i >= index - 4; i--) {
    const token = tokens[i] as Token;
    const lower = token.text.toLowerCase();
    // "The first attack was Dec. 5, 2014", "In the second attack, ...": an ordinal that opens its sentence counts
    // incidents apart (not "not far from the first blast", a reference back).
    if (ORDINAL.test(lower) && ORDINAL_OPENING.test(text.slice(tokens[0]?.start ?? 0, token.start))) return false;
    if (ANAPHORIC_DETERMINERS.has(lower)) return true;
    // "Wednesday's explosion", "yesterday's attack": a noun dated by a possessive day points back to the day's incident.
    if (/^['’]s$/.test(lower) && WEEKDAY_OR_DAY.test(tokens[i - 1]?.text ?? "")) return true;
    if (["ADJ", "NOUN", "PROPN"].includes(token.pos) && !/^\d{4}$/.test(token.text)) continue;
    return false;
  }
  return false;
}

/** A country adjective in the trigger's noun phrase ("Iranian military parade attack" -> Iran). */
function demonymInPhrase(tokens: readonly Token[], trigger: TextRange, places: readonly PlacedMention[]): PlacedMention | null {
  const index = tokens.findIndex((t) => t.start >= trigger.start);
  for (let i = index - 1; i >= 0 && i >= index - 4; i--) {
    const token = tokens[i] as Token;
    const hit = places.find((p) => p.demonym && p.start <= token.start && p.end >= token.end);
    if (hit) return hit;
    if (!["ADJ", "NOUN", "PROPN"].includes(token.pos)) return null;
  }
  return null;
}

// "in coordination with Australia, Britain, ... and Spain": the countries that act together with the subject.
const COORDINATED_WITH = /\b(?:in (?:coordination|concert|tandem) with|together with|along with|alongside|joined by)\s+(?:the\s+)?/gi;

/** The countries listed right after "in coordination with" following a diplomatic trigger (each joined by a comma or "and"). */
function coordinatedCountries(text: string, sentence: Sentence, trigger: TextRange, sentencePlaces: readonly PlacedMention[]): PlacedMention[] {
  // The phrase within a few words of the trigger's object ("expel Syria's most senior representative in coordination with").
  const tail = text.slice(trigger.end, Math.min(sentence.end, trigger.end + 90));
  const phrase = matchesOf(COORDINATED_WITH, tail)[0];
  if (!phrase) return [];
  const from = trigger.end + phrase.index + phrase[0].length;
  const after = sentencePlaces.filter((p) => p.start >= from && !p.demonym).sort((a, b) => a.start - b.start);
  const first = after[0];
  if (!first || first.kind !== "country" || first.start !== from) return [];
  const out = [first];
  for (const next of after.slice(1)) {
    const last = out[out.length - 1] as PlacedMention;
    if (next.kind !== "country" || !/^,?\s+(?:and\s+)?(?:the\s+)?$|^,\s*(?:the\s+)?$/i.test(text.slice(last.end, next.start))) break;
    out.push(next);
  }
  return uniqueByName(out).filter((p) => p.end <= sentence.end);
}

/** The types whose words count harm ("killed in violence across the country"): running totals when spread over a country. */
const HARMS = new Set(["attack", "explosion", "armed_clash", "riot", "other"]);
/** Words that spread an incident over a whole country ("a nationwide strike", "protests across the country"). */
const NATIONWIDE = /\b(?:nationwide|nation-wide|countrywide|country-wide|(?:across|throughout|all over)\s+the\s+(?:country|nation))\b/i;
/** The types of act a country itself performs (it closes its border, expels an envoy). */
const STATE_ACTS = new Set(["closure", "diplomatic_action"]);
/** Between the last subject country and its verb: auxiliaries and adverbs ("have also", "both"). */
const SUBJECT_TO_VERB = /^\s+(?:(?:have|has|had|also|both|each|then|later|since|temporarily|partially|already)\s+)*$/i;

/** The countries coordinated as the subject right before a trigger in its clause ("Lithuania and Latvia closed"), in order. */
function subjectCountries(text: string, clause: TextRange, trigger: TextRange, sentencePlaces: readonly PlacedMention[]): PlacedMention[] {
  const before = sentencePlaces.filter((p) => p.start >= clause.start && p.end <= trigger.start && !p.demonym).sort((a, b) => a.start - b.start);
  const last = before.at(-1);
  if (!last || last.kind !== "country" || !SUBJECT_TO_VERB.test(text.slice(last.end, trigger.start))) return [];
  const out = [last];
  for (let i = before.length - 2; i >= 0; i--) {
    const previous = before[i] as PlacedMention;
    if (previous.kind !== "country" || !/^(?:,\s*|,?\s+and\s+)$/.test(text.slice(previous.end, (out[0] as PlacedMention).start))) break;
    out.unshift(previous);
  }
  // (The list opens the clause: "Lithuania and Latvia closed", not "talks with Lithuania and Latvia closed".)
  const opening = text.slice(clause.start, (out[0] as PlacedMention).start);
  return /^\s*(?:[A-Z][a-z]+,\s+)?(?:the\s+|The\s+)?(?:(?:last|this|earlier|on)\s+\w+,?\s+)?(?:both\s+|Both\s+)?$/.test(opening) || /(?:^|[,;]\s*)(?:and\s+)?$/.test(opening) ? uniqueByName(out) : [];
}

const uniqueByName = (places: readonly PlacedMention[]): PlacedMention[] => [...new Map(places.map((p) => [p.name, p])).values()];

// "The United States is expelling", "which are also expelling": an act under way as the story is written.
const UNDER_WAY_BEFORE = /\b(?:is|are)\s+(?:also\s+|now\s+)?$/i;
/** Whether a mention sits inside a quotation of its sentence (an odd number of quotation marks before it). */
const insideQuotes = (text: string, m: Mention): boolean => ((text.slice(m.sentence.start, m.start).match(/["“”]/g) ?? []).length % 2) === 1;
/** A verb in the present perfect ("a roadside bomb has killed six", "police have opened fire", "has been detained"): news of the day. */
const PRESENT_PERFECT = /\b(?:has|have)\s+(?:(?:also|now|reportedly|allegedly|just)\s+)?(?:been\s+)?(?:[a-z]+ed|struck|left|blown|shot|hit|taken|thrown|torn|stolen|fought|sent|held|caught|set|spread|broken|begun|risen|come)\b/;
/** A statement's present-tense condemnation ("The United States strongly condemns", "We condemn"). */
const CONDEMNS = /\b(?:condemns?|deplores?|denounces?)\b/;
/** A span the present perfect runs over ("that have occurred over the past few weeks"): no day. */
const PERFECT_SPAN = /\b(?:(?:over|in|during|for|within) the (?:past|last)|since|recent(?:ly)?|for (?:days|weeks|months|years))\b/i;

/** The publication day, for a trigger in the present progressive ("is expelling") outside quotes; else null. */
const STILL_GOING_ON_AFTER = /^\s+(?:that|which)\s+(?:are|is)\s+(?:still\s+)(?:under\s?way|going on|continuing|raging|ongoing)\b/i;
function presentProgressive(text: string, sentence: Sentence, trigger: TextRange, published: string | null): DateMention | null {
  if (!published) return null;
  // (Twenty-second pass, h18ab: "riots that are still under way in the capital": an incident still going on is of the publication day.)
  const goingOn = STILL_GOING_ON_AFTER.test(text.slice(trigger.end, Math.min(sentence.end, trigger.end + 48)));
  if (!goingOn && (!/ing$/i.test(text.slice(trigger.start, trigger.end)) || !UNDER_WAY_BEFORE.test(text.slice(Math.max(sentence.start, trigger.start - 20), trigger.start)))) return null;
  return { start: trigger.start, end: trigger.end, text: text.slice(trigger.start, trigger.end), date: published, precision: "day", earliest: published, latest: published };
}

/** One casualty count of a sentence: where its number is, and whether its cue came before it ("killing 25"). */
interface CasualtyCount {
  readonly at: number;
  readonly cueBefore: boolean;
  /** "12 others were injured": victims besides those another sentence counted. */
  readonly others?: boolean;
  readonly fatalities: CountRange;
  readonly injuries: CountRange;
  /** Who the victims are (tolls.ts): a count of one group restates it, of another adds to it. */
  readonly group: VictimGroup;
}

/** Between a report at a list of places and its toll, the toll counted for each ("... in A and B on Friday each killed"). */
const EACH_BETWEEN = /^[^;:]{0,80}?\beach\s+(?:(?:has|have|had)\s+)?(?:claimed|killed|left|wounded|injured|took)\b[^;:]{0,60}$/i;

/** A toll that has grown ("the death toll has risen to", "climbed to at least") before its count. */
const RISEN_TO_BEFORE = /\b(?:risen|rose|climbed|jumped|increased|grown|reached)\s+(?:to\s+)?(?:at least\s+|more than\s+)?$/i;
/** From a grown toll's count to the incident word it is of ("58 from a suicide bombing", "40 in the attack"). */
const TOLL_OF_BETWEEN = /^[\d,]+\s+(?:(?:people|dead|deaths|killed)\s+)?(?:from|in)\s+(?:an?|the)\s+(?:[\p{L}-]+\s+){0,2}$/u;

/** Adds two counts of different victims ("six soldiers and 19 militants were killed" is 25). */
export function sumRanges(a: CountRange, b: CountRange): CountRange {
  return { min: a.min === null || b.min === null ? (a.min ?? b.min) : a.min + b.min, max: a.max === null || b.max === null ? null : a.max + b.max };
}

// A sentence that totals many events ("A total of 15 peacekeepers have been killed this year",
// "The conflict has killed more than 1,000 people", "... in the past two weeks alone",
// "Thousands have been killed in the fighting since 2006", "... in more than a week of protests", a sentence that opens
// "Over the past week, clashes ... have killed 45")
// gives no incident's toll, nor does a count since a day ("pushed to 117 the number of soldiers killed
// since ...") or of a war ("the 115 soldiers who were killed during the war"); a running total in a clause of its own ("..., bringing the number of
// troops killed since the start of the war to 149") takes only that clause's counts.
// (Twenty-second pass, h18ab: "More than 200,000 people have been killed during the country's decades-long conflicts": the toll of
// a long war, not of the incident the story reports.)
const AGGREGATE = /\b(?:(?:the|this|that) (?:violence|conflict|insurgency|war|fighting|unrest|crisis),? (?:(?:which|that) )?(?:has|have) (?:killed|left|claimed)|(?:is|are|was|were) responsible for (?:the )?(?:killing|killings|deaths?|murders?) of|(?:is|are|was|were) responsible for killing|a total of|in total|so far this year|this year alone|(?:have|has) been (?:killed|wounded|injured)\b[^.;]{0,30}?\bthis (?:week|month)|(?:attacks|bombings|killings|assassinations|clashes) (?:earlier )?this year|since (?:the start|(?:19|20)\d{2})|in recent (?:weeks|months|years)|over the (?:past|last) (?:year|decade|\d+ years)|(?:in|over|during) the (?:past|last) (?:few |several |\w+ )?(?:days|weeks|months|years) alone|^(?:in|over|during) the (?:past|last) (?:week|month|year|(?:few |several |two |three )(?:days|weeks|months))\b|(?:in|over|during) (?:more than |nearly |almost |over |about )?(?:a|an|one|two|three|four|five|six|several|\d+) (?:days?|weeks?|months?|years?) of (?:protests?|demonstrations?|fighting|violence|clashes|unrest|attacks)|the number of\b[^.;]*\b(?:killed|dead|died|wounded)\b[^.;]*\bsince|(?:killed|died) (?:during|in) the (?:war|conflict|invasion)(?![\p{L}-])|(?:killed|died|injured|wounded) in the (?:[\p{L}-]+\s+){0,2}?(?:days?|weeks?|months?|year)-long\b|\b(?:clashes|protests|demonstrations|unrest|violence|fighting) so far|(?:killed|died|dead)\b[^.;]{0,60}?\b(?:during|in|over)\s+(?:the\s+|[\p{L}’']+['’]s\s+)?(?:decades?|years?|generations?)-(?:long|old)\b)\b/iu;
/** Before a count: the dead and the hurt counted together ("killed and injured", "killing or wounding"). */
const JOINT_TOLL_BEFORE = /\bkill(?:ed|ing|s)?\s+(?:and|or)\s+(?:injur|wound)(?:ed|ing|s)?\s+(?:(?:at least|more than|nearly|about|some|over|up to)\s+)?$/i;
const LEFT_BEFORE = /\b(?:left|leaving|leaves)\s+(?:(?:at least|more than|nearly|about|some|over|another)\s+)?$/i;
const RUNNING_TOTAL = /,\s*(?:bringing|raising|pushing|taking)\b[^,;]*$/i;

/** Between a counted victim and the next count of the same verb ("three soldiers and", "two U.S. soldiers and"). */
const MORE_VICTIMS_BETWEEN = /^\s+(?:[\p{L}'’.-]+\s+){0,4}and\s+$/u;
/** After a counted toll, before more victims of its verb ("were injured along with four police"). */
// ("The cyclist was injured in the attack, along with at least six security officers": a phrase that points back may stand between.)
const ALONG_WITH_BEFORE = /\b(?:killed|dead|died|wounded|injured|hurt)(?:\s+(?:in|during|by)\s+(?:the|an?)\s+[\p{L}-]+)?,?\s+(?:along with|together with|as well as)\s+$/u;
/** After a count left so: a hospital's condition ("two others in critical condition"), the hurt. */
const CONDITION_AFTER = /^\s+(?:(?:others?|more|people|officers?|[\p{L}-]+)\s+){0,2}?in\s+(?:a\s+)?(?:critical|serious|grave|stable|fair|poor)\s+condition\b/iu;
/** After a count: a span or measure, not people ("two days later", "30 kilometers"). */
const NOT_VICTIMS_AFTER = /^\s+(?:minutes|hours|days|weeks|months|years|kilomet(?:er|re)s|km|miles|meters|percent|times)\b/i;
/** After a number: a distance (a place's bearing), never people ("140 km northeast of"). */
/** After a count: its people taken to a hospital ("two firefighters were taken to the hospital", "12 were rushed to hospitals"). */
const TAKEN_TO_HOSPITAL_AFTER = /^\s+(?:[\p{L}'’.-]+\s+){0,3}?(?:(?:were|was|have been|has been|had been)\s+)(?:(?:later|also|then|quickly)\s+)?(?:taken|rushed|admitted|brought|carried|transported|airlifted|flown)\s+(?:by\s+[\p{L}-]+\s+)?(?:to\s+)?(?:an?\s+|the\s+|local\s+|nearby\s+)*(?:[\p{L}-]+\s+){0,2}?hospitals?\b/iu;
const MEASURE_AFTER = /^\s*(?:kilomet(?:er|re)s|km|miles|meters|metres)\b/i;
// (h18ad: "Four separate bombings killed more than 110 people across the country": a toll given jointly for several
// incidents told apart is the toll of none of them, as the keys have it.)
const SEPARATE_INCIDENTS_TOLL = /\b(?:two|three|four|five|six|seven|eight|nine|ten|several|multiple|\d+)\s+(?:separate|different|distinct)\s+(?:[\p{L}-]+\s+)?(?:attacks|bombings|blasts|explosions|shootings|assaults)\s+(?:(?:on|in|at|across)\s+[^.;]{0,40}?)?(?:(?:have|has|had)\s+)?(?:killed|left|claimed)\b/iu;

// (h18ap: "At least 75 people were killed in the bloody siege": a toll that names an event of its own, of a kind the triggers do
// not report, is that event's; with no incident word in the sentence, it is not the last incident's either.)
const OTHER_EVENT_TOLL = /\b(?:killed|died|dead|wounded|injured|hurt)\s+(?:in|during)\s+(?:the|that|this|a|an)\s+(?:[\p{L}-]+\s+){0,2}?(?:siege|stand-?off|crackdown|storming|offensive|blockade|hostage[- ](?:crisis|drama|taking))\b/iu;
// (h18ap: "The Syrian Observatory for Human Rights says 12 people were killed", after state TV's "killing at least eight": a
// second source's figure, told in a sentence of its own, is a rival count; the incident keeps the figure first reported.)
const RIVAL_SOURCE_TOLL = /^\s*(?:But\s+|However,?\s+)?(?:the\s+)?(?:[A-Z][\p{L}.'’&-]*\s+){1,4}(?:(?:for|of|on)\s+(?:the\s+)?(?:[A-Z][\p{L}'’-]*\s+){1,4})?(?:says|said|reports|reported|put|puts|estimates|estimated|gave|gives)\s+(?:that\s+)?(?:the\s+(?:death\s+)?toll\s+(?:at|was|is)\s+)?(?:(?:at least|more than|some|about|nearly|over)\s+)?[\p{L}\d,-]+\s+(?:[\p{L}-]+\s+)?(?:were|had been|have been|are|was|died|dead|people)\b/u;
const REPORTED_BY = /\b(?:says|said|say|reporting|reports|reported|according to|told)\b/i;

/** The casualty counts a sentence gives, each with the offset of its number. */
function casualtiesIn(text: string, sentence: Sentence): CasualtyCount[] {
  if (SEPARATE_INCIDENTS_TOLL.test(sentence.text)) return [];
  const aggregate = AGGREGATE.exec(sentence.text);
  // Where the sentence's own counts end: at the running total's clause, or nowhere.
  const runningTotal = aggregate ? RUNNING_TOTAL.exec(sentence.text.slice(0, aggregate.index)) : null;
  if (aggregate && !runningTotal) return [];
  if (runningTotal) return casualtiesIn(text, { ...sentence, text: sentence.text.slice(0, runningTotal.index), end: sentence.start + runningTotal.index });
  const out: CasualtyCount[] = [];
  // A count that is part of another ("12 people, including at least one child, were wounded";
  // "21 people, 16 of them from one family, were killed") is no toll of its own.
  const asides = [...matchesOf(SUBSET_PHRASES, sentence.text), ...matchesOf(DASH_ASIDES, sentence.text)].map((m) => ({ start: sentence.start + m.index, end: sentence.start + m.index + m[0].length }));
  const quantities = findQuantities(text, sentence.start, sentence.end).filter(
    (q) =>
      !asides.some((a) => q.start > a.start && q.start < a.end) &&
      !SUBSET_BEFORE.test(text.slice(Math.max(sentence.start, q.start - 30), q.start)) &&
      !SUBSET_AFTER.test(text.slice(q.end, q.end + 48)) &&
      // "about 140 km northeast of Kandahar, forces killed one": a distance or a span is never a toll.
      !MEASURE_AFTER.test(text.slice(q.end, q.end + 16)),
  );
  // A count with no cue of its own joined by "and" to one that has ("six soldiers and 19 militants were killed").
  let pending: CountRange | null = null;
  // (And the victim group of what it holds: "One soldier and two security troops" are forces, "six soldiers and 19
  // militants" people at large.)
  let pendingGroup: VictimGroup | null = null;
  // (h18an: where the pending chain began, so a list of victims after "along with" adds to the count before it as a whole:
  // "35 rebels were killed, along with three soldiers and a policeman" is 39.)
  let pendingFrom = 0;
  quantities.forEach((quantity, i) => {
    const before = text.slice(sentence.start, quantity.start);
    const after = text.slice(quantity.end, sentence.end);
    // The words right after a count belong to it up to the next count ("killing nearly 20 people and injuring dozens").
    const next = quantities[i + 1];
    const own = (next ? text.slice(quantity.end, next.start) : after).replace(HYPHENED_PEOPLE, " ").replace(SUBSET_PHRASE, "").replace(DASH_ASIDES, " ").replace(VICTIM_ASIDE, "$1").replace(BRACKETED_WORD, "$1");
    const joined = pending !== null;
    const chainFrom = joined ? pendingFrom : i;
    pendingFrom = chainFrom;
    let range = pending ? sumRanges(pending, quantity.range) : quantity.range;
    pending = null;
    const heldGroup = pendingGroup;
    pendingGroup = null;
    const ownGroup = victimGroupOf(quantity.single ? `${quantity.text.replace(/^\S+/, "")} ${own}` : own);
    // "The group claimed killing 26 troops": the attackers' claim, not the toll officials report.
    if (CLAIMED_TOLL_BEFORE.test(before)) return;
    // "a suicide car bomber killed one soldier", "two gunmen wounded three guards": the subject of an active verb whose
    // object is the next count is who did it, not a victim (the victims are the object).
    if (next && AGENT_OF_NEXT.test(own) && !PASSIVE_END.test(own)) return;
    // (hspeed3: the two end-anchored cues are tried from every position of the sentence's start: read once per count.)
    const fatalityBefore = FATALITY_BEFORE.test(before);
    const injuryBefore = INJURY_BEFORE.test(before);
    // "An Afghan child was killed": one, with the verb right beside it (else "a man" is a witness).
    // ... unless a list runs on to the verb ("An Iraqi soldier, an interpreter and a civilian were wounded": three).
    if (quantity.single && !fatalityBefore && !injuryBefore && !SINGLE_CUE_AFTER.test(own) && !AMONG_VICTIMS_AFTER.test(own)) {
      if (next && (COORDINATED.test(own) || LISTED.test(own))) {
        pending = range;
        pendingGroup = joined && heldGroup !== ownGroup ? "generic" : ownGroup;
      }
      // "killed five U.S. Soldiers and their interpreter": one more victim of the verb before.
      const last = out.at(-1);
      const previous = quantities[chainFrom - 1];
      const chainStart = quantities[chainFrom]?.start ?? quantity.start;
      if (!pending && last !== undefined && previous !== undefined && last.at === previous.start && (last.cueBefore ? MORE_VICTIMS_BETWEEN.test(text.slice(previous.end, chainStart)) : ALONG_WITH_BEFORE.test(text.slice(previous.end, chainStart))))
        out[out.length - 1] = { ...last, group: "generic", fatalities: last.fatalities.min !== null ? sumRanges(last.fatalities, range) : last.fatalities, injuries: last.injuries.min !== null ? sumRanges(last.injuries, range) : last.injuries };
      return;
    }
    // ("a lawmaker was among several people who were killed": at least one, more unknown.)
    if (quantity.single && AMONG_VICTIMS_AFTER.test(own)) range = { min: range.min, max: null };
    // "The district governor and two others were killed": the named victim and the others.
    // (Not when the named victim was counted already: "The district governor" is a count of one itself.)
    const othersAfter = !quantity.single && !joined && OTHERS_AFTER.test(text.slice(quantity.end, quantity.end + 20));
    if (othersAfter && NAMED_VICTIM_AND.test(before)) range = sumRanges(range, { min: 1, max: 1 });
    const named = quantity.single || joined || othersAfter ? 0 : namedBefore(before);
    if (named > 0 && (FATALITY_AFTER.test(own) || INJURY_AFTER.test(own))) range = sumRanges(range, { min: named, max: named });
    // ("while another eight people were injured", "Two other police officers were killed", "two more soldiers died":
    // victims besides those counted before, in the sentence or before it.)
    // (h18ap: "29 people were killed and dozens more were injured", "killing five and wounding another 10": hurt
    // people "more" than the dead the sentence just counted are the hurt, not others besides an earlier count of the hurt.)
    const moreThanTheDead = !FATALITY_AFTER.test(own) && !FATALITY_BEFORE.test(before) && out.length > 0 && out.every((c) => c.injuries.min === null && c.fatalities.min !== null);
    const othersOnly = !moreThanTheDead && ((((othersAfter && !NAMED_VICTIM_AND.test(before)) || ALSO_VICTIMS_AFTER.test(own)) && out.length === 0 && i === 0) || (!quantity.single && !joined && (ANOTHER_COUNT_BEFORE.test(before) || OTHER_COUNT_AFTER.test(own) || (out.length > 0 && ALSO_VICTIMS_AFTER.test(own)))));
    // Who the victims are: a sum of several counts is of people at large.
    const group: VictimGroup = othersAfter || named > 0 || (joined && heldGroup !== ownGroup) ? "generic" : ownGroup;
    // ("killing two people and injuring Lebanon's defense minister": the injury verb right before the count is its verb.)
    const injuryNearer = injuryBefore && !/\bkill(?:ed|ing|s)?\s+(?:and|or)\s+\S+\s+$/i.test(before);
    // (h18ah: "killed and injured dozens of people", "killed and wounded scores": one count of the dead and the hurt
    // together, no count of either; it tells only that someone died, as the keys read it: at least one dead.)
    if (JOINT_TOLL_BEFORE.test(before)) out.push({ at: quantity.start, cueBefore: true, fatalities: { min: 1, max: null }, injuries: NONE, group: "generic" });
    else if (fatalityBefore && !injuryNearer) out.push({ at: quantity.start, cueBefore: true, fatalities: range, injuries: NONE, group, others: othersOnly && ANOTHER_COUNT_BEFORE.test(before) });
    else if (injuryBefore) out.push({ at: quantity.start, cueBefore: true, fatalities: NONE, injuries: range, group, others: othersOnly && ANOTHER_COUNT_BEFORE.test(before) });
    // ("At least 12 others were injured", not "The governor and two others were killed", summed above.)
    // ("a bombing at a church left more than 100 people dead, and a series of attacks ...": "left N dead" is the toll of what comes before it.)
    // ("injuring one and leaving two others in critical condition": people left in a hospital's condition are hurt, and
    // "others" after a count of the hurt adds to it; nineteenth pass.)
    else if (LEFT_BEFORE.test(before) && CONDITION_AFTER.test(own))
      out.push({ at: quantity.start, cueBefore: true, fatalities: NONE, injuries: range, group, others: othersOnly || (OTHERS_AFTER.test(own) && out.some((c) => c.injuries.min !== null)) });
    else if (FATALITY_AFTER.test(own)) out.push({ at: quantity.start, cueBefore: LEFT_BEFORE.test(before), fatalities: range, injuries: NONE, others: othersOnly, group });
    else if (INJURY_AFTER.test(own)) out.push({ at: quantity.start, cueBefore: LEFT_BEFORE.test(before), fatalities: NONE, injuries: range, others: othersOnly, group });
    // (h18ad: "At least one worker and two firefighters were taken to the hospital": people taken to a hospital are hurt.)
    else if (TAKEN_TO_HOSPITAL_AFTER.test(own) && !MEDICAL_BEFORE.test(before)) out.push({ at: quantity.start, cueBefore: false, fatalities: NONE, injuries: range, others: othersOnly, group });
    else if (next && (COORDINATED.test(own) || LISTED_VICTIMS.test(own))) {
      pending = range;
      pendingGroup = joined && heldGroup !== ownGroup ? "generic" : ownGroup;
    }
    else {
      // "killed three soldiers and two civilians", "wounded two soldiers and dozens of civilians": more victims of the verb before.
      const last = out.at(-1);
      const previous = quantities[chainFrom - 1];
      const chainStart = quantities[chainFrom]?.start ?? quantity.start;
      // ("Six civilians were injured along with four police": more victims of the verb after.)
      const moreVictims = last !== undefined && previous !== undefined && last.at === previous.start && !NOT_VICTIMS_AFTER.test(own) && (last.cueBefore ? MORE_VICTIMS_BETWEEN.test(text.slice(previous.end, chainStart)) : ALONG_WITH_BEFORE.test(text.slice(previous.end, chainStart)));
      if (last && moreVictims) {
        out[out.length - 1] = { ...last, group: "generic", fatalities: last.fatalities.min !== null ? sumRanges(last.fatalities, range) : last.fatalities, injuries: last.injuries.min !== null ? sumRanges(last.injuries, range) : last.injuries };
      }
    }
  });
  // "a strike that resulted in the death of Usamah al-Muhajir": one named death.
  for (const m of matchesOf(DEATH_OF_NAMED, sentence.text)) out.push({ at: sentence.start + m.index, cueBefore: true, fatalities: { min: 1, max: 1 }, injuries: NONE, group: "generic" });
  // "killing Imam Mawlawi Taj Mohammad and ...", "killed U.S. Ambassador Chris Stevens": one person named (not "Iraqi Police officers").
  for (const m of matchesOf(KILLED_NAMED, sentence.text)) if (!out.some((c) => c.at >= sentence.start + m.index && c.at < sentence.start + m.index + m[0].length)) out.push({ at: sentence.start + m.index, cueBefore: true, fatalities: { min: 1, max: 1 }, injuries: NONE, group: "generic" });
  // "University student Gregory Saint-Hilaire was killed": one person named before the passive verb.
  for (const m of matchesOf(NAMED_WAS_KILLED, sentence.text)) if (!out.some((c) => c.at >= sentence.start + m.index && c.at < sentence.start + m.index + m[0].length)) out.push({ at: sentence.start + m.index, cueBefore: false, fatalities: { min: 1, max: 1 }, injuries: NONE, group: "generic" });
  // "the explosion did not kill anyone", "no one was hurt": a toll of none, which a count elsewhere outranks.
  // "wounding 13 more, one of whom died later": the wounded who died are counted with the dead, not the wounded (eighteenth
  // pass): the wounded count loses them and they add to the dead.
  const diedLater = DIED_LATER.exec(sentence.text);
  const died = diedLater ? (SMALL_NUMBERS[(diedLater[1] ?? "").toLowerCase()] ?? (/^\d+$/.test(diedLater[1] ?? "") ? Number(diedLater[1]) : null)) : null;
  const woundedAt = diedLater ? out.findLastIndex((c) => c.injuries.min !== null && c.at < sentence.start + diedLater.index) : -1;
  const wounded = out[woundedAt];
  if (diedLater && died !== null && wounded !== undefined && wounded.injuries.min !== null && wounded.injuries.min > died) {
    const less = (n: number | null): number | null => (n === null ? null : n - died);
    out[woundedAt] = { ...wounded, injuries: { min: less(wounded.injuries.min), max: less(wounded.injuries.max) } };
    out.push({ at: sentence.start + diedLater.index, cueBefore: false, others: true, fatalities: { min: died, max: died }, injuries: NONE, group: "generic" });
  }
  const none = NO_DEATHS.exec(sentence.text) ?? NO_INJURIES.exec(sentence.text);
  if (none && !out.length) {
    const zero = { min: 0, max: 0 };
    // ("No casualties were reported": casualties are the dead and the wounded, so none of either.)
    const both = NO_CASUALTIES.test(none[0]);
    out.push({ at: sentence.start + none.index, cueBefore: false, fatalities: both || NO_DEATHS.test(none[0]) ? zero : NONE, injuries: both || !NO_DEATHS.test(none[0]) ? zero : NONE, group: "generic" });
  }
  return out;
}

// "Also today in Kandahar, ...", "In other news, ...", "In addition, ...": a new report, whatever it shares with the last
// ("Also killed was the driver" is not).
const ALSO_OPENING = /^\s*(?:[-–—•*]+\s*)?(?:Also\b(?!\s+(?:killed|wounded|injured|dead|hurt|among|arrested|detained|missing|in the (?:attack|blast|explosion|bombing)))|In other (?:[A-Za-z-]+\s+)?(?:news|operations|incidents|developments|violence)\b|In an? (?:unrelated|separate) (?:incident|development)\b|In addition(?=,))/i;
const HEADER_END = /:\s*$/;
// ("1. On April 12, near Mosul, ...": a numbered item is one too.)
const LIST_ITEM = /^\s*(?:—|–|--|-|•|\*|\d{1,2}[.)]\s)/;
// (Twenty-second pass, h18ab: "In Baghdad, two additional bomb attacks wounded four people", "Two other explosions at markets
// in X and Y killed four": a few more incidents of the kind, told together after the story's own, are one incident each, and
// a toll they are given together is the toll of none of them, as the keys give a joint toll.)
/** Before a plural blast word: one incident of two blasts ("the twin blasts", "a double suicide bombing"). */
const TWIN_BEFORE = /\b(?:twin|double|dual)\s+(?:suicide\s+|bomb\s+|car[- ]bomb\s+)?$/i;
const FEW_OTHER_BEFORE = /\b(two|three|four|five)\s+(?:other|additional|more|further)\s+(?:[\p{L}-]+\s+){0,2}$/iu;
// (h18ah: "Cyclones in the Bay of Bengal are common this time of year": a kind of disaster, and a place between.)
const USUAL_AFTER = /^\s+(?:(?:in|on|along|across|off|over)\s+(?:the\s+)?(?:[\p{L}-]+\s+){1,4}?)?(?:(?:still|also)\s+)?(?:remain|remains|are|have been|have become|became)\s+(?:(?:still|quite|very|relatively|fairly|increasingly|all too|too)\s+)*(?:common|commonplace|frequent|rare|routine|widespread|a regular occurrence)\b/iu;
const PLURAL_DISASTER = /^(?:cyclones|typhoons|hurricanes|storms|floods|earthquakes|landslides|mudslides|tornadoes|wildfires)$/i;
/** Before an arrest word: the end of a penalty ("released from 10 days of house arrest", "freed from detention"). */
const RELEASED_FROM_BEFORE = /\b(?:released|freed|let out|discharged)\s+from\s+(?:(?:his|her|their|a|an|the|\d+|[a-z]+-(?:day|week|month|year))\s+)?(?:(?:days?|weeks?|months?|years?)\s+(?:of|in)\s+)?(?:house\s+)?$/i;
const TOLL_BEFORE_PLACE = /\b(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|scores|hundreds)\s+(?:[\p{L}-]+\s+){0,2}?(?:people|lives|dead|civilians|worshippers|villagers|others)\b/iu;
const FEW: Record<string, number> = { two: 2, three: 3, four: 4, five: 5 };
const PLURAL_TRIGGER = /(?:attacks|bombings|blasts|explosions|strikes|shootings|bombs|IEDs|(?:explosive )?devices)$/i;
const CAME_UNDER = /\bcame under\s+(?:[\p{L}-]+\s+){0,4}$/iu;
const RETURNED_FIRE = /\breturned (?:the )?(?:[\p{L}-]+\s+){0,2}fire\b/iu;
const DEATH_OF_NAMED = /\b(?:(?:resulted in|caused|led to)\s+the|(?:shooting|stabbing|beating)) death of\s+(?:\d+-year-old\s+)?(?=[A-Z][\p{L}'’-]+\s+(?:[A-Z]|(?:al|el)-))/gu;
// (The person's noun may run on a word or two, "a civilian interpreter was wounded", and a unit after
// "with" may hold numbers, "a soldier with the 1st Infantry Division was killed".)
/** A killing verb and a person named by capitalized words only, ending where the name does ("killing Imam Taj Mohammad and"). */
const KILLED_NAMED = /\b(?:killed|killing|assassinated|murdered)\s+(?:(?:opposition|rights|human rights|student|union|party)\s+)?(?:(?:activist|journalist|reporter|photographer|lawmaker|legislator|politician|cleric|commander|leader|priest|imam|pastor|teacher|doctor|businessman|businesswoman|mayor|governor|judge|lawyer|prosecutor|student|chief|official)\s+)?(?:[A-Z][\p{L}.'’-]*\s+){1,5}[A-Z][\p{L}'’-]+(?=\s*(?:[,.;]|$|\s(?:and|in|on|at|who|during|while|as|near|outside|inside)\b))/gu;
const NAMED_WAS_KILLED = /(?=[A-Z])(?<![A-Z][\p{L}'’-]*\s)(?<![\p{L}'’-])(?:[A-Z][\p{L}'’-]+\s+){1,3}[A-Z][\p{L}'’-]*[^\sA-Zs]\s+(?:was|had been|has been)\s+(?:shot\s+and\s+)?(?:killed|shot dead|murdered|assassinated)\b/gu;
/**
 * After a count of one: that person was one of the victims ("a lawmaker was among several people who were killed", "an
 * aid worker is among the dead"): one victim, whatever the vaguer count of the others (twenty-fourth pass, h18af).
 */
const AMONG_VICTIMS_AFTER = /^(?:\s+[a-z][\p{L}-]*){0,2}?\s+(?:was|is)\s+(?:also\s+)?among\s+(?:(?:the|those|several|many|other|at least|more than|\d+|[a-z]+)\s+){0,3}?(?:(?:people|persons|civilians|victims|others)\s+)?(?:(?:who|that)\s+(?:were|was|had been|have been|are)\s+)?(?:killed|dead|died|wounded|injured|hurt)\b/iu;
/** A word a transcript puts in brackets ("around 100 others (wounded)"): read as the word itself. */
const BRACKETED_WORD = /[([]\s*(\p{L}+)\s*[)\]]/gu;
const SINGLE_CUE_AFTER = /^(?:\s+[a-z][\p{L}-]*){0,2}?(?:\s+(?:of|from|at|with|in)\s+(?:[\p{L}\p{N}'’.-]+\s+){0,3}?[\p{L}\p{N}'’.-]+)?\s+(?:(?:also|later|reportedly|allegedly|was|has|had|been|is|found|fatally|critically|seriously|badly|slightly)\s+)*(?:killed|dead|died|wounded|injured|hurt|murdered|shot)\b/iu;
const OTHERS_AFTER = /^\s+(?:others|other people)\b/i;
/** Between a count and the next: an active killing verb whose object the next count is ("bomber killed "). */
const AGENT_OF_NEXT = /^\s+(?:(?!(?:and|or|but|then|who|which|that)\s)[\p{L}'’.-]+\s+){0,4}?(?:killed|wounded|injured|shot|murdered|stabbed|beheaded)\s+$/iu;
/** ... unless an auxiliary makes it passive ("three soldiers were killed and ..." never ends there, but "had been shot"). */
const PASSIVE_END = /\b(?:was|were|been|being|is|are|be|get|got)\s+(?:[\p{L}-]+\s+)?(?:killed|wounded|injured|shot|murdered|stabbed|beheaded)\s+$/iu;
/** Before a count: victims besides those counted ("while another eight people were injured", "killing a further 12"). */
const ANOTHER_COUNT_BEFORE = /\b(?:another|a further|an additional)\s+$/i;
/** After a count: the same ("Two other police officers were killed", "two more soldiers died"). */
const OTHER_COUNT_AFTER = /^\s+(?:other|more|additional)\s+(?!than\b)[\p{L}-]/iu;
// The clause opens with one victim named by a noun phrase and "and" ("The district governor and", "His driver and").
// ("Khan and three others were killed": a person named by a name that is no plural, "Police and two others" is none.)
// (Its words are a noun phrase: "a soldier was killed and four others were injured" names no victim before "and" that the
// others' verb counts; the soldier is the first verb's.)
const NAMED_VICTIM = /(?:^|[,;:—–]\s*|\b(?:when|after|as|while)\s+)(?:the|a|an|his|her|their|its)\s+(?:(?!(?:was|were|is|are|has|have|had|been|killed|died|dead|wounded|injured|hurt|shot)\s)[\p{L}'’.-]+\s+){1,4}and\s+$/iu;
const NAMED_PERSON = /(?:^|[,;:—–]\s*)(?!(?:Police|Officials|Authorities|Witnesses|Troops|Soldiers|Militants|Gunmen|They|We|Others)\b)[A-Z][\p{L}'’-]*[^\sA-Zs]\s+and\s+$/u;
const NAMED_VICTIM_AND = { test: (before: string): boolean => NAMED_VICTIM.test(before) || NAMED_PERSON.test(before) };
// (h18al: "Smith, Jones and two Afghan soldiers were killed": people named in a list that opens the sentence, each one more
// victim of the count's verb. Names only, two or more, with no word a plain noun or a day could be.)
const LIST_NAME = String.raw`(?!(?:The|A|An|In|On|At|Near|After|Before|During|Police|Officials|Authorities|Witnesses|Troops|Soldiers|Militants|Gunmen|They|We|Others|${WEEKDAY_NAMES}|Meanwhile|Also|Elsewhere|Separately)\b)[A-Z][\p{L}'’-]*[^\sA-Zs,](?:\s+[A-Z][\p{L}'’-]*[^\sA-Zs,]){0,2}`;
const NAMED_LIST_AND = new RegExp(String.raw`^\s*(${LIST_NAME}(?:,\s+${LIST_NAME})+),?\s+and\s+$`, "u");
/** How many people a list of names before a count names (0 when there is none). */
function namedBefore(before: string): number {
  const list = NAMED_LIST_AND.exec(before);
  return list ? (list[1] ?? "").split(",").length : 0;
}
/** "at least one civilian also was killed": more victims than another sentence counted. */
// ("in which three soldiers also lost their lives", "two more also died": the same, told with an intransitive verb.)
const ALSO_VICTIMS_AFTER = /^\s+(?:[\p{L}.-]+\s+){0,3}?(?:(?:also\s+(?:was|were|has been|have been)\s+|(?:was|were|has been|have been)\s+also\s+)(?:killed|wounded|injured|hurt)|also\s+(?:(?:have|has|had)\s+)?(?:died|lost (?:their|his|her) lives?|perished))\b/iu;
const SUBSET_BEFORE = /\b(?:including|among them|among whom)\s+$/i;
// ("Activists identified 13 of Sunday's dead as children", "two of the victims were women": part of a toll told.)
const SUBSET_AFTER = /^\s+(?:of them|of whom|of (?:the|those|these|[\p{Lu}][\p{L}]*['’`]s)\s+(?:[\p{L}-]+\s+)?(?:dead|victims|killed|wounded|injured|casualties|fatalities|bodies)\b)/iu;
// The aside that names a subset, cut out so the count's own words reach its verb.
const SUBSET_PHRASE = /,\s*(?:including\b|among them\b|[^,]*\b(?:of them|of whom)\b)[^,]*,/i;
const SUBSET_PHRASES = new RegExp(SUBSET_PHRASE.source, "gi");
// An aside set off by commas between the victims and their verb ("two other Afghans, standing outside
// the office, were wounded"): cut out, so the count reaches its verb.
// ("The soldier, serving with the 1st Marine Expeditionary Force, was killed": the aside may follow the count's own noun.)
const VICTIM_ASIDE = /^((?:\s+(?:[\p{L}'’.-]+\s+){0,3}?[\p{L}'’.-]+)?),[^,;.]{1,60},(?=\s+(?:were|was|have|has|had|are|is)\s)/u;
// (h18an: not across a verb of its own, "three foreigners have been kidnapped by gunmen and two people injured": the
// count before "and" has its own verb, and the hurt are not added to the kidnapped.)
const COORDINATED = /^\s+(?:(?!(?:have|has|had|were|was|been)\s)[\p{L}'’.-]+\s+){0,7}and\s+$/u;
// One victim of a list set off by a comma ("An Iraqi soldier, an interpreter and ...").
const LISTED = /^\s*,\s+$/;
// A count of victims of a list set off by a comma ("two ISAF servicemembers, an Afghan police officer and ...").
const LISTED_VICTIMS = /^\s+(?:[\p{L}'’.-]+\s+){0,3}?[\p{L}'’.-]+,\s+$/u;
// "Two soldiers - one U.S., the other Afghan - were killed": an aside between dashes names a subset.
const DASH_ASIDES = /(?<=\p{L})\s[-–—]\s[^;–—]{1,60}?\s[-–—](?=\s)/gu;
/** Which trigger patterns may match a sentence: one scan for their words instead of one attempt per pattern and position. */
const TRIGGER_PREFILTER = new PatternPrefilter(TRIGGERS.map((rule) => rule.pattern));
// A toll of none, said as a negation ("did not kill anyone", "no one was killed", "killed no one").
const NO_DEATHS = /\b(?:(?:did not|didn't|does not|failed to) (?:kill|cause (?:any )?(?:deaths|fatalities))(?: anyone| anybody)?|(?:no one|nobody|no people) (?:was |were |has been |had been )?(?:killed|dead|died)|killed (?:no one|nobody)|(?:there were |caused |with )?no (?:deaths|fatalities))\b/i;
/** Some of the wounded counted before, dead since ("one of whom died later", "two of them later died"); group 1 is how many. */
const DIED_LATER = /\b(one|two|three|four|five|\d+) of (?:whom|them) (?:later |subsequently |has since |have since |since )?(?:died|succumbed)\b/i;
const SMALL_NUMBERS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5 };
// ("There were no coalition casualties", "no damage or casualties were reported", "No ANA or coalition soldiers or civilians
// were injured", "with no Iraqi or coalition injuries reported": none of the people named; nineteenth pass.)
// (h18al: "There was no word on casualties", "no immediate reports of casualties": nothing known, no toll of none.)
const NO_NEWS = String.raw`(?!(?:immediate\s+|official\s+|further\s+|other\s+)?(?:word|news|information|details|reports?|indications?|figures?|estimates?|confirmation|count|tally)\b)`;
const NO_CASUALTIES = new RegExp(String.raw`\bno\s+${NO_NEWS}(?:[\p{L}-]+\s+(?:or\s+)?){0,3}?casualties\b`, "iu");
const NO_INJURIES = new RegExp(String.raw`\b(?:(?:no one|nobody) (?:was |were |has been )?(?:hurt|injured|wounded)|(?:there were |caused |with )?no\s+${NO_NEWS}(?:[\p{L}-]+\s+(?:or\s+)?){0,3}?(?:injuries|casualties)|no\s+${NO_NEWS}(?:[\p{L}.-]+\s+){1,6}?(?:was|were|had been|have been)\s+(?:injured|hurt|wounded))\b`, "iu");

// A name may open with a lower-case Arabic article ("al-Shabab", "el-Fasher").
const NAME_WORD = "(?:(?:al|el|ad|an|as|ash|ar)-)?[A-Z][\\p{L}.'’-]*";
// "an Islamic State-linked group", "al-Qaida-affiliated militants": an actor named by its ties.
const LINKED = `(?:an?\\s+)?${NAME_WORD}(?:\\s+${NAME_WORD})*-(?:linked|affiliated|allied|aligned|backed|inspired)\\s+(?:group|militants|fighters|insurgents|rebels|militia|gunmen|jihadists)`;
const NAME = "(?:the\\s+)?" + NAME_WORD + "(?:\\s+(?:of\\s+)?" + NAME_WORD + ")*(?:\\s+(?:coalition|forces|militants|troops|army|police|rebels|fighters|gunmen|government|militia|militias|regime))?";
const ATTRIBUTED = new RegExp(`\\b(?:caused|carried out|claimed|launched|fired|staged|orchestrated|perpetrated|conducted|ordered) by (${NAME})`, "u");
// "Air strikes by the Saudi-led coalition", "an attack by Houthi forces"
const BY_ACTOR = new RegExp(`\\b(?:attacks?|strikes?|air ?strikes?|shelling|bombings?|raids?|assaults?|fire) by (${NAME})`, "u");
const CLAIMED = new RegExp(`(?<![\\p{L}-])(${LINKED}|${NAME_WORD}(?:\\s+${NAME_WORD})*)\\s+(?:has\\s+|have\\s+|had\\s+)?(?:claimed|took|taken|accepted|admitted)\\s+responsibility\\b`, "u");
// "when Islamist group al-Shabab attacked two bases", "an Islamic State-linked group stormed the town":
// the named subject of an attack verb is who did it.
const AGENT = new RegExp(`(?<![\\p{L}-])(${LINKED}|${NAME_WORD}(?:\\s+${NAME_WORD}){0,3})\\s+(?:militants\\s+|fighters\\s+|insurgents\\s+|rebels\\s+)?(?:has\\s+|have\\s+|had\\s+)?(?:attacked|stormed|ambushed|bombed|raided|shelled|overran|seized|abducted|kidnapped|besieged)\\b`, "u");
// Sentence-initial capitals that are not names ("Gunmen attacked", "Police stormed").
const NOT_AN_AGENT = /^(?:The|A|An|Gunmen|Militants|Attackers|Assailants|Insurgents|Rebels|Fighters|Troops|Soldiers|Police|Protesters|Men|Armed|Suspected|Unknown|Unidentified|They|He|She|It|We|Security|Government|Army)\b/;
const TIES = /-(?:linked|affiliated|allied|aligned|backed|inspired)\s/;
const BLAMED = /\b(?:has\s+|have\s+|had\s+)?blamed\s+/u;

/** Who the sentence says caused the incident ("which the official said was caused by Iran" -> Iran), and where it says so. */
function attributionIn(sentence: string): { name: string; at: number } | null {
  const agent = AGENT.exec(sentence);
  const m = ATTRIBUTED.exec(sentence) ?? BY_ACTOR.exec(sentence) ?? CLAIMED.exec(sentence) ?? (agent && (TIES.test(agent[1] ?? "") || !NOT_AN_AGENT.test(agent[1] ?? "")) ? agent : null);
  const by = m?.[1];
  return m && by ? { name: by.replace(/^(?:the|an?)\s+/i, "").replace(/[.,]$/, ""), at: m.index } : null;
}

/**
 * Who blames whom, as the story puts it ("Iran has blamed the U.S. and Israel for the attack"
 * -> "Iran blamed the U.S. and Israel"): the words of the clause before "blamed" and the
 * blamed party after it, up to "for", "over" or the end of the clause.
 */
function blameIn(sentence: string): string | null {
  const m = BLAMED.exec(sentence);
  if (!m) return null;
  const subject = sentence.slice(0, m.index).split(/[.,;:“”"]/).pop()?.trim().split(/\s+/).slice(-6).join(" ") ?? "";
  const object = sentence.slice(m.index + m[0].length).split(/\s+(?:for|over)\s+|[,;:](?:\s|$)|(?<!\b[A-Z])\.(?:\s|$)/)[0]?.trim().split(/\s+/).slice(0, 10).join(" ") ?? "";
  if (!subject || !object || !/^[A-Z]/.test(subject)) return null;
  return `${subject} blamed ${object}`;
}

const PRECISION_RANK: Record<ExtractedDatePrecision, number> = { day: 3, week: 2, month: 1, unknown: 0 };
// A gazetteer city and a locality rank alike: the first one reported stays (it can be geocoded
// or it is the one the story leads with); either beats a country.
// (h18ak: a lake or a sea ranks as a region, a continent below a country.)
const PLACE_RANK = { locality: 2, city: 2, region: 1.5, water: 1.5, country: 1, continent: 0.5 } as const;

/** The days "between D1 and D2" of a clause give, as one span (null when the clause gives no such pair). */
function spanBetween(text: string, clause: TextRange, dates: readonly DateMention[]): DateMention | null {
  const inOrder = [...dates].sort((a, b) => a.start - b.start);
  for (let i = 0; i + 1 < inOrder.length; i++) {
    const [first, last] = [inOrder[i] as DateMention, inOrder[i + 1] as DateMention];
    if (/\b(?:between|from)\s+$/i.test(text.slice(Math.max(clause.start, first.start - 9), first.start)) && /^\s+(?:and|to|until|through)\s+$/i.test(text.slice(first.end, last.start)) && first.earliest <= last.latest)
      return { ...first, end: last.end, text: text.slice(first.start, last.end), date: null, precision: "unknown", earliest: first.earliest, latest: last.latest };
  }
  return null;
}

/** The more precise of two dates for one incident. */
function betterDate(a: DateMention | null, b: DateMention | null): DateMention | null {
  if (!a) return b;
  if (!b) return a;
  return PRECISION_RANK[b.precision] > PRECISION_RANK[a.precision] ? b : a;
}

function placesCompatible(a: PlacedMention | null, b: PlacedMention | null): boolean {
  if (!a || !b) return true;
  // Places in two different countries are two places, whatever their kinds ("Quetta" and "Helmand province").
  if (a.countryCode !== null && b.countryCode !== null && a.countryCode !== b.countryCode) return false;
  // A locality the gazetteer does not know may lie in any city or country the story names.
  if (a.kind === "locality" || b.kind === "locality" || a.kind === "region" || b.kind === "region") return a.kind !== b.kind || a.name === b.name;
  return placeWithin(a, b) || placeWithin(b, a);
}

/** Two regions one of which the gazetteer does not know ("Sichuan" and "Ngawa prefecture"): the unknown one may lie in the other. */
function regionMayHold(a: PlacedMention | null, b: PlacedMention | null): boolean {
  return a?.kind === "region" && b?.kind === "region" && (a.countryCode === null || b.countryCode === null);
}

function morePrecise(a: PlacedMention | null, b: PlacedMention | null): PlacedMention | null {
  if (!a) return b;
  if (!b) return a;
  // A region the gazetteer does not know, reported of an incident in one it knows, is a part of it ("Ngawa prefecture" of Sichuan).
  if (a.kind === "region" && b.kind === "region" && a.countryCode !== null && b.countryCode === null) return b;
  // "the Gaza Strip" then "in Gaza": a short form of the region's own name says no finer place.
  if (a.kind === "region" && a.name.startsWith(`${b.name} `)) return a;
  return PLACE_RANK[b.kind] > PLACE_RANK[a.kind] ? b : a;
}

/** A short summary: the reporting clause, without its leading conjunction, at most ~140 characters. */
function summaryOf(text: string, clause: TextRange): string {
  const words = text
    .slice(clause.start, clause.end)
    .replace(/[“”"]/g, "")
    .replace(/^[\s,;:–—-]*(?:and|but|as|when|while|after|which|where)?\s*/i, "")
    .replace(/[\s,;:.]+$/, "")
    .replace(/\s+/g, " ");
  if (words.length <= 140) return words;
  const cut = words.slice(0, 140);
  return `${cut.slice(0, cut.lastIndexOf(" "))} …`;
}

/** Incidents of an analyzed text, given the places already found in it and the dateline place. */
export function extractIncidents(
  analyzed: AnalyzedText,
  publishedAt: string | null | undefined,
  foundPlaces: readonly PlacedMention[],
  dateline: PlacedMention | null,
  skipRanges: readonly TextRange[],
  headline: TextRange | null = null,
): ExtractedIncident[] {
  const published = publishedAt && /^\d{4}-\d{2}-\d{2}/.test(publishedAt) ? publishedAt.slice(0, 10) : null;
  const { text } = analyzed;
  // "in central Baghdad" happened in Baghdad, as "in eastern Baghdad" does: the story's places keep the part, its incidents the city.
  const places = foundPlaces.map((p) => (p.parent !== undefined && CITY_PART.test(p.name) ? { ...p, name: p.parent, kind: "city" as const } : p));
  const inHeadline = (range: TextRange): boolean => headline !== null && range.start < headline.end && headline.start < range.end;
  const drafts: Draft[] = [];
  const outside = (range: TextRange): boolean => !skipRanges.some((s) => range.start < s.end && s.start < range.end);

  // Where the headline says it happened: its first located place, else its first named one.
  const headlinePlaces = headline ? places.filter((p) => !p.demonym && p.start >= headline.start && p.end <= headline.end) : [];
  // A headline's country adjective ("Venezuelan Government Detains ...") is the story's country when it names no place.
  const headlineDemonym = headline ? places.find((p) => p.demonym && p.start >= headline.start && p.end <= headline.end) : undefined;
  const headlinePlace = headlinePlaces.find((p) => p.locative) ?? headlinePlaces[0] ?? headlineDemonym ?? null;
  // The story's country: the one its dateline or headline place lies in, as the story names it (a demonym's country too).
  const storyCode = (dateline ?? headlinePlace)?.countryCode ?? null;
  const namedCountry = storyCode === null ? undefined : places.find((p) => p.kind === "country" && p.countryCode === storyCode);
  const storyCountry: PlacedMention | null = namedCountry ? { ...namedCountry, demonym: false } : null;
  const placesBySentence = new Map<number, PlacedMention[]>();
  for (const p of places) placesBySentence.set(p.sentence, [...(placesBySentence.get(p.sentence) ?? []), p]);

  // The headline is read last: the body's sentences report what it announces, with the place,
  // date and counts the headline leaves out, and an incident's span is the sentence that reports
  // it; the headline only adds an incident the body never reports.
  const order = analyzed.sentences.map((sentence, index) => ({ sentence, index }));
  const readingOrder = [...order.filter(({ sentence }) => !inHeadline(sentence)), ...order.filter(({ sentence }) => inHeadline(sentence))];
  // A line that ends with a colon heads the lines after it ("In operations yesterday:"): its day
  // is theirs until the next such line, and what it reports is the sum of what they detail.
  let headerDate: DateMention | null = null;
  // A sentence that reports no incident but gives a day sets the scene for the rest of its paragraph
  // ("Northeast of Mosul today, coalition forces targeted associates ... Troops captured five suspects").
  let sceneDate: { paragraph: number; date: DateMention } | null = null;
  // The last day a body sentence told, which "the previous day" counts back from.
  let lastDay: string | null = null;
  readingOrder.forEach(({ sentence, index: sentenceIndex }) => {
    const clauses = clausesOf(sentence);
    const sentencePlaces = placesBySentence.get(sentenceIndex) ?? [];
    const found = findDates(text, publishedAt, sentence.start, sentence.end).filter(outside);
    // "The previous day, another patrol had found a cache": the day before the last day the story told.
    const previous = PREVIOUS_DAY.exec(sentence.text);
    const nextDay = previous ? null : NEXT_DAY.exec(sentence.text);
    const dates: DateMention[] =
      previous && lastDay !== null && !found.some((d) => d.precision === "day")
        ? [...found, dayBefore(lastDay, sentence.start + previous.index, sentence.start + previous.index + previous[0].length, previous[0])]
        : nextDay && lastDay !== null && !found.some((d) => d.precision === "day")
          ? [...found, daysBefore(lastDay, -1, sentence.start + nextDay.index, nextDay[0])]
          : found;
    const toldDay = inHeadline(sentence) ? undefined : dates.filter((d) => d.precision === "day" && !notWhen(text, d, sentence.start) && !FUTURE.test(text.slice(sentence.start, d.start))).at(-1);
    if (toldDay) lastDay = toldDay.date;
    const paragraph = analyzed.paragraphs[sentence.paragraph];
    if (!inHeadline(sentence) && paragraph !== undefined && HEADER_END.test(text.slice(sentence.start, paragraph.end))) {
      headerDate = dates.find((d) => !FUTURE.test(text.slice(sentence.start, d.start))) ?? null;
      const next = analyzed.paragraphs[sentence.paragraph + 1];
      if (next !== undefined && LIST_ITEM.test(text.slice(next.start, next.start + 5))) return;
    }
    const hits: { type: ExtractedIncidentType; start: number; end: number; cameUnder: boolean; fightersKilled: boolean; killsFighters: boolean; raid?: boolean; clauseDeath?: boolean; escalates?: boolean }[] = [];
    // "Thousands have been killed in the fighting since 2006", "Since 2017, militants have been
    // carrying out attacks": a years-long background, no incident of its own.
    if (BACKGROUND.test(sentence.text) || CONFLICT_TOLL.test(sentence.text) || (FRONTED_PAST.test(sentence.text) && SERIES_WORDS.test(sentence.text))) return;
    const dropped: TextRange[] = [];
    let background = false;
    const triggerMayMatch = TRIGGER_PREFILTER.possible(sentence.text);
    for (const rule of TRIGGERS) {
      if (!triggerMayMatch(rule.pattern)) continue;
      for (const m of matchesOf(rule.pattern, sentence.text)) {
        const start = sentence.start + m.index;
        const end = start + m[0].length;
        // (Forces' killing in a search for someone is the raid's arrest: RAID_SEARCH_AFTER.)
        const ruleType: ExtractedIncidentType = rule.pattern === FORCES_KILLED_FIGHTERS && RAID_SEARCH_AFTER.test(sentence.text.slice(m.index + m[0].length)) ? "arrest" : rule.type;
        if (!outside({ start, end }) || hits.some((h) => h.start < end && start < h.end)) continue;
        // (h18ap: "on a pedestrian street closed last year": a closure told as a participle of a noun, a year or a month back,
        // is what the place is, not an incident.)
        if (ruleType === "closure" && PARTICIPLE_OF_NOUN_BEFORE.test(text.slice(Math.max(sentence.start, start - 30), start)) && PAST_PERIOD_AFTER.test(text.slice(end, end + 30))) continue;
        const before = text.slice(Math.max(sentence.start, start - 60), start);
        const after = text.slice(end, Math.min(sentence.end, end + 40));
        // ("responsible for car-bombing attacks": the words before a hyphenated trigger are read from its word's start.)
        const prefix = /[\p{L}]+-$/u.exec(text.slice(Math.max(sentence.start, start - 20), start))?.[0].length ?? 0;
        const notAnEvent = NOT_AN_EVENT_BEFORE.exec(prefix ? text.slice(Math.max(sentence.start, start - prefix - 60), start - prefix) : before);
        // ("a wave of bombings Wednesday that also struck ...": a series dated to a day is that day's incident.)
        // ("were injured in repeated clashes between demonstrators and police in Phnom Penh Tuesday": repeated acts on a day
        // the sentence names, with their hurt, are that day's incident, not a practice; nineteenth pass.)
        const repeatedOnDay = notAnEvent !== null && /^repeated\s/i.test(notAnEvent[0]) && dates.some((d) => d.precision === "day" && d.start > start && !notWhen(text, d, sentence.start)) && /\b(?:killed|dead|died|wounded|injured|hurt)\s+(?:in|during)\s+$/i.test(text.slice(Math.max(sentence.start, start - 60), start - notAnEvent[0].length));
        // (h18aj: "was involved in an attack in X earlier this month that killed one civilian": an attack a person took part
        // in, told with its own toll, is a background incident the keys count.)
        // (h18an: so is one a person is suspected of, accused of, wanted for or responsible for: "a man suspected of the
        // bombing of a bus in Kano last month that killed 12 people".)
        const tolledPart = notAnEvent !== null && INVOLVED_IN.test(notAnEvent[0]) && INVOLVED_TOLL_AFTER.test(text.slice(end, sentence.end));
        if (notAnEvent && !repeatedOnDay && !tolledPart && !(SERIES.test(notAnEvent[0]) && (DAY_AFTER.test(after) || SERIES_TOLL_AFTER.test(text.slice(end, sentence.end))))) {
          dropped.push({ start, end });
          continue;
        }
        if (ruleType === "armed_clash" && FIGHTING_FIRE_AFTER.test(after)) continue;
        // "More than 200,000 people have died from fighting, famine and disease": fighting listed among a toll's causes is a
        // conflict's running toll, no battle (eighteenth pass).
        if (ruleType === "armed_clash" && /^fighting$/i.test(m[0]) && /\b(?:died|perished|dead)\s+(?:from|of|in)\s+$/i.test(before) && CAUSES_AFTER.test(after)) continue;
        // (A conflict's start in a year before the story's, a war told by its length, a feud's part: background, see above.)
        const onset = PAST_ONSET_AFTER.exec(text.slice(end, Math.min(sentence.end, end + 60)));
        // (Its year sets no scene for the sentences after it either.)
        if ((onset && published !== null && Number(onset[1]) < Number(published.slice(0, 4))) || LONG_WAR_AFTER.test(after) || ((PLURAL_TRIGGER.test(m[0]) || /^(?:clashes|skirmishes|fighting)$/i.test(m[0])) && PART_OF_FEUD_AFTER.test(text.slice(end, sentence.end)))) {
          background = true;
          continue;
        }
        if (ruleType === "explosion" && /^exploded$/i.test(m[0]) && (FIGURATIVE_EXPLOSION_BEFORE.test(before) || /^\s+into\b/i.test(after))) continue;
        // (Twenty-fourth pass, h18af: "no suspects have yet been arrested", "the gunmen have not been caught": a verb the clause
        // denies reports nothing; "he thought the explosion was an earthquake": what someone took it for is no incident of
        // its own; "Another typhoon is being monitored and could hit Luzon": a storm forecast to come has not happened.)
        if (PARTICIPLE.test(m[0]) && NEGATED_BEFORE.test(before)) continue;
        if (MISTAKEN_FOR_BEFORE.test(before)) continue;
        // (h18ah: "had been released from 10 days of house arrest": the end of a penalty, no arrest. "Is fighting for his
        // life" is no battle either: FIGHTING_FIRE_AFTER, above.)
        if (ruleType === "arrest" && RELEASED_FROM_BEFORE.test(before)) continue;
        if (ruleType === "other" && FORECAST_AFTER.test(text.slice(end, Math.min(sentence.end, end + 90)))) continue;
        // "a rocket attack on a coalition base ... was averted": an attack that did not happen.
        if (AVERTED_AFTER.test(text.slice(end, Math.min(sentence.end, end + 90)))) continue;
        // "The wounded soldier was medically evacuated to a hospital": a casualty's transport, no evacuation of a place.
        if (ruleType === "evacuation" && (MEDICAL_BEFORE.test(before) || MEDICAL_AFTER.test(after))) continue;
        // "the insurgents had fled the area": the attackers' escape, not people displaced.
        if (ruleType === "evacuation" && /^fled\b/i.test(m[0]) && FLEEING_ATTACKERS.test(before)) continue;
        // "operations to expel al-Qaida from the province": driving out an armed group, no diplomatic act.
        if (ruleType === "diplomatic_action" && /^expel/i.test(m[0]) && ARMED_GROUP_AFTER.test(text.slice(end, Math.min(sentence.end, end + 70)))) continue;
        // "the al-Qaida bombing and facilitation networks", "a car bomb cell leader": the word names what a group does, no event.
        if ((ruleType === "attack" || ruleType === "explosion") && GROUP_AFTER.test(text.slice(end, Math.min(sentence.end, end + 70)))) continue;
        // "a weapons cache that included mortar rounds and two IEDs": weapons in an inventory, no attack.
        if (ruleType === "attack" && WEAPON.test(m[0]) && CACHE.test(sentence.text)) continue;
        // "found artillery and mortar rounds near Muqdadiyah", "while investigating a suspected IED": a device found or checked, no attack.
        if (ruleType === "attack" && WEAPON.test(m[0]) && DEVICE_HANDLED_BEFORE.test(before)) continue;
        // ("Troops seized a large amount of weapons including a 120 mm mortar tube, three 120 mm mortar rounds, ...": an
        // inventory of what was seized, however long, no attack; nineteenth pass.)
        if (ruleType === "attack" && WEAPON.test(m[0]) && INVENTORY_BEFORE.test(text.slice(sentence.start, start))) continue;
        // "Another captured suspect was found with $570,000", "the detained men": a participle describing people, no arrest reported.
        if (ruleType === "arrest" && /^(?:captured|detained|arrested)$/i.test(m[0]) && PARTICIPLE_DETERMINER_BEFORE.test(before) && PEOPLE_AFTER.test(after)) continue;
        // "The group is fighting to overthrow the government": a war aim, not a battle.
        if (ruleType === "armed_clash" && /^fighting$/i.test(m[0]) && /^\s+to\s/i.test(after)) continue;
        // "an enemy fighting position", "men of fighting age": a modifier, no battle.
        if (ruleType === "armed_clash" && /^fighting$/i.test(m[0]) && FIGHTING_AS_MODIFIER.test(after)) continue;
        // "voiced our strong protest", "resigned in protest": a complaint or a motive, not a demonstration.
        if (ruleType === "protest" && /^protest$/i.test(m[0]) && /(?:\b(?:voiced|lodged|filed|registered|expressed|delivered|sent)\s+(?:[\p{L}-]+\s+){0,2}|\bin\s+)$/iu.test(before)) continue;
        if (ruleType === "closure" && /^\s+(?:\p{L}+\s+){0,2}(?:shops|stores|businesses|markets)\b/iu.test(after) && /\bprotest|\bmarch|\bstrike/i.test(sentence.text)) continue; // shops shut in protest: the protest is the event
        // "came under small-arms attack ... returned fire": armed forces fighting back, a battle (ACLED), not a one-sided attack.
        const line = analyzed.paragraphs[sentence.paragraph];
        const cameUnder = ruleType === "attack" && CAME_UNDER.test(before);
        const foughtBack = (cameUnder && line !== undefined && RETURNED_FIRE.test(text.slice(line.start, line.end)));
        // "a suicide car bomb detonated": a blast someone set off is an attack; "explosion" is for one nobody did.
        // ("Terrorist Explosions Kill, Injure Iraqis": a blast called terrorist is an attack too.)
        // ("About 15 minutes later, two kilometers from the first attack, a sedan exploded": a car that explodes where the
        // sentence speaks of attacks is a car bomb; eighteenth pass.)
        // ("two mortar explosions were reported": a projectile's blast is fired by someone, an attack; nineteenth pass.)
        const bombed = ruleType === "explosion" && (BOMB_WORDS.test(sentence.text) || PROJECTILE_BEFORE.test(before) || /\b(?:terrorist|terror)\s+$/i.test(before) || (/^exploded$/i.test(m[0]) && VEHICLE_BEFORE.test(before) && /\battacks?\b/i.test(sentence.text)));
        hits.push({ type: foughtBack ? "armed_clash" : bombed ? "attack" : ruleType, start, end, cameUnder, fightersKilled: rule.pattern === FIGHTERS_KILLED, killsFighters: rule.pattern === FIGHTERS_KILLED || (rule.pattern === FORCES_KILLED_FIGHTERS && ruleType !== "arrest") });
      }
    }
    // "One soldier ... was killed near Sadr City", "A U.S. Marine died July 24 from wounds received ...": a service
    // member's death that the sentence reports with no incident word is an attack on them (the notices of
    // military copy), unless the words say it was no act of war ("in a vehicle accident", "non-combat").
    if (!hits.length && !inHeadline(sentence)) {
      // (Or many people killed: a massacre told by its toll.)
      // (Or, nineteenth pass, people counted killed or hurt in a sentence that opens a new report, "Elsewhere, 20 people,
      // including women and children, were wounded in eastern Afghanistan when ...": an incident of its own, not more
      // victims of the one told before.)
      const newReport = SEPARATELY.test(sentence.text) || ALSO_OPENING.test(sentence.text);
      // (h18ad: or a person armed with a weapon who killed, stabbed or shot people: "A man armed with a knife killed three people".)
      const death = ARMED_PERSON_HARMED.exec(sentence.text) ?? SERVICE_DEATH.exec(sentence.text) ?? MANY_KILLED.exec(sentence.text) ?? BODIES_SHOT.exec(sentence.text) ?? ARMED_GROUP_KILLED.exec(sentence.text) ?? manyKilledInWords(text, sentence, analyzed.paragraphs[sentence.paragraph]?.start ?? sentence.start) ?? (newReport ? COUNTED_HURT.exec(sentence.text) : null);
      const range = death ? { start: sentence.start + death.index + death[0].length - (death[1] ?? "").length, end: sentence.start + death.index + death[0].length } : null;
      // (Nor a total over a war or since a day: "more than the 115 soldiers who were killed during the war".)
      // ("Forty-two peacekeepers have been killed in Mali since the mission was established": a count since a day, no death notice.)
      // (h18ap: "The Observatory says 12 people were killed", after a sourced report that counted the dead: a rival source's
      // count of the last incident's dead, no massacre of its own; the toll rule below keeps the first figure.)
      const rivalCount = death !== null && RIVAL_SOURCE_TOLL.test(sentence.text) && rivalSourced(drafts, sentence);
      // (h18ap: "At least 75 people were killed in the bloody siege": the dead of a siege or a standoff, a fight.)
      const otherEvent = death !== null ? OTHER_EVENT_TOLL.exec(sentence.text) : null;
      if (range && !rivalCount && outside(range) && !NOT_IN_ACTION.test(sentence.text) && !AGGREGATE.test(sentence.text) && !/\bsince\b/i.test(sentence.text) && !FUTURE.test(sentence.text.slice(0, range.start - sentence.start)))
        hits.push({ type: otherEvent && !/crackdown|hostage/i.test(otherEvent[0]) ? "armed_clash" : "attack", ...range, cameUnder: false, fightersKilled: false, killsFighters: false });
    }
    // "A soldier on patrol in Tal Afar was killed by a roadside bomb, and a soldier was killed by small-arms fire in
    // Mosul": a clause joined by ", and" that tells a service member's death with no incident word of its own, beside a
    // clause that reports one, is another incident (nineteenth pass).
    if (hits.length && !inHeadline(sentence))
      for (const clause of clauses) {
        if (hits.some((h) => h.start >= clause.start && h.start < clause.end) || !/^,\s+and\s/.test(text.slice(clause.start, clause.start + 8))) continue;
        const clauseText = text.slice(clause.start, clause.end);
        const death = SERVICE_DEATH.exec(clauseText);
        if (!death || NOT_IN_ACTION.test(clauseText) || AGGREGATE.test(clauseText)) continue;
        // (Only at a place of its own, other than the one the sentence's incident is told at: "The bomb hit their truck, and
        // four soldiers were killed" tells one attack's toll.)
        const own = sentencePlaces.filter((p) => p.locative && !p.demonym && p.start >= clause.start && p.end <= clause.end);
        const elsewhere = sentencePlaces.filter((p) => p.locative && !p.demonym && (p.end <= clause.start || p.start >= clause.end));
        if (!own.length || !elsewhere.length || own.some((p) => elsewhere.some((o) => o.name === p.name))) continue;
        const start = clause.start + death.index + death[0].length - (death[1] ?? "").length;
        hits.push({ type: "attack", start, end: clause.start + death.index + death[0].length, cameUnder: false, fightersKilled: false, killsFighters: false, clauseDeath: true });
      }
    // "The men fled and ignored orders to stop. Two of the men were killed and two were detained.": some of the people
    // an arrest is made of, killed in it, were killed in a fight with the forces (a battle beside the arrest).
    if (hits.some((h) => h.type === "arrest") && !hits.some((h) => VIOLENT.includes(h.type))) {
      const killed = PARTITIVE_KILLED.exec(sentence.text);
      if (killed) {
        const start = sentence.start + killed.index + killed[0].length - (killed[1] ?? "").length;
        hits.push({ type: "armed_clash", start, end: start + (killed[1] ?? "").length, cameUnder: false, fightersKilled: false, killsFighters: false });
      }
    }
    hits.sort((a, b) => a.start - b.start);
    // (Twenty-second pass, h18ab: "attacks remain common", "such bombings are frequent": a kind of incident said to be
    // usual is no incident.)
    for (let i = hits.length - 1; i >= 0; i--) {
      const hit = hits[i] as (typeof hits)[number];
      if ((PLURAL_TRIGGER.test(text.slice(hit.start, hit.end)) || PLURAL_DISASTER.test(text.slice(hit.start, hit.end))) && USUAL_AFTER.test(text.slice(hit.end, hit.end + 80))) hits.splice(i, 1);
    }
    // No new kidnapping: crimes a speaker lists inside a quotation ("We shall discover all the people that act
    // criminally, killed, kidnapped, tortured"; a quotation may open in an earlier sentence of the paragraph), or a
    // release that ends one told before or in the background ("Six guards who had been held hostage were freed").
    const paragraphStart = analyzed.paragraphs[sentence.paragraph]?.start ?? sentence.start;
    const quoted = (h: TextRange): boolean => ((text.slice(paragraphStart, h.start).match(/["“”]/g) ?? []).length % 2) === 1;
    const released = RELEASE.test(sentence.text);
    for (let i = hits.length - 1; i >= 0; i--) {
      const hit = hits[i] as (typeof hits)[number];
      if (hit.type === "other" && KIDNAPPING_TOLD.test(text.slice(hit.start, hit.end)) && (released || quoted(hit))) hits.splice(i, 1);
    }
    // "Gunmen have kidnapped three oil workers", "when gunmen stormed the bar" (the kidnapped workers'): the takers and
    // their entry are the kidnapping's, typed as it is (`other`), not an attack beside it.
    if (KIDNAPPING_TOLD.test(sentence.text))
      for (const h of hits) if (h.type === "attack" && KIDNAPPERS_WORD.test(text.slice(h.start, h.end))) h.type = "other";
    // "Police fired tear gas to break up the rally", "security forces used force to disperse ... supporters": a gathering
    // dispersed by force is an attack on it (the keys' convention), beside the gathering itself.
    for (const h of hits) if (h.type === "protest" && DISPERSAL_WEAPON.test(text.slice(h.start, h.end)) && FORCE_USED_BEFORE.test(text.slice(Math.max(sentence.start, h.start - 60), h.start))) h.type = "attack";
    // ("Relatives gathered outside the prison, and police used tear gas to push back a crowd": the gathering the sentence
    // names with no protest word is the protest beside its dispersal.)
    if (hits.some((h) => h.type === "attack" && DISPERSAL_WEAPON.test(text.slice(h.start, h.end))) && !hits.some((h) => h.type === "protest")) {
      const gathering = GATHERING.exec(sentence.text);
      const start = gathering ? sentence.start + gathering.index : -1;
      if (gathering && !hits.some((h) => h.start < start + gathering[0].length && start < h.end)) hits.push({ type: "protest", start, end: start + gathering[0].length, cameUnder: false, fightersKilled: false, killsFighters: false });
    }
    // "protesters set ablaze tires", "opposition activists burned one car": arson by a crowd is a riot, not an attack.
    // (The crowd is the arson's subject: "protesters who police said had set fire to buses" is an accusation, left as it was.)
    // ("Rioting youths in the suburbs torched cars": arson in a sentence that reports the riot is the riot's.)
    const riotTold = hits.some((h) => h.type === "riot");
    for (const h of hits) if (h.type === "attack" && ARSON_WORD.test(text.slice(h.start, h.end)) && (riotTold || CROWD_SUBJECT_BEFORE.test(text.slice(Math.max(sentence.start, h.start - 50), h.start)))) h.type = "riot";
    // Twentieth pass (h18y), unrest: "The demonstrations began Monday when hundreds attacked and looted a warehouse",
    // "protesters stormed the building": a crowd's attack in a sentence that reports its protest is a riot, and the
    // looting with it is the riot's; "protesters ... after fierce clashes with riot police": a crowd's clash with the
    // police is a riot too (ACLED's violent demonstration), no battle.
    if (hits.some((h) => h.type === "protest")) {
      for (const h of hits)
        if (h.type === "attack" && CROWD_ATTACK_VERB.test(text.slice(h.start, h.end)) && (CROWD_SUBJECT_BEFORE.test(text.slice(Math.max(sentence.start, h.start - 50), h.start)) || CROWD_NUMBER_BEFORE.test(text.slice(Math.max(sentence.start, h.start - 40), h.start)))) h.type = "riot";
    }
    // (Only a crowd of protesters: "opposition supporters clashed with police" stays the seeds' battle.)
    if (/\b(?:protest(?:er|or)s|demonstrators|rioters)\b/i.test(sentence.text)) for (const h of hits) if (h.type === "armed_clash" && /^clash/i.test(text.slice(h.start, h.end)) && CLASH_WITH_POLICE_AFTER.test(text.slice(h.end, h.end + 40))) h.type = "riot";
    // ("leaving citizens vulnerable to ongoing attacks by rebels": attacks told as a running state are the background.)
    for (let i = hits.length - 1; i >= 0; i--) if ((hits[i] as (typeof hits)[number]).type === "attack" && /\b(?:ongoing|continuing|continued|repeated|frequent|recurring|persistent|regular)\s+$/i.test(text.slice(Math.max(sentence.start, (hits[i] as TextRange).start - 12), (hits[i] as TextRange).start)) && /s$/i.test(text.slice((hits[i] as TextRange).start, (hits[i] as TextRange).end))) hits.splice(i, 1);
    if (hits.some((h) => h.type === "riot")) {
      for (let i = hits.length - 1; i >= 0; i--) if ((hits[i] as (typeof hits)[number]).type === "other" && /^loot/i.test(text.slice((hits[i] as TextRange).start, (hits[i] as TextRange).end))) hits.splice(i, 1);
      // ("The demonstrations began Monday when hundreds attacked ...": the protest the story told turned into this riot.)
      const riot = hits.find((h) => h.type === "riot");
      const pointer = hits.findIndex((h) => h.type === "protest" && riot !== undefined && h.end <= riot.start && anaphoricAt(sentence.tokens, h, text) && /^\s+(?:began|started|erupted|turned violent)\b[^.;]{0,40}?\bwhen\s+$/i.test(text.slice(h.end, riot.start).replace(/\s+(?:hundreds|thousands|dozens|scores|(?:the\s+)?(?:protesters|demonstrators|crowds?|mobs?|youths))(?:\s+of\s+\p{L}+)?\s+(?:also\s+|then\s+)?$/iu, " ")));
      if (pointer >= 0 && riot !== undefined) {
        hits.splice(pointer, 1);
        riot.escalates = true;
      }
    }
    // "police killed at least one protester": force used on a crowd is an attack on it (ACLED's excessive force), not a protest.
    for (const h of hits) if (h.type === "protest" && CROWD.test(text.slice(h.start, h.end)) && FORCES_HURT_BEFORE.test(text.slice(Math.max(sentence.start, h.start - 80), h.start))) h.type = "attack";
    // ("troops ... trading fire with gunmen": the gunmen a fight is with are its side, no attack of their own.)
    for (let i = hits.length - 1; i >= 0; i--) {
      const hit = hits[i] as (typeof hits)[number];
      if (hit.type === "attack" && /^gunm[ae]n$/i.test(text.slice(hit.start, hit.end)) && hits.some((h) => h.type === "armed_clash" && h.end <= hit.start && /^\s+with\s+(?:the\s+|armed\s+|[\p{L}-]+\s+)?$/u.test(text.slice(h.end, hit.start)))) hits.splice(i, 1);
    }
    // ("two protesters had been shot dead": the crowd word names the victims of the attack beside it, no protest of its own.)
    for (let i = hits.length - 1; i >= 0; i--) {
      const hit = hits[i] as (typeof hits)[number];
      if (hit.type === "protest" && CROWD.test(text.slice(hit.start, hit.end)) && CROWD_AS_VICTIMS_AFTER.test(text.slice(hit.end, Math.min(sentence.end, hit.end + 50))) && hits.some((h) => h.type === "attack" && h.start > hit.end)) hits.splice(i, 1);
    }
    // "protesters set ablaze tires", "demonstrators had set up street barricades": the crowd that riots is the riot's, no protest beside it.
    for (let i = hits.length - 1; i >= 0; i--) {
      const hit = hits[i] as (typeof hits)[number];
      // ("gangs took to the streets on Monday, looting shops and burning cars": the street idiom of a riot is the riot's.)
      const crowd = CROWD.test(text.slice(hit.start, hit.end)) || /\bto the streets$/i.test(text.slice(hit.start, hit.end));
      if (hit.type === "protest" && crowd && hits.some((h) => h.type === "riot" && h.start >= hit.end && h.start - hit.end <= 60)) hits.splice(i, 1);
    }
    // "Najah said 23 militants were killed by the government forces", "the troops killed 13 militants", after
    // al-Shabab's attack on a base: the attackers' own dead, part of that attack (the keys' victims-only
    // reading), no battle of their own; an attack the forces came under and fought back is a battle, as before.
    // ("..., but declined to comment on the soldiers killed in the attack": a reference back to it changes nothing.)
    if (hits.some((h) => h.killsFighters) && hits.every((h) => h.killsFighters || (h.type === "attack" && anaphoricAt(sentence.tokens, h, text))) && !sentencePlaces.some((p) => p.locative && !p.demonym)) {
      const lastViolent = byRecency(drafts).find((d) => VIOLENT.includes(d.type));
      if (lastViolent?.type === "attack" && !lastViolent.cameUnder && lastViolent.attributedTo !== null && lastViolent.mentions.some((m) => m.sentence.paragraph >= sentence.paragraph - 2)) return;
    }
    // "Two soldiers and 12 militants were killed when al-Shabab attacked a convoy": fighters killed in an attack are its toll, no battle.
    // "Security forces killed several armed insurgents and wounded another who ambushed their patrol", "forces killed two
    // gunmen after they attacked a checkpoint": the attack of the fighters the forces killed is the fight the sentence
    // reports, one battle, no attack beside it (eighteenth pass).
    for (let i = hits.length - 1; i >= 0; i--) {
      const hit = hits[i] as (typeof hits)[number];
      if (hit.type !== "attack" || !ATTACK_VERB.test(text.slice(hit.start, hit.end))) continue;
      const battle = hits.find((h) => h.killsFighters && !h.fightersKilled && h.end <= hit.start);
      if (battle && ATTACKERS_BETWEEN.test(text.slice(battle.end, hit.start))) hits.splice(i, 1);
    }
    // "Wednesday's blast triggered a massive blaze": a fire the blast set off is that blast's, no incident of its own.
    for (let i = hits.length - 1; i >= 0; i--) {
      const hit = hits[i] as (typeof hits)[number];
      if (hit.type !== "other" || !FIRE_WORD.test(text.slice(hit.start, hit.end))) continue;
      const blast = hits.find((h) => (h.type === "explosion" || h.type === "attack") && h.end <= hit.start);
      // (Twentieth pass, h18y: "a gas leak caused an explosion and fire that killed three": one blast told with its fire.)
      // ("the explosion occurred on the eighth floor and the resulting fire swept through": the fire it brought about.)
      if (blast && (SET_OFF_BETWEEN.test(text.slice(blast.end, hit.start)) || /^\s+and\s+(?:an?\s+|the\s+)?$/i.test(text.slice(blast.end, hit.start)) || /\b(?:resulting|ensuing|subsequent)\s+$/i.test(text.slice(Math.max(sentence.start, hit.start - 12), hit.start)))) hits.splice(i, 1);
    }
    const attackReported = hits.some((h) => h.type === "attack" || h.type === "explosion");
    if (attackReported) for (let i = hits.length - 1; i >= 0; i--) if ((hits[i] as (typeof hits)[number]).fightersKilled) hits.splice(i, 1);
    // "a suicide bombing at a Shiite demonstration", "opened fire on protesters": the gathering is
    // the attack's target, not an incident of its own.
    for (let i = hits.length - 1; i >= 0; i--) {
      const hit = hits[i] as (typeof hits)[number];
      if (hit.type !== "protest") continue;
      const attack = hits.find((h) => (h.type === "attack" || h.type === "explosion") && h.end <= hit.start && hit.start - h.end <= 40);
      if (attack && TARGET_BETWEEN.test(text.slice(attack.start, hit.start))) hits.splice(i, 1);
    }
    // "Coalition forces killed two insurgents and detained five suspects", "raided a compound, killing eight extremists and
    // capturing six others": a raid that kills and detains is one arrest carrying its dead (the keys' convention, README
    // "killed N and detained M"), no battle beside it (nineteenth pass). The forces' killing is told by the battle
    // words (FORCES_KILLED_FIGHTERS, FIGHTERS_KILLED) or by "killing N <fighters>" after a raid verb; a capture of "N
    // others" after it is the arrest the trigger words miss. Not when the sentence reports an attack or a fight besides.
    const killing = RAID_KILLING.exec(sentence.text);
    if (!hits.some((h) => h.type === "arrest") && (killing || hits.some((h) => h.killsFighters))) {
      const others = RAID_CAPTURE_OTHERS.exec(sentence.text);
      if (others) {
        const start = sentence.start + others.index;
        hits.push({ type: "arrest", start, end: start + (others[1] ?? "").length, cameUnder: false, fightersKilled: false, killsFighters: false });
        hits.sort((a, b) => a.start - b.start);
      }
    }
    const raidArrest = hits.find((h) => h.type === "arrest");
    // (The victims' noun is no attack of theirs: "killing four gunmen".)
    const killed = (h: TextRange): boolean => killing !== null && h.start >= sentence.start + killing.index && h.end <= sentence.start + killing.index + killing[0].length && h.start > sentence.start + killing.index + killing[0].search(/\bkill/i);
    if (raidArrest && (killing || hits.some((h) => h.killsFighters)) && hits.every((h) => h.type === "arrest" || h.killsFighters || killed(h))) {
      for (let i = hits.length - 1; i >= 0; i--) if ((hits[i] as (typeof hits)[number]).killsFighters || killed(hits[i] as (typeof hits)[number])) hits.splice(i, 1);
      for (const h of hits) h.raid = true;
    }
    // Twentieth pass (h18y): "20 people were wounded when extremists fired a rocket ... The incident occurred in Kunar
    // province": a pointer back with no trigger word, whose verb says where it happened, refines the last incident's place
    // as "The attack occurred in ..." does.
    const pointer = hits.length || inHeadline(sentence) ? null : INCIDENT_POINTER.exec(sentence.text);
    const pointed = pointer ? byRecency(drafts)[0] : undefined;
    if (pointer && pointed && pointed.mentions.some((m) => m.sentence.paragraph >= sentence.paragraph - 1)) {
      const start = sentence.start + pointer.index + (pointer[0].length - (pointer[1] ?? "").length);
      hits.push({ type: pointed.type, start, end: start + (pointer[1] ?? "").length, cameUnder: false, fightersKilled: false, killsFighters: false });
    }
    if (!hits.length && !inHeadline(sentence) && !background) {
      // ("Since October 2004, there has been a pattern of ...": a span's start sets no scene.)
      const day = dates.find((d) => !FUTURE.test(text.slice(sentence.start, d.start)) && !notWhen(text, d, sentence.start) && !/^since\b/i.test(text.slice(d.start, d.end)));
      if (day) sceneDate = { paragraph: sentence.paragraph, date: day };
    }
    const scene = sceneDate !== null && sceneDate.paragraph === sentence.paragraph ? sceneDate.date : null;
    // Twentieth pass (h18y): "In other news, suicide bombers struck religious targets today. In Khadamiyah, a bomber ...
    // In southern Baghdad, guards stopped two bombers ...": a paragraph that opens on a report and its day sets the scene
    // for the reports after it, as a sentence with no incident does.
    if (hits.length && !inHeadline(sentence) && !background && analyzed.paragraphs[sentence.paragraph]?.start === sentence.start) {
      // (Not a possessive day, "condemns today's attack", which dates its own noun only.)
      const day = dates.find((d) => d.precision === "day" && !FUTURE.test(text.slice(sentence.start, d.start)) && !notWhen(text, d, sentence.start) && !/^since\b/i.test(text.slice(d.start, d.end)) && !POSSESSIVE_AFTER.test(text.slice(d.end, d.end + 3)));
      if (day) sceneDate = { paragraph: sentence.paragraph, date: day };
    }
    const sentenceMentions: Mention[] = [];
    for (const hit of hits) {
      const clause = clauses.find((c) => hit.start >= c.start && hit.start < c.end) ?? sentence;
      // "The soldiers returned fire": a fight back in the incident just reported, as "the attack" is.
      const fightBack = hit.type === "armed_clash" && FIGHT_BACK.test(text.slice(hit.start, hit.end));
      // ("An hours-long gunbattle ensued": a fight that follows the incident just reported is part of it.)
      const ensued = hit.type === "armed_clash" && ENSUED_AFTER.test(text.slice(hit.end, Math.min(sentence.end, hit.end + 30)));
      const anaphoric = anaphoricAt(sentence.tokens, hit, text) || fightBack || ensued;
      const line = analyzed.paragraphs[sentence.paragraph];
      const scope = line !== undefined && LIST_ITEM.test(text.slice(line.start, line.start + 5)) ? line : ALSO_OPENING.test(sentence.text) ? sentence : null;
      const secondWave = hit.type === "attack" && SECOND_WAVE.test(text.slice(clause.start, clause.end));
      // ("A second bomb detonated shortly after the first": a second device of one attack, not another attack.)
      // ("In a separate attack, six soldiers were wounded after their convoy struck an IED": "separate" sets the sentence's first report apart, not each word of it.)
      const another = ANOTHER_BEFORE.exec(text.slice(Math.max(clause.start, hit.start - 40), hit.start));
      const clockMatch = CLOCK.exec(text.slice(clause.start, clause.end));
      // (Not a device named as an object: "emplacing explosive devices ... beginning at about 9:15 a.m." goes on with the report.)
      const clock = clockMatch && !WEAPON.test(text.slice(hit.start, hit.end)) ? clockMatch[0].toLowerCase().replace(/\s+/g, " ") : null;
      // "Another U.S. patrol was attacked in south Baghdad": a clause about another victim reports another incident
      // (not "A second bomb detonated": a second device of one attack).
      const anotherOpening = ANOTHER_OPENING.exec(text.slice(clause.start, hit.start));
      const anotherSubject = anotherOpening !== null && hit.type === "attack" && !text.slice(clause.start + anotherOpening.index + anotherOpening[0].length, hit.start).includes(",") && !hits.some((h) => h.start >= clause.start && h.start < hit.start) && !DEVICE_WORD.test(text.slice(clause.start + anotherOpening.index + anotherOpening[0].length, clause.end).split(/\s+/).slice(0, 3).join(" "));
      // (A headline's "another" sets its incident apart from earlier news, not from the story's lede: "Another Suicide Bombing
      // Leaves 8 Dead" is the bombing the body leads with.)
      const setApart = (anotherSubject && !inHeadline(sentence)) || (another !== null && !inHeadline(sentence) && !DEVICE.test(text.slice(hit.start, hit.end)) && !DEVICE_WORD.test(another[0])) || (SEPARATELY.test(sentence.text) && !hits.some((h) => h.start < hit.start && sameFamily(h.type, hit.type))) || secondWave || (OPERATION_TYPES.has(hit.type) && FRONTED_PLACE_AND_DAY.test(sentence.text) && !hits.some((h) => h.start < hit.start && sameFamily(h.type, hit.type)));
      // A place nearer a trigger word dropped as hypothetical is that word's ("arrested people planning attacks in Warsaw").
      // ("The attack comes a day after gunmen killed ...": the words after "comes a day after" report an earlier incident.)
      const comesAfter = COMES_AFTER.exec(sentence.text);
      const afterAt = comesAfter !== null ? sentence.start + comesAfter.index + comesAfter[0].length : sentence.end;
      // (h18ah: "The attack on the army camp came hours before the president visited the mosque in Srinagar": the words after
      // "came hours before" tell a later event, whose place is not the incident's.)
      const comesBefore = comesAfter === null && hit.start < sentence.start + 80 ? COMES_BEFORE.exec(sentence.text) : null;
      const beforeAt = comesBefore !== null ? sentence.start + comesBefore.index + comesBefore[0].length : sentence.end;
      // (Its first report of each kind opens that incident: "detonated a car bomb" is one. The sentence's own incident is
      // named before it, "The attack", "Friday's blast"; "came after five days of clashes" is a span, no earlier incident.)
      const earlier = comesAfter !== null && hit.start >= afterAt && (hits.some((h) => h.end <= sentence.start + comesAfter.index) || (drafts.length > 0 && comesAfter[2] !== undefined && REFERENCE_SUBJECT.test(sentence.text.slice(0, comesAfter.index)))) && !hits.some((h) => h.start >= afterAt && h.start < hit.start && sameFamily(h.type, hit.type));
      const inClause = sentencePlaces.filter(
        (p) => p.start >= clause.start && p.end <= clause.end && !p.demonym && !dropped.some((d) => distance(p, d) < distance(p, hit)) && (comesAfter === null || (hit.start >= afterAt) === (p.start >= afterAt)) && (comesBefore === null || (hit.start >= beforeAt) === (p.start >= beforeAt)),
      );
      // "attacked Maiduguri", "shelled the Kharkiv region": the place an attack verb takes is where it happened.
      // "military officials in Baghdad reported": where the telling is, not where it happened.
      // "the murder of a marine in A on January 14 and the murder of a gendarme in B on January 15": in a list of
      // reports of one type, each takes the places and days between it and the next (when that stretch names any).
      // (A list repeats its word; "suicide bombers attacked a base" is one report.)
      const word = (h: TextRange): string => text.slice(h.start, h.end).toLowerCase();
      const siblings = hits.filter((h) => h !== hit && h.type === hit.type && word(h) === word(hit) && h.start >= clause.start && h.start < clause.end);
      const stretch = siblings.length ? { start: hit.start, end: Math.min(clause.end, ...siblings.filter((h) => h.start >= hit.end).map((h) => h.start)) } : null;
      const ownStretch = <T extends TextRange>(list: readonly T[]): T[] => {
        if (!stretch) return [...list];
        const within = list.filter((x) => x.start >= stretch.start && x.end <= stretch.end);
        // (What the next report of the list names is its own, not this one's.)
        return within.length ? within : list.filter((x) => x.start < stretch.end);
      };
      const locatedAll = ownStretch(inClause).filter((p) => !TREATED_AT_BEFORE.test(text.slice(Math.max(sentence.start, p.start - 40), p.start))).filter((p) => !(TELLING_AFTER.test(text.slice(p.end, Math.min(sentence.end, p.end + 14))) && OFFICIALS_IN_BEFORE.test(text.slice(Math.max(sentence.start, p.start - 40), p.start)))).filter((p) => !tellersPlace(text, sentence, p, hit)).filter((p) => !(p.start > hit.end && SAID_IN_BETWEEN.test(text.slice(hit.end, p.start)))).filter((p) => p.locative || ((hit.type === "attack" || (hit.type === "armed_clash" && GROUND_TAKEN.test(text.slice(hit.start, hit.end)))) && p.start >= hit.end && /^\s+(?:the\s+)?$/.test(text.slice(hit.end, p.start))) || (hit.type === "evacuation" && p.start > hit.end && /\bfrom\s+(?:the\s+)?$/i.test(text.slice(Math.max(clause.start, p.start - 12), p.start))));
      // "In Zabul province's Shah Joy District, about 140 km northeast of Kandahar": a place a distance is
      // measured from is only a bearing when the clause names another finer than a country ("45 kilometers
      // southwest of Timbuktu in Mali" stays Timbuktu's).
      // (Twentieth pass, h18y: "in the town of Avgani, near Tal Afar": a place set off after another by "near" or "outside"
      // is that one's reference point, a bearing too.)
      const setOffBearing = (p: PlacedMention): boolean => sentencePlaces.some((q) => q.locative && !q.demonym && q.end <= p.start && q.name !== p.name && NEAR_SET_OFF_BETWEEN.test(text.slice(q.end, p.start)));
      const bearingOnly = (p: PlacedMention): boolean =>
        DISTANCE_FROM_BEFORE.test(text.slice(Math.max(clause.start, p.start - 50), p.start)) ||
        setOffBearing(p);
      const located = locatedAll.some((p) => !bearingOnly(p) && !p.demonym && p.kind !== "country") ? locatedAll.filter((p) => !bearingOnly(p)) : locatedAll;
      // Several places of one kind reported as the places of one trigger ("attacks ... in Basra and
      // ... in Baghdad", "attacks in France, Kuwait and Tunisia") are several incidents; a country
      // that holds one of them ("in Lahore, Pakistan") only says where that one is.
      // "In Uruzgan province, ... in Chora district": a province and a district are one place at two scales.
      // "Denver, Colorado": a region or country set off after a city only says where the city is.
      // ("the Damascus suburb of Douma": a city named as what holds the place after it is no place of the list.)
      // (h18ag: "on the Bulawayo-Victoria Falls route": a place joined by a hyphen to the one before it is the far end of a
      // route or line the two name together, no second place of the list.)
      const leaves = located.filter(
        (p) =>
          !p.demonym &&
          !containerOfNext(text, p) &&
          !located.some((o) => o.end < p.start && /^[-–]$/.test(text.slice(o.end, p.start))) &&
          !located.some((o) => o.name !== p.name && (placeWithin(o, p) || adminRank(text, o) > adminRank(text, p) || (p.kind !== "city" && p.kind !== "locality" && (o.kind === "city" || o.kind === "locality") && /^,\s*$/.test(text.slice(o.end, p.start))))),
      );
      // (A town the gazetteer does not know lists beside the cities it knows: "in Baghdad, Mosul, Samarra and Beiji".)
      // (Twenty-first pass, h18aa: "in Kozhikode and neighboring Malappuram" is such a list too.)
      const oneList = leaves.length > 1 && leaves.every((p, k) => k === 0 || /^,?\s*(?:and\s+)?(?:neighbou?ring\s+|nearby\s+)?$/.test(text.slice((leaves[k - 1] as PlacedMention).end, p.start)));
      const kinds = new Set(leaves.map((p) => (p.kind === "locality" && oneList ? "city" : p.kind)));
      const listed = kinds.size === 1 ? [...new Map(leaves.map((c) => [c.name, c])).values()] : [];
      // (Twenty-second pass, h18ab: "attacks that took the lives of six people in a church in Potiskum, as well as more than
      // 140 near a mosque in Kukawa": a plural report whose tolls are each told at a town of their own is one incident a town,
      // each with the toll told beside it, in its clause or one the sentence adds (", as well as"); see TOLL_BEFORE_PLACE.)
      const tollTowns = PLURAL_TRIGGER.test(text.slice(hit.start, hit.end)) && listed.length < 2 ? [...new Map(sentencePlaces.filter((p) => p.locative && !p.demonym && p.start > hit.end && (p.kind === "city" || p.kind === "locality") && !hits.some((h) => h !== hit && h.start > hit.end && h.start < p.start)).map((c) => [c.name, c])).values()] : [];
      const tollListed = tollTowns.length > 1 && tollTowns.every((p, k) => TOLL_BEFORE_PLACE.test(text.slice(k === 0 ? hit.end : (tollTowns[k - 1] as PlacedMention).end, p.start))) ? tollTowns : [];
      // The nearest place, a city or locality before a country ("in Nigeria's Borno state" -> Borno).
      const nearest = (list: readonly PlacedMention[]): PlacedMention | null =>
        [...list].sort((a, b) => PLACE_RANK[b.kind] - PLACE_RANK[a.kind] || distance(a, hit) - distance(b, hit))[0] ?? null;
      // "expelling the envoy over last week's massacre": a diplomatic act answers an event, and a
      // possessive date after it is that event's day. (An arrest "in Monday's bombings" is often keyed on that day.)
      const possessiveOfAnother = (d: DateMention): boolean => hit.type === "diplomatic_action" && d.start >= hit.end && POSSESSIVE_AFTER.test(text.slice(d.end, d.end + 3));
      // ("gunmen ambushed officials touring Wednesday's blast site": a possessive day dates the incident word right after it, no other.)
      const possessiveOfOther = (d: DateMention): boolean =>
        VIOLENT.includes(hit.type) && POSSESSIVE_AFTER.test(text.slice(d.end, d.end + 3)) && !(hit.start > d.end && hit.start - d.end <= 4) && hits.some((h) => h !== hit && h.start > d.end && h.start - d.end <= 4);
      const dateCandidates = ownStretch(dates.filter((d) => d.start >= clause.start && d.end <= clause.end && !FUTURE.test(text.slice(clause.start, d.start)) && !notWhen(text, d, sentence.start) && !possessiveOfAnother(d) && !possessiveOfOther(d) && (comesAfter === null || (hit.start >= afterAt) === (d.start >= afterAt))));
      // A report of such a list with a day of its own, when the list names another day, is an incident of its own.
      const ownDay = stretch !== null && dateCandidates.some((d) => d.start >= stretch.start) && dates.some((d) => d.start >= clause.start && d.end <= clause.end && (d.start < stretch.start || d.start >= stretch.end) && !dateCandidates.some((o) => o.earliest === d.earliest));
      const later = hit.type === "attack" && LATER_VERB.test(text.slice(hit.start, hit.end)) && LATER_BEFORE.test(text.slice(Math.max(sentence.start, hit.start - 20), hit.start)) && NEW_TARGET_AFTER.test(text.slice(hit.end, hit.end + 12));
      const previousOne = VIOLENT.includes(hit.type) && !inHeadline(sentence) && drafts.length > 0 && PREVIOUS_BEFORE.test(text.slice(Math.max(clause.start, hit.start - 30), hit.start)) && AGO.test(text.slice(hit.end, clause.end));
      const distinct = setApart || ownDay || earlier || later || previousOne || hit.clauseDeath === true;
      // A clause without a date borrows one from a clause of the sentence that reports no incident
      // of its own ("at least three protesters were injured when police dispersed the crowd on Monday").
      const borrowed = dates.filter((d) => {
        const home = clauses.find((c) => d.start >= c.start && d.start < c.end);
        return home !== undefined && home !== clause && !hits.some((h) => h.start >= home.start && h.start < home.end) && !FUTURE.test(text.slice(home.start, d.start)) && !notWhen(text, d, sentence.start);
      });
      // The reinforcements sent to an attack were ambushed on its day, unless the words say otherwise.
      // "five airstrikes between April 12 and July 4": the span between two days, not the first of them.
      const span = spanBetween(text, clause, dateCandidates);
      // "in an earthquake-hit area ... continue to search Tuesday": a trigger that only describes a place is not dated by its clause.
      const describesPlace = AFFECTED_AFTER.test(text.slice(hit.end, hit.end + 12));
      // (A death told in a clause of its own, beside the sentence's incident, is of the sentence's day.)
      const sentenceDays = hit.clauseDeath ? dates.filter((d) => !FUTURE.test(text.slice(sentence.start, d.start)) && !notWhen(text, d, sentence.start)) : [];
      // (h18ah: "It is the deadliest attack in Kashmir since the prime minister visited the region two months ago": a
      // comparison with the past; the day after its "since" is another event's, not the incident's.)
      const comparison = SUPERLATIVE_BEFORE.test(text.slice(Math.max(sentence.start, hit.start - 40), hit.start)) && COMPARED_SINCE_AFTER.test(text.slice(hit.end, sentence.end));
      const date = describesPlace || comparison ? null : span ?? [...(dateCandidates.length ? dateCandidates : borrowed.length ? borrowed : sentenceDays)].sort((a, b) => distance(a, hit) - distance(b, hit))[0] ?? (inHeadline(sentence) ? null : headerDate) ?? scene ?? (secondWave ? (byRecency(drafts).find((d) => d.type === "attack")?.date ?? null) : null) ?? presentProgressive(text, sentence, hit, published) ?? sameTime(sentence, lastDay);
      // An earlier incident "a day after" which the sentence's incident came is dated back from that one's day; a later act
      // of the same attackers with no day of its own is of the last incident's day.
      const lastDated = byRecency(drafts).find((d) => VIOLENT.includes(d.type))?.date ?? null;
      const daysBack = comesAfter?.[2] && /^days?$/i.test(comesAfter[2]) ? (DAYS_WORD[(comesAfter[1] ?? "").toLowerCase()] ?? (/^\d+$/.test(comesAfter[1] ?? "") ? Number(comesAfter[1]) : null)) : null;
      const relative =
        date === null && earlier && daysBack !== null && lastDated?.precision === "day" && lastDated.date
          ? daysBefore(lastDated.date, daysBack, sentence.start + (comesAfter?.index ?? 0), comesAfter?.[0] ?? "")
          : date === null && later && lastDated?.precision === "day"
          ? lastDated
          : null;
      // As with dates, a clause without a place borrows one from a clause that reports no incident
      // ("Rescue teams searched villages east of Kozhikode, where mudslides buried homes").
      const borrowedPlaces = sentencePlaces.filter((p) => {
        const home = clauses.find((c) => p.start >= c.start && p.start < c.end);
        // (Twenty-first pass, h18aa: "fighting has escalated since forces withdrew from positions south of X": a clause that
        // dates the incident by another event tells that event's place, not the incident's.)
        return p.locative && !p.demonym && home !== undefined && home !== clause && !hits.some((h) => h.start >= home.start && h.start < home.end) && !TIME_CLAUSE_OPENING.test(text.slice(home.start, home.end));
      });
      // "Near Samarra and Baghdad, coalition forces detained seven suspects": a fronted list of places
      // of one kind, in a clause of their own before the trigger's, are its places as a list in its clause are.
      const fronted = located.length === 0 ? sentencePlaces.filter((p) => !p.demonym && p.end <= clause.start && p.start - sentence.start < 80 && !hits.some((h) => h.start < p.start)) : [];
      const frontedList = fronted.length > 1 && fronted[0]?.locative === true && new Set(fronted.map((p) => p.kind)).size === 1 && (fronted[0]?.kind === "city" || fronted[0]?.kind === "locality") && LIST_JOIN.test(text.slice((fronted.at(-2) as PlacedMention).end, (fronted.at(-1) as PlacedMention).start))
        ? [...new Map(fronted.map((c) => [c.name, c])).values()]
        : [];
      // (Twenty-first pass, h18aa: "Lithuania and Latvia closed border crossings": two or more countries coordinated as the
      // subject of a state's act are one incident each, in its own country, when the clause names no finer place.)
      const actingCountries = STATE_ACTS.has(hit.type) && !located.some((p) => p.kind !== "country") ? subjectCountries(text, clause, hit, sentencePlaces) : [];
      // (Twenty-first pass, h18aa: "called a nationwide blockade", "arrests across the country": an incident the words spread over
      // the whole country, with no place of its own, is the story's country's, not its dateline city's.)
      // (Not a violent one: "30 killed in violence across the country this month" is a running total, told about the story's incidents.)
      const wholeCountry = located.length === 0 && !HARMS.has(hit.type) && NATIONWIDE.test(text.slice(clause.start, clause.end)) ? storyCountry : null;
      // (Twenty-first pass, h18aa: "Protests against an earlier version of the bill in March 2023 forced ...": an incident of an earlier
      // year than the story's, with no place of its own, is background the story places in its country, not at today's city.)
      const ownDate = span ?? [...dateCandidates].sort((a, b) => distance(a, hit) - distance(b, hit))[0] ?? null;
      // (Not a harm: "another rocket attack on the camp last year" happened where the story's attack did.)
      const bygone = located.length === 0 && !HARMS.has(hit.type) && borrowedPlaces.length === 0 && !anaphoric && published !== null && ownDate !== null && ownDate.latest.slice(0, 4) < published.slice(0, 4) ? storyCountry : null;
      const ownPlaces =
        bygone
          ? [bygone]
          : actingCountries.length > 1
          ? actingCountries
          : wholeCountry
          ? [wholeCountry]
          : listed.length > 1
          ? listed
          : tollListed.length > 1
          ? tollListed
          : frontedList.length > 1
          ? frontedList
          : [nearest(located.filter((p) => !containerOfNext(text, p))) ?? demonymInPhrase(sentence.tokens, hit, sentencePlaces) ?? nearest(borrowedPlaces.some((p) => !setOffBearing(p)) ? borrowedPlaces.filter((p) => !setOffBearing(p)) : borrowedPlaces)].filter((p): p is PlacedMention => p !== null);
      const diplomatic = DIPLOMATIC_POST.test(sentence.text);
      // (A reaction that points back, with no place of its own after it: see REACTION_BEFORE.)
      const reaction = anaphoric && !distinct && REACTION_BEFORE.test(text.slice(Math.max(sentence.start, hit.start - 50), hit.start)) && ownPlaces.every((p) => p.start < hit.start);
      const pluralWord = PLURAL_TRIGGER.test(text.slice(hit.start, hit.end));
      // "car-bomb attacks in various districts of Baghdad": a plural report across a city's parts sums the incidents in it.
      const acrossParts = pluralWord && ownPlaces.length === 1 && ACROSS_PARTS_BEFORE.test(text.slice(Math.max(sentence.start, (ownPlaces[0] as PlacedMention).start - 40), (ownPlaces[0] as PlacedMention).start));
      // A sentence that sums operations sums its arrests and battles; an attack on the troops sums none
      // unless its own clause says so ("Four soldiers died in a bomb attack today, and 34 suspects were detained in operations").
      const operations = OPERATIONS.test(sentence.text) && (OPERATION_TYPES.has(hit.type) || OPERATIONS.test(text.slice(clause.start, clause.end)));
      // "similar attacks in June and in September of last year": a plural report on a list of dates of one kind is one incident a date.
      const inOrder = [...dateCandidates].sort((a, b) => a.start - b.start);
      const dateList =
        pluralWord && !anaphoric && span === null && inOrder.length > 1 && new Set(inOrder.map((d) => d.precision)).size === 1 && inOrder.every((d, i) => i === 0 || DATE_LIST_JOIN.test(text.slice((inOrder[i - 1] as DateMention).end, d.start)))
          ? inOrder
          : [date ?? relative];
      const few = pluralWord && !anaphoric && !inHeadline(sentence) ? FEW_OTHER_BEFORE.exec(text.slice(Math.max(sentence.start, hit.start - 40), hit.start)) : null;
      // ("Two other explosions" after a car bomb: more of the kind the story told, attacks, and with no day of their own, of
      // the day of the last one told.)
      const fewOfKind = few && hit.type === "explosion" && byRecency(drafts).find((d) => VIOLENT.includes(d.type))?.type === "attack" ? "attack" : null;
      const fewCount = few ? (FEW[(few[1] ?? "").toLowerCase()] ?? 0) : 0;
      const jointPlaces = fewCount > ownPlaces.length ? [...(ownPlaces.length ? ownPlaces : [null]), ...Array.from({ length: fewCount - Math.max(ownPlaces.length, 1) }, () => ownPlaces.at(-1) ?? null)] : null;
      for (const place of jointPlaces ?? (ownPlaces.length ? ownPlaces : [null])) {
        // "In Uruzgan province, ... in Deh Rawud district": the region a locality lies in, named beside it.
        const area = place && (place.kind === "locality" || place.kind === "region") ? (sentencePlaces.find((p) => p.name !== place.name && (p.kind === "region" || p.kind === "city") && !p.demonym) ?? null) : null;
        for (const when of dateList) {
          // (hspeed3: the joint toll's keys are added in a second object only where there is one: no empty spreads per mention.)
          const mention = { ...hit, area, plural: pluralWord || operations, sentence, clause, paragraphStart: analyzed.paragraphs[sentence.paragraph]?.start ?? sentence.start, nearbyStart: analyzed.paragraphs[Math.max(0, sentence.paragraph - 2)]?.start ?? sentence.start, anaphoric, fightBack, listedPlace: ownPlaces.length > 1, diplomatic, distinct: distinct || few !== null, scope, inHeadline: inHeadline(sentence), clock, acrossParts, place, ownPlace: place !== null, date: when ?? (few && lastDated?.precision === "day" ? lastDated : null), fatalities: NONE, injuries: NONE, tolls: emptyTolls(), earlier, reaction };
          sentenceMentions.push(few ? { ...mention, jointToll: true, plural: false, ...(fewOfKind ? { type: fewOfKind } : {}) } : mention);
        }
      }
      // "expel the envoy in coordination with Australia, Britain and Spain": each partner country takes the same action, an incident of its own.
      if (hit.type === "diplomatic_action")
        for (const partner of coordinatedCountries(text, sentence, hit, sentencePlaces))
          // ("..., which are also expelling Syrian diplomats": the partners' own verb may date their act.)
          sentenceMentions.push({ ...hit, area: null, plural: false, sentence, clause, paragraphStart: analyzed.paragraphs[sentence.paragraph]?.start ?? sentence.start, nearbyStart: analyzed.paragraphs[Math.max(0, sentence.paragraph - 2)]?.start ?? sentence.start, anaphoric: false, fightBack: false, listedPlace: false, diplomatic, distinct: true, scope, inHeadline: inHeadline(sentence), clock: null, acrossParts: false, place: partner, ownPlace: true, date: date ?? hits.map((h) => (h.type === "diplomatic_action" ? presentProgressive(text, sentence, h, published) : null)).find((d) => d !== null) ?? null, fatalities: NONE, injuries: NONE, tolls: emptyTolls() });
    }
    // Casualty counts go to the nearest violent mention in the sentence, else to the last
    // violent incident reported in this paragraph or the one before ("Two firefighters were
    // treated for burns"; "63 people were detained and 11 police officers were injured").
    // "Separatists have waged an insurgency there since 2004. More than 5,000 people have died in the fighting.": a toll
    // that points back ("the fighting") at a span the sentence before told is that span's running total, no incident's.
    const previousSentence = analyzed.sentences[sentenceIndex - 1];
    const spanTotal = previousSentence !== undefined && !inHeadline(previousSentence) && BACKGROUND.test(previousSentence.text) && SPAN_REFERENCE.test(sentence.text);
    // (A sentence that reports nothing, with no violence or operation told in its paragraph or the one before, has nothing
    // its counts could go to: they are not read, which spares most sentences of a speech or a statement.)
    const countsHaveOwner = sentenceMentions.length > 0 || drafts.some((d) => (VIOLENT.includes(d.type) || OPERATION_TYPES.has(d.type)) && d.mentions.some((m) => m.sentence.paragraph >= sentence.paragraph - 1));
    const counts = spanTotal || !countsHaveOwner ? [] : casualtiesIn(text, sentence);
    // ("Forces killed 14 fighters at a safe house and killed one fighter and captured eight others in a separate raid": a
    // raid's dead are those of the killing verb right before its capture; a killing told before that is another incident's,
    // told again in its own report. Nineteenth pass.)
    const raidMention = sentenceMentions.find((m) => m.raid);
    const raidKills = raidMention ? counts.filter((c) => c.cueBefore && c.fatalities.min !== null && c.at < raidMention.start) : [];
    const otherKills = new Set(raidKills.slice(0, -1));
    for (const count of counts) {
      if (otherKills.has(count)) continue;
      const violent = sentenceMentions.filter((m) => VIOLENT.includes(m.type) || m.raid);
      // "a bombing ..., killing at least 30 and sparking riots": a toll whose verb comes first
      // belongs to the event before it; "30 were killed in a bombing", to the one after it.
      const side = violent.filter((m) => (count.cueBefore ? m.start < count.at : m.start > count.at));
      // One trigger reported at several places ("attacks in Mali and Niger ... killing four in Mali"): the place named nearest the count.
      // (Twenty-second pass, h18ab: "six people in a church in Potiskum, as well as more than 140 near a mosque in Kukawa": a
      // count's place is the one named after it first; one before it only when none is.)
      const placeDistance = (m: Mention): number => (m.place && m.ownPlace ? (m.place.start >= count.at ? m.place.start - count.at : 100_000 + count.at - m.place.end) : Number.MAX_SAFE_INTEGER);
      const nearestFirst = [...(side.length ? side : violent)].sort((a, b) => Math.abs(a.start - count.at) - Math.abs(b.start - count.at) || placeDistance(a) - placeDistance(b));
      // ("a grenade attack Friday on a march led by protest leader X that left three dozen wounded": the victims of a sentence
      // that reports an attack are the attack's, not the gathering's it hit.)
      // "Wednesday's bombing comes as the death toll has risen to 58 from a suicide bombing earlier this week": a toll that
      // rose "from" or "in" an incident word right after it is that incident's, whatever is nearer.
      const risenFrom = RISEN_TO_BEFORE.test(text.slice(Math.max(sentence.start, count.at - 30), count.at))
        ? violent.find((m) => m.start > count.at && TOLL_OF_BETWEEN.test(text.slice(count.at, m.start)))
        : undefined;
      const target = risenFrom ?? (nearestFirst[0]?.type === "protest" ? (nearestFirst.find((m) => m.type === "attack" || m.type === "explosion") ?? nearestFirst[0]) : nearestFirst[0]);
      // "Dozens were killed in those attacks": a toll over several incidents reported before is none of theirs.
      // ("The United States condemns the twin suicide bombings that killed dozens": with nothing reported before, "the" points at nothing.)
      // ("We also condemn the heinous attacks on the governor's office that killed 10": set apart, they point at nothing either.)
      // ("Multiple car bombs have exploded ... The blasts Thursday hit two areas, leaving 18 wounded": after the one incident
      // reported in the plural, the plural reference is that incident's.)
      const violentDrafts = drafts.filter((d) => VIOLENT.includes(d.type));
      // ("... a wave of bombings Wednesday that also struck Shiite neighborhoods. Those blasts killed 33": so too a plural
      // incident reported in the sentence just before.)
      const lastViolentDraft = byRecency(drafts).find((d) => VIOLENT.includes(d.type));
      const lastViolentMention = lastViolentDraft?.mentions.at(-1);
      const pluralJustBefore = lastViolentMention !== undefined && lastViolentMention.plural && !lastViolentMention.inHeadline && lastViolentMention.sentence.paragraph === sentence.paragraph && lastViolentMention.sentence.end <= sentence.start &&
        // (Not a plural report split into incidents a date or a place apart: "attacks in June and in September".)
        !violentDrafts.some((d) => d !== lastViolentDraft && d.mentions.some((m) => m.sentence === lastViolentMention.sentence && !m.anaphoric));
      const onePluralIncident = (violentDrafts.length === 1 && (violentDrafts[0] as Draft).mentions.some((m) => m.plural && !m.inHeadline)) || pluralJustBefore;
      // (h18ad: "The twin blasts killed 81 people": a twin bombing is one incident, whose toll that is.)
      const twin = target !== undefined && TWIN_BEFORE.test(text.slice(Math.max(sentence.start, target.start - 24), target.start));
      if (target?.anaphoric && !target.distinct && !twin && PLURAL_TRIGGER.test(text.slice(target.start, target.end)) && violentDrafts.length > 0 && !onePluralIncident) continue;
      if (target?.jointToll) continue;
      if (target) {
        // "Separate IED explosions in Baghdad and Tikrit June 24 each claimed the life of one soldier": a toll "each" of a
        // report at a list of places is the toll of the incident at every one of them, not of the nearest only.
        const each = target.listedPlace && count.at > target.end && EACH_BETWEEN.test(text.slice(target.end, count.at));
        for (const m of each ? sentenceMentions.filter((o) => o.start === target.start && o.listedPlace) : [target]) recordCount(m, count);
        continue;
      }
      // "No Afghan or coalition forces were injured during the operation": a toll of none that points back at an operation
      // is the last operation's (an arrest or a battle), whatever violence was told since (nineteenth pass).
      const noneOfOperation = [count.fatalities, count.injuries].every((r) => r.max === null || r.max === 0) && OPERATION_REFERENCE.test(sentence.text);
      const operation = noneOfOperation ? byRecency(drafts).find((d) => OPERATION_TYPES.has(d.type) && d.mentions.some((m) => m.sentence.paragraph >= sentence.paragraph - 1)) : undefined;
      if (operation) {
        recordCount(operation, count);
        continue;
      }
      // (h18ah: "-- Coalition forces east of X captured nine suspects. ... troops engaged enemies on site, killing five suspected
      // terrorists. ... an Iraqi child was wounded in the operation.": a toll in the paragraph of an arrest raid, with nothing
      // violent told in it, is the raid's, as the keys carry a raid's dead on its arrest.)
      const latest = byRecency(drafts)[0];
      if (latest?.type === "arrest" && latest.mentions.some((m) => m.sentence.paragraph === sentence.paragraph && !m.inHeadline) && !drafts.some((d) => VIOLENT.includes(d.type) && d.mentions.some((m) => m.sentence.paragraph === sentence.paragraph))) {
        recordCount(latest, count, true);
        continue;
      }
      const recentViolent = byRecency(drafts).filter((d) => VIOLENT.includes(d.type) && d.mentions.some((m) => m.sentence.paragraph >= sentence.paragraph - 1));
      // ("... a grenade attack Friday on a march led by protest leader X. One man later died": as in the sentence, the attack's
      // victims, not the gathering's, when both were last reported in one sentence.)
      const lastSentence = recentViolent[0]?.mentions.at(-1)?.sentence;
      const previous =
        recentViolent[0]?.type === "protest" ? (recentViolent.find((d) => (d.type === "attack" || d.type === "explosion") && d.mentions.some((m) => m.sentence === lastSentence)) ?? recentViolent[0]) : recentViolent[0];
      // A headline's count with no event word of its own fits the story's one violent incident; with several, it is their total.
      const headlineTotal = inHeadline(sentence) && (hasCounts(previous ?? null) || drafts.filter((d) => VIOLENT.includes(d.type)).length > 1);
      // "In other news, two civilians were killed yesterday ...": a new report's toll is no earlier incident's.
      // (h18ap: "One man was killed ... in Baghdad when a bomb they were building exploded", after an incident near Mosul: a
      // toll sentence that names a town of its own, not the incident's nor in it, tells another event's dead.)
      const elsewhere =
        previous !== undefined &&
        hits.length === 0 &&
        !count.cueBefore &&
        previous.ownPlace &&
        previous.place !== null &&
        (previous.place.kind === "city" || previous.place.kind === "locality") &&
        sentencePlaces.some(
          (p) =>
            p.locative &&
            !p.demonym &&
            (p.kind === "city" || p.kind === "locality") &&
            p.name !== previous.place?.name &&
            !placeWithin(p, previous.place as PlacedMention) &&
            !placeWithin(previous.place as PlacedMention, p) &&
            !TREATED_AT_BEFORE.test(text.slice(Math.max(sentence.start, p.start - 40), p.start)) &&
            !REFERENCE_BEFORE.test(text.slice(Math.max(sentence.start, p.start - 40), p.start)) &&
            !tellersPlace(text, sentence, p, { start: sentence.end, end: sentence.end }),
        ) &&
        !sentence.text.includes(previous.place.name);
      if (OTHER_EVENT_TOLL.test(sentence.text) || elsewhere) continue;
      if (previous && !headlineTotal && !ALSO_OPENING.test(sentence.text)) {
        // (A toll sentence in the paragraph that reported the incident breaks its toll down; one further off only
        // restates a total, or tells another event's dead beside it.)
        // (Twentieth pass, h18y: "... killed three and injured four others. They said four others, including one in serious
        // condition, have been hospitalized": exactly as many "others" as the incident already counts of that kind restate them.)
        // (h18ap: a rival source's count, when the incident's own report is sourced too and counted that kind already.)
        if (RIVAL_SOURCE_TOLL.test(sentence.text) && rivalSourced([previous], sentence) && (count.fatalities.min === null || previous.fatalities.min !== null) && (count.injuries.min === null || previous.injuries.min !== null)) continue;
        const restated =
          count.others === true &&
          ((count.injuries.min !== null && count.fatalities.min === null && previous.injuries.min === count.injuries.min) ||
            (count.fatalities.min !== null && count.injuries.min === null && previous.fatalities.min === count.fatalities.min));
        if (!restated) recordCount(previous, count, previous.mentions.some((m) => m.sentence.paragraph === sentence.paragraph));
        // "Twelve others were wounded Saturday in Helmand province": the toll's sentence continues
        // the report, and its day and a place inside the incident's say more about it.
        continuation(previous, sentence, sentencePlaces, dates);
      }
    }
    // (A report told by two words, "a car bomb detonated", has its toll on the one nearer it: the other shares it.)
    for (const m of sentenceMentions)
      if (m.fatalities.min === null && m.injuries.min === null) {
        const sibling = sentenceMentions.find((o) => o !== m && o.clause === m.clause && o.type === m.type && (o.fatalities.min !== null || o.injuries.min !== null));
        if (sibling) m.clauseToll = { fatalities: sibling.fatalities, injuries: sibling.injuries };
      }
    const attribution = attributionIn(sentence.text);
    const blamedBy = blameIn(sentence.text);
    // The cause goes to the violent mention nearest the words that name it; the blame to every incident of the sentence.
    const violent = sentenceMentions.filter((m) => VIOLENT.includes(m.type));
    const causeOf = attribution ? [...violent].sort((a, b) => Math.abs(a.start - sentence.start - attribution.at) - Math.abs(b.start - sentence.start - attribution.at))[0] : undefined;
    for (const mention of sentenceMentions) {
      // (A riot the story's protest became: that protest, now a riot; see CROWD_ATTACK_VERB.)
      const becameRiot = mention.escalates ? byRecency(drafts).find((d) => d.type === "protest" && placesCompatible(d.place, mention.place) && datesCompatible(d.date, mention.date)) : undefined;
      if (becameRiot) {
        becameRiot.type = "riot";
        becameRiot.escalated = true;
      }
      const draft = becameRiot ? absorb(becameRiot, mention, false) : place(mention, drafts, dateline ?? null, headlinePlace, places);
      if (attribution && mention === causeOf && draft.attributedTo === null) draft.attributedTo = attribution.name;
      if (blamedBy && draft.blamedBy === null) draft.blamedBy = blamedBy;
    }
    if (!sentenceMentions.length && attribution) {
      // "Al-Shabab claimed responsibility." with no incident word: the claim is for the incident just reported.
      const previous = byRecency(drafts).find((d) => VIOLENT.includes(d.type) && d.mentions.some((m) => m.sentence.paragraph >= sentence.paragraph - 1));
      if (previous && previous.attributedTo === null) previous.attributedTo = attribution.name;
    }
    if (!sentenceMentions.length && blamedBy) {
      // "Local officials blamed ISWAP": with no incident word of its own, the blame is for the
      // incident the paragraph is about.
      const previous = byRecency(drafts).find((d) => VIOLENT.includes(d.type) && d.mentions.some((m) => m.sentence.paragraph === sentence.paragraph));
      if (previous && previous.blamedBy === null) previous.blamedBy = blamedBy;
    }
  });

  // A roundup ("Insurgents killed six civilians in roadside bomb attacks in southern Afghanistan")
  // that the story then reports as two or more incidents of its kind at finer places is their
  // total, not an incident of its own (and its toll is none of theirs).
  const summed = drafts.filter(
    (d) => d.roundup && drafts.filter((o) => o !== d && sameFamily(o.type, d.type) && o.place !== null && o.place.kind !== "country" && (d.place === null || placesCompatible(d.place, o.place)) && datesCompatible(d.date, o.date)).length >= 1,
  );
  // (Twenty-fourth pass, h18af: "At least seven were killed in two attacks. At least six people are dead after two gunmen
  // attacked Mogadishu's airport": a word of a later sentence that joined the roundup, "gunmen" with its toll of six, reports
  // the finer incident its own sentence tells, and its count is that incident's, not lost with the roundup's total.)
  for (const roundup of summed) {
    const own = roundup.mentions[0]?.sentence;
    for (const m of roundup.mentions) {
      if (m.sentence === own || m.inHeadline || (m.fatalities.min === null && m.injuries.min === null)) continue;
      const home = drafts.find((o) => !summed.includes(o) && sameFamily(o.type, m.type) && o.mentions.some((x) => x.sentence === m.sentence));
      if (home) absorb(home, m, false);
    }
  }
  // The roundup's day is theirs when they give none ("... in attacks today. In Zabul, four were killed ..."),
  // a violent one's for every violent report after it (a lede's battle, a detail's air strike), and
  // one that sums "several operations today" for every report after it.
  for (const roundup of summed)
    for (const d of drafts)
      if (!summed.includes(d) && d.date === null && d.lastAt > roundup.lastAt && (sameFamily(d.type, roundup.type) || (VIOLENT.includes(d.type) && VIOLENT.includes(roundup.type)) || OPERATIONS.test(roundup.mentions[0]?.sentence.text ?? ""))) d.date = roundup.date;
  // An operations report: when the story's first incident is a dated arrest or battle ("forces killed
  // five and detained two during an operation yesterday"), the arrests and battles it then details
  // without a day of their own ("In Mosul, forces captured two suspects") are of that day.
  const lede = [...drafts].sort((a, b) => firstReport(a) - firstReport(b))[0];
  if (lede?.date && OPERATION_TYPES.has(lede.type))
    for (const d of drafts) if (d !== lede && d.date === null && OPERATION_TYPES.has(d.type) && firstReport(d) > firstReport(lede)) d.date = lede.date;
  // A day of unrest (a rally dispersed with tear gas, then clashes, a riot, arrests): when the story reports a protest or a
  // riot and its lede is dated, what it then tells of that day's unrest at the same place without a day of its own
  // ("The clashes, which unfolded in central Dhaka, ...") is of the lede's day.
  const unrestStory = drafts.some((d) => d.type === "protest" || d.type === "riot");
  if (lede?.date && UNREST_TYPES.has(lede.type) && unrestStory)
    for (const d of drafts)
      if (d !== lede && d.date === null && UNREST_TYPES.has(d.type) && firstReport(d) > firstReport(lede) && (d.place === null || lede.place === null || placesCompatible(d.place, lede.place))) d.date = lede.date;
  // "Police in Bangladesh fired tear gas Saturday ..." then "The clashes, which unfolded in central Dhaka": in a story of
  // unrest (it reports a protest or a riot), an incident of it placed only at a country happened at the one city of that
  // country where its other incidents of the same day are (an incident of another day or a second city leaves the country).
  for (const d of drafts) {
    if (!unrestStory || !UNREST_TYPES.has(d.type) || d.place?.kind !== "country" || d.date?.precision !== "day") continue;
    // (Twenty-first pass, h18aa: not one the words spread over the whole country, "a nationwide strike".)
    if (d.mentions.some((m) => m.place === d.place && NATIONWIDE.test(text.slice(m.clause.start, m.clause.end)))) continue;
    const sameDay = drafts.filter((o) => o !== d && o.date?.precision === "day" && o.date.date === d.date?.date && o.place !== null && o.place.kind !== "country");
    const cities = new Set(sameDay.map((o) => o.place?.name));
    const city = sameDay[0]?.place;
    if (city && cities.size === 1 && (city.kind === "city" || city.kind === "locality") && city.countryCode === d.place.countryCode) d.place = city;
  }
  // The story's lede: the first body sentence that reports an incident.
  const ledeStart = Math.min(...drafts.flatMap((d) => d.mentions.filter((m) => !m.inHeadline).map((m) => m.sentence.start)));
  return drafts
    .filter((draft) => !summed.includes(draft))
    .map((draft) => {
    const reported = [...draft.mentions].sort((a, b) => Number(inHeadline(a.sentence)) - Number(inHeadline(b.sentence)) || a.start - b.start);
    // The span is the first body sentence that reports it ("The United States condemns the attack
    // today in Madaen" is the report, though it says "the attack"); the headline only when the
    // body never reports it.
    const first = reported.find((m) => !m.inHeadline) ?? (reported[0] as Mention);
    const own = draft.mentions.filter((m) => m.ownPlace).length;
    const confidence = Math.min(0.95, 0.45 + (draft.place ? 0.15 : 0) + (own ? 0.1 : 0) + (draft.date ? 0.1 : 0) + Math.min(0.15, 0.05 * (draft.mentions.length - 1)));
    // An incident the story dates nowhere but leads with in the present perfect ("A suicide bomber has killed four
    // police officers") is news of the publication day; any day the words give comes first (it only fills a gap).
    // Further down, the present perfect sums up as often ("More than a dozen have died in clashes"): no day.
    // A statement that opens by condemning a violent incident it dates nowhere ("The United States strongly condemns the attack
    // in Kabul on the British Council") reacts to news of its day, as the present perfect reports it (not a detention it condemns).
    // ("Violence has broken out after the vote, with activists saying police killed one protester": the lede's main clause tells the tense.)
    const mainClause = clausesOf(first.sentence)[0] ?? first.clause;
    const ledeTense =
      PRESENT_PERFECT.test(text.slice(first.clause.start, first.clause.end)) || PRESENT_PERFECT.test(text.slice(mainClause.start, mainClause.end)) || (VIOLENT.includes(draft.type) && CONDEMNS.test(first.sentence.text));
    const perfect = published !== null && !first.inHeadline && first.sentence.start === ledeStart && ledeTense && !PERFECT_SPAN.test(first.sentence.text) && !insideQuotes(text, first);
    const day: DateMention | null = draft.date ?? (perfect && published ? { start: first.start, end: first.end, text: text.slice(first.start, first.end), date: published, precision: "day", earliest: published, latest: published } : null);
    return {
      start: first.sentence.start,
      end: first.sentence.end,
      // A blast someone carried out or claimed is an attack; "explosion" is for one nobody set off.
      type: draft.type === "explosion" && draft.attributedTo !== null ? "attack" : draft.type,
      summary: summaryOf(text, first.clause),
      place: draft.place?.name ?? null,
      date: day?.date ?? null,
      datePrecision: day?.precision ?? "unknown",
      dateEarliest: day?.earliest ?? null,
      // An incident the story gives no date happened no later than the story: its latest day is the
      // publication day, with no earliest day and no `date` (docs/data-model.md, "Undated incidents").
      dateLatest: day?.latest ?? (published ?? null),
      fatalities: draft.fatalities,
      injuries: draft.injuries,
      attributedTo: draft.attributedTo,
      blamedBy: draft.blamedBy,
      confidence: Math.round(confidence * 100) / 100,
    };
    })
    .sort((a, b) => a.start - b.start);
}

const ADMIN_WORD = /^\s+(province|state|region|governorate|prefecture|district|county|municipality|village|town|neighbou?rhood)\b/i;
const ADMIN_RANK: Record<string, number> = { province: 1, state: 1, region: 1, governorate: 1, prefecture: 1, district: 2, county: 2, municipality: 2, village: 3, town: 3, neighborhood: 3, neighbourhood: 3 };

/** How fine an administrative word after a place says it is ("Chora district" 2, "Uruzgan province" 1), 0 without one. */
function adminRank(text: string, place: TextRange): number {
  const word = ADMIN_WORD.exec(text.slice(place.end, place.end + 16))?.[1]?.toLowerCase();
  return word ? (ADMIN_RANK[word] ?? 0) : 0;
}

function distance(a: TextRange, b: TextRange): number {
  // Places and dates after the trigger are usually its own ("attacks struck the consulate in Basra"); before, less so.
  return a.start >= b.end ? a.start - b.end : (b.start - a.end) * 1.5;
}

const townLike = (p: PlacedMention | null): boolean => p !== null && (p.kind === "city" || p.kind === "locality");
/** Adds a mention to the incident it reports, or starts a new incident. Returns that incident. */
function place(mention: Mention, allDrafts: Draft[], dateline: PlacedMention | null, headlinePlace: PlacedMention | null, places: readonly PlacedMention[]): Draft {
  // (Twenty-second pass, h18ab: "two additional bomb attacks": the few incidents told together take no later report, which
  // would be one of them only by chance; see FEW_OTHER_BEFORE.)
  const drafts = allDrafts.some((d) => d.joint) ? allDrafts.filter((d) => !d.joint) : allDrafts;
  // (Twenty-fourth pass, h18af: "At Least 7 Dead in Somalia After Al-Shabab Attacks" over a body that reports two attacks: a
  // plural headline's toll is their total, none of one of them; casualties are never summed across incidents.)
  // (Only when the body tells that total itself, "At least seven people were killed in two attacks Wednesday": without it,
  // the headline may be the only count of one of them, "Hundreds Killed in Attacks" over "killed hundreds in those attacks".)
  // (h18an: nor when two incidents of the body have tolls of their own, "Suicide Attacks Kill More Than 100" over one attack
  // that killed 49 and another that killed 51: the headline sums counted incidents, and is none of them.)
  const bodyIncidents = mention.inHeadline && mention.plural ? allDrafts.filter((d) => sameFamily(d.type, mention.type) && !d.roundup && d.mentions.some((m) => !m.inHeadline)) : [];
  if (mention.inHeadline && mention.plural && ((allDrafts.some((d) => d.roundup && sameFamily(d.type, mention.type)) && bodyIncidents.length >= 2) || bodyIncidents.filter((d) => d.fatalities.min !== null).length >= 2)) {
    mention.fatalities = NONE;
    mention.injuries = NONE;
    mention.tolls.fatalities.clear();
    mention.tolls.injuries.clear();
    mention.clauseToll = undefined;
  }
  // ("We further condemn the suicide bomb attack in Helmand": a reference the words set apart points at no earlier incident.)
  // (A reaction to the story's incident made somewhere else joins it and leaves its place as it was.)
  if (mention.reaction) {
    const target = byRecency(drafts).find((d) => d.type === mention.type || (VIOLENT.includes(d.type) && VIOLENT.includes(mention.type)));
    if (target) return absorb(target, mention, false);
  }
  if (mention.anaphoric && mention.ownPlace && !mention.distinct) {
    // "The Taliban claimed the attack in the Kamdesh district of Nuristan province": a definite
    // reference names the place of the incident it refers to, unless that place rules it out.
    const target = byRecency(drafts).find((d) => (d.type === mention.type || (VIOLENT.includes(d.type) && sameFamily(d.type, mention.type))) && datesCompatible(d.date, mention.date));
    // ("the quake, which was centered in Ngawa prefecture", after one in Sichuan: a region the gazetteer does not know may lie in one it knows.)
    const unknownRegionInside = regionMayHold(target?.place ?? null, mention.place);
    if (target && (placesCompatible(target.place, mention.place) || unknownRegionInside) && (target.place === null || mention.place === null || target.place.kind !== mention.place.kind || target.place.name === mention.place.name || target.place.kind === "region" || target.place.kind === "locality"))
      return absorb(target, mention, true);
  }
  // "A security force killed two insurgents during an operation in Zharay ... The security force also detained four suspected
  // insurgents as a result of the operation": detentions told after the forces' killing, pointing back at that operation,
  // with no place of their own, make it one raid, an arrest carrying its dead (nineteenth pass; see RAID_KILLING).
  // (Inside a list item, h18aj: only a fight told in that item.)
  if (mention.type === "arrest" && !mention.distinct && !mention.ownPlace && !mention.inHeadline && RAID_FOLLOW_UP.test(mention.sentence.text)) {
    const battle = byRecency(drafts)[0];
    const scope = mention.scope;
    if (battle?.type === "armed_clash" && !battle.cameUnder && battle.mentions.some((m) => m.killsFighters && (scope === null || (m.start >= scope.start && m.start < scope.end))) && battle.mentions.some((m) => m.sentence.paragraph >= mention.sentence.paragraph - 2) && datesCompatible(battle.date, mention.date)) {
      absorb(battle, mention, false);
      battle.type = "arrest";
      return battle;
    }
  }
  // "Elsewhere, forces captured six militants in Surobi ... the forces returned fire, killing two": a fight
  // back belongs to the incident reported just before it; after an arrest, it is a battle of that operation.
  const lastReported = byRecency(drafts)[0];
  // ("killed five and detained two during an operation ... Ground forces returned fire": that sentence's battle.)
  const lastSentence = lastReported?.mentions.at(-1)?.sentence;
  const battleOfOperation =
    mention.fightBack && !mention.ownPlace && lastReported !== undefined && !VIOLENT.includes(lastReported.type) && !drafts.some((d) => VIOLENT.includes(d.type) && d.mentions.some((m) => m.sentence === lastSentence));
  if (battleOfOperation) mention.place = lastReported.place;
  // "The attack happened at the site of Wednesday's explosion": a reference dated by a possessive day points at that day's
  // incident, and at none reported on another day (then it is an earlier incident the story names in passing).
  const dayOf = possessiveDay(mention);
  // (h18ah: "One of those killed in the explosion was journalist X, who worked for VOA's bureau in Nairobi": the victims of
  // an incident told before point back at it; a place the sentence names after is the victim's, not the incident's.)
  const victimsOf = mention.anaphoric && VICTIMS_OF_BEFORE.test(mention.sentence.text.slice(Math.max(0, mention.start - mention.sentence.start - 40), mention.start - mention.sentence.start));
  if (mention.anaphoric && (!mention.ownPlace || victimsOf) && !battleOfOperation) {
    const recentFirst = byRecency(drafts).filter((d) => dayOf === null || d.date?.precision !== "day" || d.date.date === dayOf);
    {
    // "the blaze" after an explosion, "the attack" after a riot: a definite reference has an
    // antecedent, so with none of its own type it is the last violent incident reported.
    const target =
      recentFirst.find((d) => d.type === mention.type || (mention.type === "protest" && d.escalated === true)) ??
      recentFirst.find((d) => sameFamily(d.type, mention.type)) ??
      (VIOLENT.includes(mention.type) ? recentFirst.find((d) => VIOLENT.includes(d.type)) : undefined);
    if (target) return absorb(target, mention, false);
    }
  }
  if (!mention.place) {
    // The story's thread: the last incident reported at a compatible time, then the dateline,
    // then the last place named before the mention.
    // A dated mention follows the last incident of a compatible known date (else the dateline);
    // an undated one follows the last incident reported.
    // (Twenty-first pass, h18aa: a headline, read last, tells the lede: its thread is the first incident reported, not the last.)
    // (Twenty-first pass, h18aa: a headline, read last, tells the lede: its thread is the first incident reported, not the last.)
    const recentFirst = (mention.inHeadline ? [...drafts].sort((a, b) => firstReport(a) - firstReport(b)) : byRecency(drafts)).filter((d) => d.place);
    // Countries named in the paragraph are as often actors ("Poland expels") as places: only a city or locality counts.
    const paragraphPlace = lastBefore(places, mention.start, (p) => !p.demonym && p.kind !== "country" && p.start >= mention.paragraphStart);
    // The headline's place comes before the dateline's: the dateline says where the story was
    // written ("Washington"), the headline where it happened.
    // A country there is coarser than a town named in the last paragraphs ("in the village of Galim ...
    // since the attack took place, the village market has been closed").
    const nearby = (headlinePlace ?? dateline)?.kind === "country" || (headlinePlace ?? dateline) === null ? lastBefore(places, mention.start, (p) => !p.demonym && (p.kind === "locality" || p.kind === "city") && p.locative && p.start >= mention.nearbyStart) : undefined;
    const story = nearby ?? headlinePlace ?? dateline;
    // A list item is a report of its own: a place its line names comes before the story's thread.
    const scope = mention.scope;
    const itemPlace = scope ? (placesIn(places, scope).filter((p) => !p.demonym).sort((a, b) => PLACE_RANK[b.kind] - PLACE_RANK[a.kind] || a.start - b.start)[0] ?? null) : null;
    // A town the mention's paragraph names after the last incident was reported ("Northeast of Mosul
    // today, forces targeted ... Troops captured five suspects") is newer news than that incident's place.
    // ("Four terrorists were killed north of Muqdadiyah, where forces targeted a network in the Diyala River Valley. Six
    // suspects were detained.": a place in the sentence that reported the last incident is that incident's setting, no news.)
    const newsPlace =
      paragraphPlace && paragraphPlace.locative && mention.type !== "diplomatic_action" && !recentFirst.some((d) => d.lastAt >= paragraphPlace.start || d.mentions.some((m) => m.sentence.start <= paragraphPlace.start && paragraphPlace.start < m.sentence.end))
        ? paragraphPlace
        : undefined;
    // (Twenty-fourth pass, h18af: "Goni hit the Philippines a week after Typhoon Molave hit the same region": "the same region"
    // is the place of the last incident of its kind, not a town the paragraph names in passing.)
    const samePlace = SAME_PLACE.test(mention.sentence.text.slice(mention.start - mention.sentence.start, mention.clause.end - mention.sentence.start)) ? (byRecency(drafts).find((d) => d.place !== null && sameFamily(d.type, mention.type))?.place ?? null) : null;
    const recent = samePlace ?? itemPlace ?? newsPlace ?? (mention.date
      ? (recentFirst.find((d) => d.date && datesCompatible(d.date, mention.date))?.place ?? paragraphPlace ?? story)
      : (recentFirst[0]?.place ?? paragraphPlace ?? story));
    // A country that is not introduced as a location is as often a bystander ("The United States
    // condemns ..."); for a diplomatic action the acting country is where it happens ("Kenya expelled").
    mention.place = recent ?? lastBefore(places, mention.start, (p) => !p.demonym && (p.locative || p.kind !== "country" || mention.type === "diplomatic_action")) ?? null;
  }
  // "Al-Shabab attacked the base ... Forces at the base responded, sparking a gun battle", "insurgents stormed
  // the outposts, but forces repelled the attack and ensuing clashes ...": the fight that follows an armed group's
  // attack (one nobody says the forces came under and fought back) is part of that attack, as the keys count it
  // (Not after attacks reported only in the plural, "Terror attacks carried out by IS-CAP": a background, not the fight's start.)
  const lastViolent = byRecency(drafts).find((d) => VIOLENT.includes(d.type));
  const lastMention = lastViolent?.mentions.at(-1);
  if (
    mention.type === "armed_clash" && !mention.distinct && !mention.anaphoric && !mention.inHeadline && lastViolent?.type === "attack" && !lastViolent.cameUnder && lastMention !== undefined && !lastViolent.mentions.every((m) => m.plural) &&
    (lastViolent.attributedTo !== null || ATTACKERS_KILLED_IN.test(mention.sentence.text.slice(Math.max(0, mention.start - mention.sentence.start - 90), mention.end - mention.sentence.start + 30)) ? mention.sentence.paragraph <= lastMention.sentence.paragraph + 1 : mention.sentence === lastMention.sentence) &&
    placesCompatible(lastViolent.place, mention.place) && datesCompatible(lastViolent.date, mention.date)
  )
    return absorb(lastViolent, mention, true);
  // (Twenty-fourth pass, h18af: "Five civilians, four soldiers and 40 attackers were killed Sunday in a clash in Niger's
  // southwest region ... Around 100 heavily armed terrorists attacked the Tchoma Bangou village, striking around 3 p.m.
  // Sunday": an attack told right after a battle the lede places only at a country or region, on the same day, at a town
  // of that country, is how the battle began, where it was, not a second incident.)
  const lastBattle = lastViolent?.type === "armed_clash" ? lastViolent : undefined;
  if (
    mention.type === "attack" && !mention.distinct && !mention.anaphoric && !mention.inHeadline && !mention.plural && lastBattle !== undefined && lastMention !== undefined &&
    (lastBattle.place?.kind === "country" || lastBattle.place?.kind === "region") && townLike(mention.place) && (mention.place?.countryCode === lastBattle.place.countryCode || mention.place?.countryCode === null) &&
    mention.sentence.paragraph <= lastMention.sentence.paragraph + 1 && lastBattle.date?.precision === "day" && mention.date?.precision === "day" && lastBattle.date.date === mention.date.date
  ) {
    absorb(lastBattle, mention, true);
    lastBattle.type = "armed_clash";
    return lastBattle;
  }
  // A headline's unknown locality may be a phrase of its title case ("Town West of Somali Capital Leaves 8 Dead"): it rules no incident out.
  const looseHeadlinePlace = mention.inHeadline && mention.place?.kind === "locality";
  // A headline announces what the story leads with: read last, it joins the first incident the body reported that
  // fits it, not the latest ("Four Killed in Bombing in Mosul" over a lede's bombing and, further down, a list item's
  // killing in an operation that borrowed the thread's day).
  // (A plural headline, "Attacks Kill 7 in Somalia", sums up the story and keeps the order of recency.)
  const candidates = mention.inHeadline && !mention.plural ? [...drafts].sort((a, b) => firstReport(a) - firstReport(b)) : byRecency(drafts);
  const compatible = mention.distinct || battleOfOperation ? undefined : candidates.find(
    (d) =>
      !anotherToll(d, mention) &&
      !newBesideReference(d, mention) &&
      // (An earlier incident named in passing takes no undated report of the story's own: "gunmen ambushed officials touring Wednesday's blast site".)
      !(d.inPassing && !mention.anaphoric && mention.date === null) &&
      // A roundup takes no report with a finer place of its own: that is one of the incidents it sums up.
      (looseHeadlinePlace || !unrelatedPlaces(d, mention)) &&
      !otherCountry(d, mention) &&
      !otherPartOfCountry(d, mention) &&
      // Reading in text order, an incident reported inside the scope was reported last there.
      (mention.scope === null || (d.lastAt >= mention.scope.start && d.lastAt < mention.scope.end)) &&
      // "Terrorists targeted a patrol around 12:20 p.m. ... Another patrol was attacked at 1:10 p.m.": a report at a time
      // of its own is another incident than one reported at another time, or than attacks reported in the plural.
      !(mention.clock !== null && !mention.anaphoric && (d.mentions.some((m) => m.clock !== null && m.clock !== mention.clock) || d.mentions.every((m) => m.plural))) &&
      !(mention.area && [...d.areas].some((key) => { const [area, named] = key.split("\u0000"); return area !== mention.area?.name && named !== mention.place?.name; })) &&
      // (Nor, from a later sentence, one inside a province a roundup names: "during multiple operations in Nangarhar and
      // Khowst provinces ... In Acheen, six were killed ... In the Spera district of Khowst province, ...".)
      !(d.roundup && mention.ownPlace && mention.place !== null && mention.place.kind !== "country" && (d.place === null || d.place.kind === "country" || (d.place.kind === "region" && mention.sentence !== d.mentions[0]?.sentence))) &&
      // Nor, from a later sentence, a report placed by the story's thread at a finer place ("Coalition
      // forces killed three militants near X. Four suspects were detained in that raid.").
      !(d.roundup && !mention.ownPlace && mention.place !== null && mention.place.kind !== "country" && mention.sentence !== d.mentions[0]?.sentence && (d.place === null || d.place.kind === "country")) &&
      // Nor a later report with a day of its own when the roundup gives none ("detained seven suspects in a July 7 operation").
      !(d.roundup && d.date === null && mention.date !== null && mention.sentence !== d.mentions[0]?.sentence) &&
      (d.type === mention.type || (mention.type === "protest" && d.escalated === true) || (sameFamily(d.type, mention.type) && (d.type !== "closure" && d.type !== "evacuation" ? true : d.diplomatic && mention.diplomatic))) &&
      (placesCompatible(d.place, looseHeadlinePlace ? null : mention.place) || (mention.inHeadline && regionMayHold(d.place, mention.place))) &&
      // "Near Samarra and Baghdad, forces detained seven suspects": one of a list of towns the mention is reported at
      // is not a town the incident only borrowed from the story's thread, unless the gazetteer puts one inside the other
      // (one town of its own may say where the thread's incident was: "arrested ... near the village of Saravali").
      !(mention.listedPlace && !d.ownPlace && townLike(mention.place) && townLike(d.place) && d.place?.name !== mention.place?.name && !placeWithin(mention.place as PlacedMention, d.place as PlacedMention) && !placeWithin(d.place as PlacedMention, mention.place as PlacedMention)) &&
      // (Twenty-first pass, h18aa: nor the incident another place of the same trigger's list made, "closed schools in Kozhikode and
      // neighboring Malappuram": a town the gazetteer does not know is compatible with any, but the list says it is another.)
      !(mention.listedPlace && d.mentions.some((m) => m.start === mention.start && m.listedPlace && m.place !== null && m.place.name !== mention.place?.name)) &&
      datesCompatible(d.date, mention.date) &&
      !namedDaysApart(d, mention),
  );
  if (compatible) return absorb(compatible, mention, true);
  // "Seven Dead after Demonstration in Rakhine State", "Nine Injured as Protesters Clash With Police", "Coalition Beats Back
  // Insurgent Attack": a headline read last announces the story's lede; when it fits no incident of the body by type (its
  // words type the event otherwise than the body's report does), it is still the lede's, not an incident of its own, if the
  // body reports a violent incident at a place it allows. Its type does not retype the body's report (eighteenth pass).
  if (mention.inHeadline && !mention.distinct && VIOLENT.includes(mention.type)) {
    const lede = [...drafts].filter((d) => VIOLENT.includes(d.type) && d.mentions.some((m) => !m.inHeadline)).sort((a, b) => firstReport(a) - firstReport(b))[0];
    // (Not force used on a gathering over a lede that tells the gathering, "Military Police Assault Protestors" over "police
    // beat and arrested protesters", nor the reverse, "Two Protesters Killed in Clash" over "forces fired on protesters":
    // the protest and the force used on it are two incidents.)
    const onGathering = lede !== undefined && (lede.type === "protest") !== (mention.type === "protest");
    if (lede && !onGathering && (looseHeadlinePlace || placesCompatible(lede.place, mention.place)) && datesCompatible(lede.date, mention.date)) {
      const type = lede.type;
      absorb(lede, mention, false);
      lede.type = type;
      return lede;
    }
  }
  const draft: Draft = {
    type: mention.type,
    mentions: [mention],
    place: mention.place,
    // (A battle of the operation just reported is of its day when it gives none.)
    date: mention.date ?? (battleOfOperation ? (lastReported?.date ?? null) : null),
    fatalities: mention.fatalities,
    injuries: mention.injuries,
    tolls: copyTolls(mention.tolls),
    attributedTo: null,
    blamedBy: null,
    diplomatic: mention.diplomatic,
    ownPlace: mention.ownPlace,
    lastAt: mention.start,
    // (So is one over a list of provinces: "during multiple operations ... in Nangarhar and Khowst provinces".)
    roundup: mention.plural && !mention.anaphoric && !mention.earlier && (mention.place === null || mention.place.kind === "country" || mention.acrossParts || (mention.listedPlace && mention.place.kind === "region")),
    cameUnder: mention.cameUnder,
    countries: new Set(),
    areas: new Set(),
    placeSentence: mention.ownPlace ? mention.sentence.text : null,
    inPassing: mention.anaphoric && dayOf !== null && drafts.some((d) => d.date?.precision === "day" && d.date.date !== dayOf),
    joint: mention.jointToll === true,
  };
  note(draft, mention);
  allDrafts.push(draft);
  return draft;
}

/** The day a possessive dates a mention with ("Wednesday's explosion"), or null. */
function possessiveDay(mention: Mention): string | null {
  const d = mention.date;
  if (d === null || d.precision !== "day" || d.date === null || d.end > mention.start) return null;
  const at = d.end - mention.sentence.start;
  return POSSESSIVE_AFTER.test(mention.sentence.text.slice(at, at + 3)) && mention.start - d.end <= 4 ? d.date : null;
}

/** The news idiom that sets one incident beside another ("comes as the toll has risen ... from", "came amid"). */
const CLAUSE_LINK = /\b(?:comes?|came|coming)\s+(?:as|while|amid)\s/i;

/** Before a trigger: a definite or possessive word ("the bombing", "Wednesday's bombing", "its attack"). */
const DEFINITE_BEFORE = /(?:(?:^|[\s,])(?:the|this|that|its|their)|['’]s)\s+(?:[\p{L}-]+\s+){0,2}$/iu;

/** A device introduced as new in a clause ("detonated a car bomb"); group 1 is its name. */
const NEW_DEVICE = /\b(?:an?)\s+((?:[\p{L}-]+\s+)?(?:bombs?|IEDs?|devices?|grenades?|mines?))\b/iu;
/** Before a trigger: a device or act introduced as new ("a bomb in a cart", "an air raid that"). */
const INDEFINITE_BEFORE = /(?:^|[\s,])(?:a|an)\s+(?:[\p{L}-]+\s+){0,3}$/iu;

/**
 * Whether a mention is a new incident with a toll of its own, unlike the one an incident already has from
 * another sentence ("a Baghdad car bomb has killed four ... In northern Iraq, a bomb in a cart has killed
 * one child"): a story tells one incident's toll again with a definite word ("the blast"), not a new one.
 */
function anotherToll(draft: Draft, mention: Mention): boolean {
  if (mention.anaphoric || mention.inHeadline) return false;
  // (The dead when both count them; else the wounded: "a sedan exploded ..., injuring five" and "a car bomb detonated
  // ..., killing six and wounding 13" are two bombs; a word of the report with no toll of its own has its clause's. Eighteenth pass.)
  const toll = mention.fatalities.min === null && mention.injuries.min === null && mention.clauseToll ? mention.clauseToll : mention;
  const bothDead = toll.fatalities.min !== null && draft.fatalities.min !== null;
  // ("Four civilians were killed today when an IED exploded ... And 12 civilians were injured when terrorists ... detonated a
  // car bomb at a checkpoint": wounded only, by a device of another name introduced as new, beside dead only; nineteenth pass.)
  const device = NEW_DEVICE.exec(mention.sentence.text.slice(mention.clause.start - mention.sentence.start, mention.clause.end - mention.sentence.start));
  const otherDevice =
    device !== null && !toll.fatalities.min && (toll.injuries.min ?? 0) > 0 && draft.fatalities.min !== null && draft.injuries.min !== toll.injuries.min && !draft.mentions.some((m) => m.sentence.text.toLowerCase().includes((device[1] ?? "").toLowerCase()));
  const differs = bothDead
    ? draft.fatalities.min !== toll.fatalities.min
    : otherDevice ||
      // (A full toll of dead and wounded beside an incident with only wounded, not a later word on the wounded alone.)
      (toll.fatalities.min !== null && draft.fatalities.min === null && toll.injuries.min !== null && draft.injuries.min !== null && draft.injuries.min !== toll.injuries.min);
  if (!differs) return false;
  if (draft.mentions.some((m) => m.sentence === mention.sentence)) return false;
  const before = mention.sentence.text.slice(Math.max(0, mention.start - mention.sentence.start - 40), mention.start - mention.sentence.start);
  return otherDevice || INDEFINITE_BEFORE.test(before);
}

/**
 * Whether a mention introduced as new ("a suicide bombing") stands in a sentence that has already pointed back at the
 * incident ("Wednesday's bombing comes as the toll has risen to 58 from a suicide bombing earlier this week"): the
 * sentence then names two incidents, and the new one is not the one its reference is to.
 */
function newBesideReference(draft: Draft, mention: Mention): boolean {
  const pointsBack = (m: Mention): boolean => m.anaphoric || DEFINITE_BEFORE.test(m.sentence.text.slice(Math.max(0, m.start - m.sentence.start - 30), m.start - m.sentence.start));
  // (Only across a clause boundary: "the explosion of a powerful car bomb", "In the first attack, a suicide bomber struck"
  // name one incident twice.)
  const acrossClause = (m: Mention): boolean => CLAUSE_LINK.test(mention.sentence.text.slice(m.end - mention.sentence.start, mention.start - mention.sentence.start));
  if (mention.anaphoric || mention.inHeadline || !draft.mentions.some((m) => m.sentence === mention.sentence && m.end <= mention.start && pointsBack(m) && acrossClause(m))) return false;
  const before = mention.sentence.text.slice(Math.max(0, mention.start - mention.sentence.start - 40), mention.start - mention.sentence.start);
  return INDEFINITE_BEFORE.test(before);
}

/**
 * Whether an incident and a mention name two places of their own, finer than a country, that the
 * story never puts together ("Ferguson" and "New York City" in two sentences): a place the
 * gazetteer does not know may lie in a city only where the story says so.
 */
function unrelatedPlaces(draft: Draft, mention: Mention): boolean {
  const a = draft.place;
  const b = mention.place;
  if (!a || !b || !draft.ownPlace || !mention.ownPlace || a.name === b.name) return false;
  if (a.kind === "country" || b.kind === "country" || placeWithin(a, b) || placeWithin(b, a)) return false;
  // A region may hold a locality the gazetteer does not know; a city or another locality does not.
  if ((a.kind !== "locality" && b.kind !== "locality") || a.kind === "region" || b.kind === "region") return false;
  // "a base north of the main city of Kismayo ... the base at Bulogudud town": a city named as a
  // reference point may have the town the story names next around it.
  if (referencePoint(draft.placeSentence, a.name) && b.kind === "locality") return false;
  return !mention.sentence.text.includes(a.name) && !(draft.placeSentence ?? "").includes(b.name);
}

// "north of the main city of X", "30 kilometers from X", "outside X": X is where it happened near, not at.
const REFERENCE_BEFORE = /\b(?:(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)?\s+of|outside(?:\s+of)?|(?:kilomet(?:er|re)s|km|miles)\s+(?:(?:north|south|east|west|northeast|northwest|southeast|southwest)\s+)?(?:of|from))\s+(?:the\s+)?(?:[\p{L}-]+\s+){0,3}$/iu;

/** Between a place and its reference point set off after it ("Avgani, near ", "the village, just outside the town of "). */
// (h18ai: "in the Khan Bani Said area, north of Baghdad": a bearing set off after the place's area is its reference point too.)
const NEAR_SET_OFF_BETWEEN = /^(?:\s+(?:area|region|district|town|village))?,\s+(?:(?:just|close)\s+)?(?:near|outside|not far from|close to|(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)?\s+of)\s+(?:the\s+)?(?:(?:city|town|village|provincial capital)\s+of\s+)?$/i;

/** A distance and bearing before a place ("about 140 km northeast of", "30 miles from the"). */
const DISTANCE_FROM_BEFORE = /\b\d[\d,.]*\s*(?:kilomet(?:er|re)s|km|miles)\s+(?:(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)?\s+)?(?:of|from)\s+(?:the\s+)?(?:[\p{L}-]+\s+){0,3}$/iu;

/** A teller named with where it sits, up to a place ("A military spokesman at the Bagram air base near ", "officials in "). */
const TELLER_AT_BEFORE = /\b(?:officials?|spokes(?:man|woman|person)|authorities|commanders?|ministry|headquarters|command|sources?)\s+(?:(?:at|in|near|from)\s+(?:the\s+)?(?:[\p{L}.'’-]+\s+){0,4}?)?(?:at|in|near|from)\s+(?:the\s+)?(?:[\p{L}.'’-]+\s+){0,2}$/iu;
/** After a teller's place, its telling verb ("Kabul said", "Kabul told reporters"). */
const TELLER_VERB_AFTER = /^(?:\s+(?:airbase|air base|base|headquarters|office))?\s+(?:said|says|say|reported|reports|told|announced|confirmed)\b/i;

/**
 * Whether a place is only where the teller of the report is ("A U.S. military spokesman at the Bagram air base near
 * Kabul said U.S. special forces came under attack in eastern Afghanistan"): the place sits in the subject of a telling
 * verb and the incident is told after that verb.
 */
function tellersPlace(text: string, sentence: Sentence, place: TextRange, hit: TextRange): boolean {
  const verb = TELLER_VERB_AFTER.exec(text.slice(place.end, Math.min(sentence.end, place.end + 40)));
  if (!verb || hit.start < place.end + verb[0].length) return false;
  return TELLER_AT_BEFORE.test(text.slice(Math.max(sentence.start, place.start - 70), place.start));
}

/** Whether `sentence` names place `name` only as a reference point ("north of Kismayo"). */
function referencePoint(sentence: string | null, name: string): boolean {
  const at = sentence?.indexOf(name) ?? -1;
  return sentence !== null && at >= 0 && REFERENCE_BEFORE.test(sentence.slice(Math.max(0, at - 60), at));
}

/** A compass part before a place ("in southern Afghanistan", "eastern Congo"). */
const PART_BEFORE = /\b(north|south|east|west|northeast|northwest|southeast|southwest|central)(?:ern)?\s+$/i;
const partOf = (m: Mention): string | null =>
  m.place && m.ownPlace && m.place.start >= m.sentence.start ? (PART_BEFORE.exec(m.sentence.text.slice(Math.max(0, m.place.start - m.sentence.start - 20), m.place.start - m.sentence.start))?.[1]?.toLowerCase() ?? null) : null;

/**
 * Whether a mention placed in one part of a country ("came under attack in eastern Afghanistan") and an incident reported
 * in another part of it ("attacked a police headquarters in southern Afghanistan") are two incidents: the parts a story
 * names set its reports apart as towns would.
 */
function otherPartOfCountry(draft: Draft, mention: Mention): boolean {
  const part = partOf(mention);
  if (part === null || mention.place?.kind !== "country") return false;
  return draft.mentions.some((m) => m.place?.name === mention.place?.name && partOf(m) !== null && partOf(m) !== part);
}

/** Whether a mention's place lies in a country other than every one the incident's reports name (its places and their regions). */
function otherCountry(draft: Draft, mention: Mention): boolean {
  const code = mention.place?.countryCode ?? mention.area?.countryCode ?? null;
  return code !== null && draft.countries.size > 0 && !draft.countries.has(code);
}

/** The places (in text order) inside `range`, found by binary search: no scan of the story's places per mention. */
function placesIn(places: readonly PlacedMention[], range: TextRange): PlacedMention[] {
  let low = 0;
  let high = places.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((places[mid] as PlacedMention).start < range.start) low = mid + 1;
    else high = mid;
  }
  const out: PlacedMention[] = [];
  for (let i = low; i < places.length && (places[i] as PlacedMention).start < range.end; i++) if ((places[i] as PlacedMention).end <= range.end) out.push(places[i] as PlacedMention);
  return out;
}

/** The last place (places are in text order) that ends before `at` and passes `test`. */
function lastBefore(places: readonly PlacedMention[], at: number, test: (p: PlacedMention) => boolean): PlacedMention | undefined {
  for (let i = places.length - 1; i >= 0; i--) {
    const p = places[i] as PlacedMention;
    if (p.end <= at && test(p)) return p;
  }
  return undefined;
}

/** Fills an incident's date and refines its place from a sentence that only continues its report. */
function continuation(draft: Draft, sentence: Sentence, sentencePlaces: readonly PlacedMention[], dates: readonly DateMention[]): void {
  if (!draft.date) draft.date = dates.find((d) => !notWhen(sentence.text, { start: d.start - sentence.start, end: d.end - sentence.start }, 0)) ?? null;
  const finer = sentencePlaces.find((p) => p.locative && !p.demonym && draft.place !== null && PLACE_RANK[p.kind] > PLACE_RANK[draft.place.kind] && placesCompatible(draft.place, p));
  if (finer) {
    draft.place = finer;
    draft.placeSentence = sentence.text;
  }
}

/** Whether the last violent incident of `sentence`'s paragraph or the one before was reported by a source and counted its dead (h18ap). */
function rivalSourced(drafts: readonly Draft[], sentence: Sentence): boolean {
  const last = byRecency(drafts).find((d) => VIOLENT.includes(d.type) && d.mentions.some((m) => m.sentence.paragraph >= sentence.paragraph - 1));
  return last !== undefined && last.fatalities.min !== null && last.mentions.some((m) => m.sentence !== sentence && REPORTED_BY.test(m.sentence.text));
}

function hasCounts(draft: Draft | null): boolean {
  if (draft === null) return false;
  return draft.fatalities.min !== null || draft.fatalities.max !== null || draft.injuries.min !== null || draft.injuries.max !== null;
}

/** Incidents, the most recently reported first. */
function byRecency(drafts: readonly Draft[]): Draft[] {
  return [...drafts].sort((a, b) => b.lastAt - a.lastAt);
}

/** Records where a report says its incident is (its country and region), for the merging tests. */
function note(draft: Draft, mention: Mention): void {
  for (const code of [mention.place?.countryCode, mention.area?.countryCode]) if (code) draft.countries.add(code);
  if (mention.area) draft.areas.add(`${mention.area.name}\u0000${mention.place?.name ?? ""}`);
}

function absorb(draft: Draft, mention: Mention, takePlace: boolean): Draft {
  draft.mentions.push(mention);
  note(draft, mention);
  draft.lastAt = Math.max(draft.lastAt, mention.start);
  // "their attack" after a battle points back at it: a reference does not retype what it refers to.
  if (!mention.anaphoric) draft.type = strongerType(draft.type, mention.type);
  // ... except an attack that forces came under, which "the fire fight" says they fought back: a battle.
  else if (draft.cameUnder && draft.type === "attack" && mention.type === "armed_clash") draft.type = "armed_clash";
  // ... and a blast the story goes on to call an attack ("denying it was behind the attack") is one (h18ad; the keys'
  // README: "explosion" is a blast the story does not present as an attack). Not in the headline, nor from a plural.
  else if (draft.type === "explosion" && mention.type === "attack" && !mention.inHeadline && !mention.plural) draft.type = "attack";
  draft.cameUnder ||= mention.cameUnder;
  if (takePlace && mention.ownPlace && mention.place?.kind === "locality" && draft.place !== null && draft.place.kind !== "locality" && referencePoint(draft.placeSentence, draft.place.name)) {
    // A town the story names after a reference point ("north of Kismayo") is where it happened.
    draft.place = mention.place;
  } else if (takePlace && mention.ownPlace && !draft.ownPlace && !(mention.inHeadline && mention.place?.kind === "country" && draft.place !== null && draft.place.kind !== "country" && placesCompatible(draft.place, mention.place))) {
    // (A headline's country says less than the town the story's thread gave.)
    // A place the words give beats one borrowed from the story's thread or dateline.
    draft.place = mention.place;
    draft.ownPlace = true;
  } else if (takePlace && mention.ownPlace === draft.ownPlace) draft.place = morePrecise(draft.place, mention.place);
  if (mention.ownPlace && draft.place === mention.place) draft.placeSentence = mention.sentence.text;
  // ("those airstrikes" in a sentence about today's report: a reference back does not move its incident off the days it has.)
  if (!(mention.anaphoric && draft.date !== null && mention.date !== null && !datesCompatible(draft.date, mention.date))) draft.date = betterDate(draft.date, mention.date);
  // A headline's count is rounded ("Over 50 Killed" for "at least 50"): the body's count stands.
  if (mention.inHeadline && hasCounts(draft)) {
    // ... but a kind of casualty the body never counts ("Iraqi citizens were killed and 18 wounded", the count of the dead
    // lost) is the headline's ("Four Iraqi Citizens Killed, 18 Injured"); not a plural headline's ("Bombings Kill 9" is a
    // total over the story's incidents).
    // (h18ah: nor is a floor of one, all a joint "killed and injured dozens" tells of the dead: "Explosion Kills 16" says more.)
    const floorOfOne = draft.fatalities.min === 1 && draft.fatalities.max === null;
    if (!mention.plural && floorOfOne && (reconcile(mention.tolls.fatalities).min ?? 0) > 1) draft.tolls.fatalities.clear();
    if (!mention.plural && draft.tolls.fatalities.size === 0 && mention.tolls.fatalities.size > 0) {
      for (const [group, range] of mention.tolls.fatalities) addCount(draft.tolls.fatalities, group, range);
      draft.fatalities = reconcile(draft.tolls.fatalities);
    }
    if (!mention.plural && draft.tolls.injuries.size === 0 && mention.tolls.injuries.size > 0) {
      for (const [group, range] of mention.tolls.injuries) addCount(draft.tolls.injuries, group, range);
      draft.injuries = reconcile(draft.tolls.injuries);
    }
  } else {
    // A report that refers back to the incident ("in the attack", "during the fighting") or goes on in its paragraph
    // breaks its toll down; one from further off may tell another event's victims beside it, and only its total
    // (the highest figure, as before) is taken.
    const elaborates = mention.anaphoric || draft.mentions.some((m) => m.sentence !== mention.sentence && m.sentence.paragraph === mention.sentence.paragraph);
    mergeTolls(draft.tolls, elaborates ? mention.tolls : totalOnly(mention.tolls));
    draft.fatalities = reconcile(draft.tolls.fatalities);
    draft.injuries = reconcile(draft.tolls.injuries);
  }
  draft.diplomatic ||= mention.diplomatic;
  return draft;
}
