import type { ExtractedIncidentType } from "../types.js";
import { MONTH_ABBREVIATIONS, MONTH_NAMES } from "./calendar-words.js";

// The words that report an incident of each type (DESIGN.md's list, after ACLED's event
// types). Each pattern is matched against a sentence; the exclusions below drop the senses of
// the same words that are not events ("close to", "fought the blaze", "any attack").
//
// A pattern whose match opens with a lookbehind ("forces ... killed") starts with a lookahead for
// the matched word, "(?=killed)(?<=...)": V8 tries a leading lookbehind at every position of the
// sentence, and the lookahead fails at once where the word is not. The matches are the same;
// extraction's speed bar (issue 17, bench/extract.ts) depends on it.

/** One way of reporting an incident of a type. */
export interface TriggerRule {
  readonly type: ExtractedIncidentType;
  readonly pattern: RegExp;
}

/** Fighters killed, passive ("several militants were killed", "two insurgents ... and were killed"): a battle's toll when no attack is reported beside it. */
export const FIGHTERS_KILLED = /(?=killed)(?<=\b(?:insurgents?|militants?|fighters?|terrorists?|extremists?|rebels?|gunm[ae]n|combatants?)\s+(?:[\p{L}'’-]+,?\s+){0,5}?(?:were|was|had been|have been|has been)\s+)killed\b/giu;

/**
 * Forces that killed fighters ("coalition forces killed four armed insurgents"; "forces in Zabul province's Shah Joy district
 * killed two insurgents": where they are may stand between, named words only, h18ai; "Afghan soldiers, assisted by
 * coalition forces, killed ...", "forces targeting a key operative killed ...": an aside between them).
 * (Aircraft too, when the fighters had attacked: "warplanes killed 12 insurgents after they attacked a patrol" is the
 * patrol's fight, close air support in a battle; an air strike alone is an attack.)
 */
export const FORCES_KILLED_FIGHTERS =
  /(?=killed)(?<=\b(?:forces|troops|soldiers|police|force|patrol|army|(?:warplanes|aircraft|helicopters|gunships)(?=\s+killed\b[^.;]{0,120}?\b(?:after|when|as)\s+(?:[\p{L}-]+\s+){0,4}?(?:attacked|ambushed|fired on|engaged)\b))(?:,\s+[^,;.]{1,60},|\s+(?:targeting|operating|supported by|assisted by|backed by)\s+(?:[\p{L}\p{N}'’.-]+\s+){0,7}?[\p{L}\p{N}'’.-]+|\s+(?:in|near)(?:\s+(?:\p{Lu}[\p{L}'’.-]*|(?:province|district|city|region|area|state|county)(?:['’]s)?)){1,6}?)?\s+(?:(?:of|from|with) the\s+(?:[\p{L}\p{N}'’.-]+\s+){1,5}?)?(?:\p{L}+\s+)?)killed(?!\s+(?:all|both|the|those|these|each)\b)(?=\s+(?:(?:at least|more than|about|some|nearly|up to|as many as)\s+)?(?:several\s+|numerous\s+|a few\s+|an? (?:undisclosed|unknown|undetermined) number of\s+|\d[\d,]*\s+|[a-z]+\s+)?(?:\p{L}+\s+){0,2}(?:insurgents?|militants?|fighters?|extremists?|rebels?|gunm[ae]n|jihadists?|attackers|enemy fighters|terrorists?|suspects?|militia(?:men)?|men)\b)/giu;

/** A kidnapping told by its verb ("kidnapped", "were abducted", "taken hostage") or by its noun with the victims ("the abduction of"). */
export const KIDNAPPING =
  /\b(?:(?=kidnapped|abducted)(?<!\b(?:the|a|an|those|these|two|three|four|five|six|\d+)\s+)(?:kidnapped|abducted)|(?:kidnapping|abduction)s?(?=\s+of\s+(?:an?|the|two|three|four|five|six|seven|eight|nine|ten|\d+|at least|more than|[A-Z]))|(?:taken|held) hostage|(?=held)(?<=\b(?:briefly|also|then|had|have|has|still|reportedly|[Pp]rotesters|[Dd]emonstrators|[Gg]unm[ae]n|[Kk]idnappers|[Mm]ilitants|[Rr]ebels|[Tt]hey)\s+)held\s+(?:[\p{L}\p{N}'’-]+\s+){1,4}?hostages?|(?:took|taking|takes|take)\s+(?:[\p{L}\p{N}-]+\s+){0,4}?hostages?|seized (?:as )?hostages?|(?<=\b[Gg]unm[ae]n\s+(?:have\s+|had\s+|has\s+)?)(?:seized|[Ss]eize|snatched|grabbed)(?=\s+(?:them|him|her|an?|two|three|four|five|six|seven|eight|nine|ten|\d+|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix)\b))\b/gu;

/** Acts of a riot ("hurling stones at security forces", "set ablaze tires", "set up street barricades", "burned one car" by a crowd, "..., looting shops and burning cars"). */
/** In a sentence about a kidnapping, the words that name its takers or their entry ("gunmen stormed the bar"), no attack of their own. */
export const KIDNAPPERS_WORD = /^(?:gunm[ae]n|stormed|raided|attacked|ambushed)$/i;
/** A sentence about a kidnapping, the participle included ("The kidnapped oil workers were out drinking when gunmen stormed the bar"). */
export const KIDNAPPING_TOLD = /\b(?:kidnap(?:ped|pers?|pings?)?|abduct(?:ed|ions?|ors?)|hostages?|captives?|gunm[ae]n\s+(?:have\s+|had\s+|has\s+)?(?:seized|seize|snatched|grabbed)\s+(?:them|him|her|an?|two|three|four|five|six|seven|eight|nine|ten|\d+)\b)/i;

/** The people of a crowd, whose arson is rioting ("protesters set ablaze ...", "opposition activists burned one car"). */
export const CROWD = /\b(?:protest(?:er|or)s?|demonstrators?|rioters?|youths|activists|supporters|crowds?|mobs?|students)\b/i;
/** An attack word that only says something was set on fire. */
export const ARSON_WORD = /^(?:torched|set (?:fire|ablaze|alight)|arson)/i;
/** Before "tear gas": the force that used it ("fired", "lobbed volleys of"). */
export const FORCE_USED_BEFORE = /\b(?:fired|firing|fire|fires|used|using|uses|lobbed|lobbing|threw|throwing|shot|shooting|launched|deployed)\s+(?:[\p{L}-]+,?\s+){0,3}$/iu;
/** The protest words that name a weapon of dispersal, not the gathering. */
export const DISPERSAL_WEAPON = /^(?:tear gas|water cannons?)$/i;

/** Before a crowd word: security forces that killed or hurt it ("police killed at least one protester"). */
export const FORCES_HURT_BEFORE =
  /\b(?:police(?:men)?|security forces|soldiers|troops|gendarmes|army|guards)\s+(?:(?:had|have|has|reportedly|allegedly)\s+)*(?:killed|shot(?: dead)?|shot and killed|beat|wounded|injured)\s+(?:(?:at least|more than|some|about|nearly|dozens of|scores of|hundreds of|several|an?|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+)*(?:[\p{L}-]+\s+)?$/iu;

export const RIOTING =
  /\b(?=looting|burn|torch|smash|hurl|throw|pelt|stone|set|put|erect|ransack)(?:(?<=,\s+)(?:looting|burning|torching|smashing)\s+(?:[\p{L}-]+\s+)?(?:shops|stores|cars|vehicles|businesses|buildings|markets)|(?:hurl|throw|pelt)(?:ing|ed|s)?\s+(?:[\p{L}-]+\s+)?(?:stones|rocks|bricks|bottles|petrol bombs|molotov cocktails)|stone-?(?:throwing|pelting)|(?:set|setting) (?:ablaze|alight|on fire|fire to) (?:[\p{L}-]+\s+){0,2}?(?:tires|tyres)|burn(?:ed|t|ing)\s+(?:[\p{L}-]+\s+){0,2}?(?:tires|tyres)|(?:set|setting|put|putting|erected|erecting) up (?:[\p{L}-]+\s+)?barricades|(?<=\b(?:protesters|protestors|demonstrators|rioters|youths|activists|supporters|crowds?|mobs?|students)\s+(?:[\p{L}-]+\s+){0,2})(?:burned|burnt|torched|ransacked))\b/giu;

/** The people of a crowd that fights the police (a riot's side), as a pattern source. */
const CROWD_SIDE = String.raw`(?:protest(?:er|or)s|demonstrators|rioters|youths|students|marchers|strikers|villagers|residents|workers)`;
/** The police side of a riot ("riot police", "security forces"), as a pattern source. */
const POLICE_SIDE = String.raw`(?:the\s+)?(?:riot\s+|anti-riot\s+)?(?:police(?:men)?|security forces|gendarmes)`;
/** A crowd and the police fighting (see its rule in TRIGGERS). */
export const RIOT_CLASH = new RegExp(
  String.raw`\b(?:clash(?:es)?\s+between\s+(?:the\s+)?(?:[\p{L}-]+\s+){0,3}?${CROWD_SIDE}\s+and\s+${POLICE_SIDE}|clash(?:es)?\s+between\s+${POLICE_SIDE}\s+and\s+(?:[\p{L}-]+\s+){0,3}?${CROWD_SIDE}|${CROWD_SIDE}\s+(?:(?:have|had|also|then|later|repeatedly|reportedly)\s+)?(?:clash(?:ed|es)?|fought|fight|battled|battle|scuffled)\s+with\s+${POLICE_SIDE}|street\s+(?:battles?|fights?|clash(?:es)?)\s+with\s+${POLICE_SIDE})\b`,
  "giu",
);

/**
 * "Protesters remained in the square after a day of clashes with riot police": clashes with the police in a sentence whose
 * crowd was named before them are that crowd's riot (the span is the clashes alone, so the crowd's protest stays its own).
 */
export const CLASHES_WITH_POLICE_AFTER_CROWD = new RegExp(
  String.raw`(?=clash|street|scuffl)(?<=\b${CROWD_SIDE}\b[^.;]{0,200}?)\b(?:clash(?:es|ed)?|street\s+battles?|scuffles?|scuffled)\s+with\s+${POLICE_SIDE}\b`,
  "giu",
);
/** "Hundreds attacked and looted a warehouse", "protesters stormed and ransacked the offices": a crowd's assault with looting is a riot. */
export const CROWD_ATTACKED_AND_LOOTED = new RegExp(
  String.raw`(?=attacked|stormed|raided|ransacked|broke into)(?<=\b(?:${CROWD_SIDE}|crowds?|mobs?|hundreds|thousands|dozens)\s+(?:(?:of\s+)?[\p{L}-]+\s+){0,2}?(?:(?:have|had|has|then|later|reportedly|also)\s+)*)(?:attacked|stormed|raided|ransacked|broke into)\s+and\s+(?:looted|ransacked|pillaged|burned|torched|set fire to)\b`,
  "giu",
);
/** "Inmates (at the central prison) set a fire to protest ...", "prisoners set fire to their cells", "detainees torched mattresses": prisoners' arson, a riot. */
export const INMATES_SET_FIRE =
  /\b(?=set|start|lit|torch|burn)(?<=\b(?:inmates|prisoners|detainees|convicts)\s+(?:(?:at|in|of)\s+(?:[\p{L}'’-]+\s+){1,6}?)?(?:(?:had|have|has|then|later|reportedly|also|allegedly)\s+)*)(?:(?:set|started|lit)\s+(?:a\s+|the\s+)?fires?(?:\s+to\s+(?:[\p{L}-]+\s+){0,3}?(?:cells?|mattresses|beddings?|buildings?|blocks?|wings?|dormitor(?:y|ies)|prison|jail))?|(?:set|started)\s+(?:ablaze|alight|on\s+fire)\s+(?:[\p{L}-]+\s+){0,2}?(?:cells?|mattresses|beddings?|buildings?|blocks?|wings?|dormitor(?:y|ies))|(?:torched|burned|burnt)\s+(?:[\p{L}-]+\s+){0,2}?(?:cells?|mattresses|beddings?|blocks?|wings?|dormitor(?:y|ies)))(?:\s+to\s+protest)?\b/giu;

/**
 * "Riot police charged the protest camp", "police charged into the crowd", "security personnel armed with batons moved in
 * on the camp": the police's force on a crowd is an attack on it.
 */
export const POLICE_CHARGED_CROWD = new RegExp(
  String.raw`(?=charged|moved)(?<=\b(?:${POLICE_SIDE}|security\s+personnel|soldiers|troops)\s+(?:armed\s+with\s+[^,.;]{1,50}?\s+)?(?:(?:had|have|has|then|later|also|repeatedly|reportedly)\s+)*)(?:charged|moved\s+in\s+on)(?=\s+(?:at\s+|into\s+|on\s+)?(?:the\s+|a\s+)?(?:[\p{L}-]+\s+){0,3}?(?:protest(?:er|or)s|demonstrators|crowds?|marchers|rall(?:y|ies)|students|youths|(?:protest\s+|opposition\s+)?camps?|sit-ins?|barricades)\b)`,
  "giu",
);

/**
 * Forces that target or raid a person or a hideout ("coalition forces targeted an AQI facilitator at a safe house",
 * "troops raided a compound"): an operation to seize someone, an arrest (subType raid), as the keys read the raids of
 * military releases (from incidents-19 on); an armed group's raid is an attack (its own rule).
 */
export const FORCES_TARGETED_PERSON =
  /(?=targeted|raided)(?<=\b(?:forces|force|troops|soldiers|police|commandos|special operations|raids?|operations?)\s+(?:(?:also|then|later|reportedly)\s+)?)(?:targeted(?=\s+(?:an?|the|one|two|three|four|five|six|\d+)\s+(?:[\p{L}\p{N}'’-]+\s+){0,6}?(?:individuals?|facilitators?|leaders?|commanders?|operatives?|suspects?|experts?|members?|emirs?|financiers?|associates?|couriers?|smugglers?|bomb-?makers?|men|man)\b)|raided(?=\s+(?:an?|the|two|three|several|\d+)\s+(?:[\p{L}\p{N}'’-]+\s+){0,4}?(?:compounds?|houses?|homes?|safe-?houses?|hideouts?|buildings?|residences?|hide-?outs?)\b))/giu;

/** A curfew imposed, or one ended that the story had not told of ("officials ended a curfew in the city"; see its rule in TRIGGERS). */
export const CURFEW =
  /(?=curfew)(?:(?<=\b(?:end(?:ed|s|ing)|lift(?:ed|s|ing))\s+an?\s+(?:[\p{L}\p{N}.:-]+\s+){0,4}?)curfews?\b|(?<=\b(?:impos(?:ed|es|ing)|declar(?:ed|es|ing)|announc(?:ed|es|ing)|order(?:ed|s|ing)|extend(?:ed|s|ing)|reimpos(?:ed|es|ing)|slapp(?:ed|ing)|under)\s+(?:(?:an?|the|its|their)\s+)?(?:[\p{L}\p{N}.:-]+\s+){0,6}?)curfews?\b|\bcurfews?\b(?=\s+(?:[\p{L}\p{N}-]+\s+){0,4}?(?:was\s+|were\s+|has been\s+|had been\s+)?(?:imposed|declared|took effect|went into effect|came into (?:effect|force))\b))/giu;

/** An attack fought off (see its rule in TRIGGERS). */
export const ATTACK_FOUGHT_OFF =
  /\b(?:repell?(?:ed|ing|s)|repuls(?:ed|ing|es)|beat(?:s|ing)?\s+back|fought\s+off|fend(?:s|ed|ing)?\s+off|fought\s+back)\s+(?:an?|two|three|several|multiple)\s+(?:[\p{L}-]+\s+){0,3}?(?:attacks?|assaults?|raids?|ambush(?:es)?|offensives?)\b/giu;
/** Forces that beat people ("the police had beaten him", "soldiers beat villagers"), or people beaten by them. */
export const FORCES_BEAT =
  /(?=beat|were|was|been|being)(?:(?<=\b(?:police(?:m[ae]n)?|soldiers|troops|security forces|guards|officers|gendarmes|militiam[ae]n|thugs)\s+(?:(?:had|have|has|reportedly|allegedly|then|also|severely|brutally|repeatedly)\s+)*)(?:beat|beaten|beating)\b(?!\s+(?:back|off)\b)|\b(?:were|was|been|being)\s+(?:(?:severely|brutally|badly|repeatedly)\s+)?beaten\s+(?:up\s+)?by\s+(?:the\s+)?(?:[\p{L}-]+\s+)?(?:police(?:m[ae]n)?|soldiers|troops|security forces|guards|officers|gendarmes|militiam[ae]n|thugs)\b)/giu;

/**
 * A structure that gave way ("a cave-in at a gold mine", "the mine wall collapse", "a building collapsed", "a second
 * collapse killed three rescuers", "the collapse occurred late Wednesday"): an accident, type `other` (the keys' README:
 * disasters and accidents). Not a government's, an economy's or talks' collapse: a structure's word before it, a
 * structure after "collapse of", or a toll or an occurrence right after it.
 */
const STRUCTURE = String.raw`(?:mines?|walls?|roofs?|ceilings?|buildings?|bridges?|dams?|tunnels?|shafts?|pits?|factor(?:y|ies)|structures?|houses?|homes|apartment\s+blocks?|towers?|stands|schools?|hotels?|churches|mosques?|stadiums?|scaffolding|embankments?|hillsides?|galler(?:y|ies)|(?:coal|gold|copper|jade|tin)\s+mines?)`;
export const COLLAPSE = new RegExp(
  String.raw`\b(?=cave|collaps)(?:cave-?ins?|(?<=\b${STRUCTURE}\s+(?:(?:has|have|had|partially|partly|suddenly|then|later|that|which)\s+)*)collaps(?:e|es|ed|ing)|collapses?(?=\s+of\s+(?:an?|the|one|two|three|several)\s+(?:[\p{L}-]+\s+){0,3}?${STRUCTURE}\b)|collapses?(?=\s+(?:(?:has|have|had|that|which)\s+)?(?:killed|left|trapped|injured|buried|wounded|occurred|happened|took place)\b))\b`,
  "giu",
);
/**
 * A fire told as a disaster by its kind or place ("Tuesday's deadly underground fire in a coal mine", "a factory fire"):
 * `other`, as a fire that "broke out" or "killed" is. Not fire aimed at someone ("opened deadly fire on").
 */
export const DISASTER_FIRE = /(?=fire)(?<=\b(?:deadly|fatal|underground|mine|factory|warehouse|nightclub|hospital|hotel|apartment|market|tenement)\s+)fires?\b(?!\s+(?:on|at|into|upon)\b)/giu;

/**
 * A transport accident (h18ae): "a commuter train collided with a freight train", "a freight train rammed a commuter bus",
 * "the bus plunged into a ravine", "Fifty people died in that collision", "the derailment", "a plane crash", "the
 * biggest rail accident", "an accident outside the town ... left five people dead": `other` (the keys' README: accidents).
 * A vehicle's verb needs the vehicle right before it (not "talks collapsed", "markets crashed"); "accident" needs its kind
 * or a toll after it (not "by accident", "an accident of history").
 */
const VEHICLE = String.raw`(?:trains?|locomotives?|bus(?:es)?|minibus(?:es)?|coach(?:es)?|trucks?|lorr(?:y|ies)|tankers?|cars?|vehicles?|vans?|planes?|airliners?|aircraft|jets?|helicopters?|ferr(?:y|ies)|boats?|ships?|vessels?|trawlers?)`;
export const TRANSPORT_ACCIDENT = new RegExp(
  String.raw`(?=collid|crash|derail|rammed|plunged|overturned|capsized|sank|sunk)(?<=\b${VEHICLE}\s+(?:(?:had|has|have|that|which|reportedly|then|later)\s+)*)(?:collided|crashed|derailed|rammed|plunged|overturned|capsized|sank|sunk)\b|\b(?:collisions?|derailments?|(?=plane|air|helicopter|bus|train|car|road|traffic|rail|boat|ferry|jet)(?:plane|air|helicopter|bus|train|car|road|traffic|rail(?:way)?|boat|ferry|jet)\s+(?:crash(?:es)?|accidents?|disasters?)|(?=accident)accidents?(?=\s+(?:[^.;]{0,60}?\s)?(?:left|killed|claimed|injured|wounded)\s))\b`,
  "giu",
);

/**
 * "at least 1,000 protesters took over/**
 * "at least 1,000 protesters took over the local government building", "demonstrators tried to storm the police
 * headquarters", "a crowd seized the governor's office": a crowd that takes or storms a seat of power is rioting (ACLED's
 * violent demonstration), no armed attack. The span starts at the verb; the crowd word before it stays the protest's.
 */
export const CROWD_SEIZED_BUILDING = new RegExp(
  String.raw`(?=took|seized|stormed|storm|occupied|overran|broke)(?<=\b(?:${CROWD_SIDE}|crowds?|mobs?)\s+(?:(?:have|had|has|then|later|briefly|reportedly|also|tried\s+to|attempted\s+to)\s+)*)(?:took\s+over|seized|stormed|storm|overran|broke\s+into)(?=\s+(?:the\s+|a\s+)?(?:[\p{L}'’-]+\s+){0,3}?(?:government\s+(?:buildings?|offices?|headquarters)|(?:police\s+)?headquarters|police\s+stations?|parliament|(?:town|city)\s+halls?|administration\s+buildings?|governor['’]s\s+(?:office|residence|compound)|(?:state|public)\s+(?:television|broadcaster|buildings?)|offices?\s+of\s+the\s+(?:governor|government|administration)|ministry|ministries)\b)`,
  "giu",
);

/** Trigger words and phrases, by incident type. */
export const TRIGGERS: readonly TriggerRule[] = [
  // "Coalition forces beat back an insurgent attack", "Iraqi forces repelled an attack in Fallujah": an attack fought off is
  // a battle between the two sides (ACLED), not a one-sided attack; the span takes in the attack's word, so it reports no
  // attack of its own (first in the list: an earlier hit wins an overlap). Only one attack told with its article ("an"):
  // "repelled the attack" points back at one already reported, typed there, and "repelled insurgent attacks at several
  // locations" (no article) is keyed as attacks (incidents-2), though "beat back an insurgent attack" is a battle (-16).
  { type: "armed_clash", pattern: ATTACK_FOUGHT_OFF },
  // A crowd that attacks and loots is a riot, the looting its act (before the attack and looting words, so it wins them).
  { type: "riot", pattern: CROWD_ATTACKED_AND_LOOTED },
  // A crowd that takes or storms a seat of power riots (h18ac; before the attack words, so "stormed" is the riot's).
  { type: "riot", pattern: CROWD_SEIZED_BUILDING },
  // (h18am) A fire set by the people held in a prison ("inmates set a fire to protest conditions", "prisoners torched
  // their cells") is a riot (ACLED: violent demonstration), the protest its reason; the span takes in "to protest" so
  // the protest word reports no second incident (before the protest words, an earlier hit wins an overlap).
  { type: "riot", pattern: INMATES_SET_FIRE },
  // (h18am) An armed jailbreak ("they shot their way out of the prison, killing a guard") is an attack; a jailbreak
  // alone (a tunnel, a wall climbed) stays `other`, below.
  { type: "attack", pattern: /\b(?:shot|shooting|shoot|blasted|blasting|fought|fighting|gunned)\s+(?:their|his|her)\s+way\s+(?:out|free)\b/gi },
  // The police's charge on a crowd or its camp (ACLED's excessive force on a protest; the keys: its own attack).
  { type: "attack", pattern: POLICE_CHARGED_CROWD },
  // (h18ai: "Sunni gunmen and al-Qaida militants have engaged in several days of battles": gunmen who fight are a side of
  // the battle, no attack of their own.)
  {
    type: "attack",
    pattern:
      /\b(?:attack(?:s|ed|ing)?(?![\s-]+(?:helicopters?|aircraft|jets?|planes?|dogs?|submarines?)\b)|assault(?:s|ed)?(?![\s-]+(?:rifles?|weapons?|guns?|teams?|forces?|charges?|course|vehicles?|boats?|craft|vests?|packs?|ladders?)\b)|bombings?|bombed|shelling|shelled|air ?strikes?|drone strikes?|missile strikes?|ambush(?:ed|es)?|massacres?|massacred|massacring|stabbings?|shootings?|shot dead|shot and (?:(?:slightly|seriously|critically|badly|fatally|mortally|gravely)\s+)?(?:killed|wounded|injured)|gunmen(?![^.;]{0,60}?\b(?:engaged in|(?:have|has|had)\s+(?:been\s+)?(?:clash|battl|fight|fought)))|opened fire|fired (?:on|at|into)|stormed(?!\s+(?:out|off|to victory))|arson(?: attacks?)?|torched|set (?:fire to|ablaze) (?:a |an |the |two |several |dozens of )?(?:[\p{L}-]+\s+)?(?:buildings?|houses?|homes|shops?|stores?|cars?|vehicles?|buses|warehouses?|offices?|police stations?|churches|mosques|schools?)|suicide (?:car |truck |vest )?bomb(?:ing|er)s?|roadside[ -]bomb(?:s|ings?)?(?:[ -]attacks?)?|(?:improvised explosive|explosive) devices?|IEDs?|(?<!\b(?:seized|confiscated|found|discovered|recovered|uncovered|turned in|handed over|caches? of|including|included)\b(?:(?!\b(?:fired|firing|launched|lobbed|hit|struck|attack(?:ed|s)?|when|after|while)\b)[^.;:])*)mortar (?:rounds|shells)|mortar fire|murdered|gunman|(?<!\bcar\s)bombs?(?=(?:\s+(?:in|on|inside|hidden in|planted in|placed in)\s+[^,.;]{1,40}?|,\s+(?:planted|placed|hidden|concealed)\s+(?:in|on|inside|under|near|at)\s+[^,.;]{1,60}?,?)?\s+(?:has\s+|have\s+)?(?:struck|exploded|went off|hit|detonated|killed|wounded|injured|ripped|tore|left\s+(?:(?:at least|more than|about|some)\s+)?(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|dozens|scores|several)\s+(?:[\p{L}-]+\s+)?(?:people|persons|civilians|dead|wounded|injured|killed)))|air raids?|fatally (?:shot|stabbed)|(?=stabbed)(?<=\b(?:was|were|been|being)\s+(?:(?:repeatedly|brutally|fatally|seriously|critically)\s+)?)stabbed|lynched|beheaded|stabbed (?:and killed|to death))\b/giu,
  },
  // "extremists fired a rocket at road workers", "fired two mortar rounds into the compound", 'insurgents "fired
  // indiscriminately" at villagers': fire aimed at a target is an attack (the weapon may stand between; small arms, a
  // fight's weapon, are left to the battle rules).
  { type: "attack", pattern: /\bfired\s+(?:(?:an?|one|two|three|four|five|six|several|multiple|\d+)\s+)?(?:[\p{L}\p{N}-]+\s+){0,2}?(?:rockets?|mortars?|mortar (?:rounds|shells)|missiles?|shells|grenades?|RPGs?)\s+(?:at|on|into|toward|towards)\b|\bfired\s+(?:indiscriminately|randomly|blindly)["”]?\s+(?:at|on|into)\b/giu },
  // (h18am) "their vehicle came under Taliban rocket fire", "the convoy came under heavy mortar fire": fire of a
  // weapon on someone is an attack (CAME_UNDER in incidents.ts reads the battle if they fire back). Not "came under fire
  // from lawmakers": the weapon must be named; not small arms or machine guns ("a patrol came under small-arms fire"
  // during a firefight), a fight's weapons, left to the battle rules.
  { type: "attack", pattern: /\bcame under\s+(?:[\p{L}-]+\s+){0,2}?(?:rocket|rocket-propelled[ -]grenade|RPG|mortar|artillery|sniper|grenade|missile|tank)\s+fire\b/giu },
  // (h18aq) "rebels rammed an explosive-filled boat into a naval vessel", "an explosives-laden truck rammed the gate": a
  // ramming by an armed side or with a charge aboard is an attack (a vehicle that rams another alone is an accident, below).
  { type: "attack", pattern: /(?:(?=rammed)(?<=\b(?:rebels|militants|insurgents|attackers|assailants|bombers?|terrorists|gunm[ae]n|jihadists|fighters|extremists|guerrillas)\s+(?:(?:had|have|has|reportedly|allegedly|then|also|later)\s+)*)rammed|\bexplosives?[ -](?:laden|filled|packed|rigged|loaded)\s+(?:[\p{L}-]+\s+){0,3}?(?:rammed|crashed\s+into|slammed\s+into))\b/giu },
  // "security forces lobbed a grenade into an area", "A grenade thrown into a downtown church": a grenade thrown is an attack.
  { type: "attack", pattern: /\b(?:(?:lobbed|threw|hurled|tossed|lobbing|throwing|hurling)\s+(?:an?\s+|two\s+|several\s+)?(?:hand\s+)?grenades?|grenades?\s+(?:was\s+|were\s+)?(?:thrown|lobbed|hurled|tossed)\s+(?:into|at|inside|onto))\b/giu },
  // "the excessive force used by police against civilians": force on people named as excessive is an attack on them (ACLED).
  { type: "attack", pattern: /\b(?:excessive|disproportionate|lethal)\s+(?:use of\s+)?force(?=\s+(?:used\s+)?(?:by|against)\b)/giu },
  // "He said the police had beaten him", "villagers were beaten by soldiers": force used on people by the forces is an attack
  // on them (ACLED's excessive force), whoever the beaten are ("beat back an attack" is a battle, above).
  { type: "attack", pattern: FORCES_BEAT },
  // "Police could be seen beating youths with wooden clubs": force used on people of a crowd is an attack on them.
  { type: "attack", pattern: /\bbeat(?:ing|en)?(?=\s+(?:up\s+)?(?:protest(?:er|or)s|demonstrators|youths|students|journalists|supporters|activists|marchers|crowds?)\b)/giu },
  // "a shooter killed five people", "the assailants stabbed two guards": an attacker noun that kills or hurts reports an
  // attack, as "gunmen" does alone ("the attackers were killed" is their own dead, no report).
  { type: "attack", pattern: /(?=killed|shot|stabbed|wounded|injured|murdered)(?<=\b(?:shooters?|assailants?|attackers?|knifem[ae]n|snipers?)\s+(?:(?:had|have|has|reportedly|allegedly|then|also)\s+)*)(?:killed|shot|stabbed|wounded|injured|murdered)\b(?!\s+(?:themselves|himself|herself)\b)/giu },
  // "A man armed with a knife killed three people", "a man wielding a machete wounded two guards": someone armed who kills
  // or hurts attacks (h18ae; as "a shooter killed" does above).
  { type: "attack", pattern: /(?=killed|shot|stabbed|wounded|injured|murdered|attacked)(?<=\b(?:armed\s+with|wielding|brandishing)\s+(?:an?\s+|two\s+)?(?:[\p{L}-]+\s+){0,2}?(?:knife|knives|machetes?|axes?|guns?|handguns?|pistols?|rifles?|swords?|hammers?|shotguns?|firearms?)\s+(?:(?:had|have|has|reportedly|allegedly|then|also|and)\s+)*)(?:killed|shot|stabbed|wounded|injured|murdered|attacked)\b(?!\s+(?:themselves|himself|herself)\b)/giu },
  // "a bomb blast at the market killed 11", "a bomb explosion outside the ministry": a bomb's blast is set off by someone,
  // an attack (the keys' README: `explosion` is a blast the story does not present as an attack; h18ae).
  { type: "attack", pattern: /\bbomb\s+(?:blasts?|explosions?)\b/giu },
  // "terrorists damaged the new police station", "insurgents destroyed a bridge": armed men who damage or destroy a
  // building or vehicle attack it (not "destroyed a weapons cache", forces' work, nor "were destroyed").
  { type: "attack", pattern: /(?=damaged|destroyed)(?<=\b(?:terrorists|insurgents|militants|extremists|gunm[ae]n|attackers|assailants|rebels)\s+(?:(?:had|have|has|reportedly|allegedly|then|also|later|badly|heavily|severely)\s+)*)(?:damaged|destroyed)(?=\s+(?:an?|the|two|three|several|\d+)\s+(?:[\p{L}-]+\s+){0,4}?(?:police stations?|stations?|checkpoints?|buildings?|houses?|homes|schools?|bridges?|mosques?|churches|offices?|vehicles?|cars?|trucks?|towers?|posts?|outposts?|bases?|compounds?|markets?|shops?|pipelines?)\b)/giu },
  // "offers condolences to the families of the eleven soldiers killed ... in Cauca on April 15": a statement's mourned dead
  // report the killing, with its place and day.
  { type: "attack", pattern: /(?=killed)(?<=\b(?:condolences|sympathies|sympathy)\s+(?:go\s+out\s+)?to\s+(?:the\s+)?(?:families|loved ones|relatives)\s+of\s+(?:the\s+|those\s+)?(?:[\p{L}\p{N}'’-]+\s+){0,4}?)killed\b/giu },
  // "seven mortars hit a camp", "rockets struck the base": fired weapons that hit something are an attack.
  { type: "attack", pattern: /\b(?:mortars|rockets|missiles|grenades|shells)(?=\s+(?:hit|struck|slammed into|landed (?:on|in|inside|near)|killed|wounded|injured)\b)/giu },
  // "the reported August 5 killing of dozens of civilians": a killing of many is an attack on them.
  { type: "attack", pattern: /\bkillings?(?=(?:\s+and\s+(?:wounding|maiming|injuring))?\s+of\s+(?:(?:at least|more than|some|about|nearly)\s+)?(?:dozens|scores|hundreds|\d+|two|three|four|five|six|seven|eight|nine|ten|[\p{L}-]+\s+(?:civilians|people|villagers|worshippers|protesters|demonstrators)|civilians|villagers|worshippers|protesters|demonstrators)\b)/giu },
  // "a U.S. patrol was hit in central Baghdad", "their convoy was hit by a roadside bomb": a patrol or vehicle hit is attacked.
  { type: "attack", pattern: /(?=hit)(?<=\b(?:patrols?|convoys?|vehicles?|humvees?|checkpoints?|outposts?|bases?|trucks?|tanks?)\s+(?:was|were|had been|has been|have been)\s+)hit\b/giu },
  // "the murder of a police officer", "the assassination of the governor": a killing named as a crime is an attack on its victim.
  { type: "attack", pattern: /\b(?:murders?(?=\s+of\b)|assassinat(?:ed|ions?)(?!\s+(?:attempts?|plots?|plans?)\b))/giu },
  // "Terrorists targeted a police patrol", "a car bomb targeted a checkpoint": attackers or a device that target something attack it.
  { type: "attack", pattern: /(?=targeted)(?<=\b(?:terrorists|insurgents|militants|gunm[ae]n|attackers|assailants|bombers?|(?:[\p{L}-]+\s+)?bombs?|IEDs?)\s+)targeted\b/giu },
  // "when al-Shabab raided a military base": an armed group's raid is an attack (forces' raids are operations, keyed by their arrests).
  { type: "attack", pattern: /(?=raided)(?<=\b(?:(?:al|el)-\p{L}+|militants|insurgents|gunmen|fighters|rebels|attackers|jihadists|extremists|terrorists|militiam[ae]n|militias|bandits|raiders|tribesmen|gangs?)\s+(?:\p{L}+\s+)?)raided\b/giu },
  // "the terrorist incident in Cairo": an incident named by who carried it out.
  { type: "attack", pattern: /\b(?:terrorist|terror) incidents?\b/gi },
  // "killed in the strike", "wounded in this strike": a strike that casualties are counted in is an attack, not a walkout.
  { type: "attack", pattern: /(?=strike)(?<=\b(?:killed|wounded|injured|died|dead)\s+(?:[\p{L}-]+\s+){0,2}?(?:in|by|during)\s+(?:the|this|that|a|an)\s+)strikes?\b/giu },
  // "killed Friday ... in a suspected U.S. strike": a strike by a state's forces, or one suspected, is an attack, no walkout.
  { type: "attack", pattern: /(?=strike)(?<=\b(?:suspected|apparent|reported|U\.S\.|American|coalition|NATO|Israeli|Russian|Syrian|Turkish|Saudi-led|French|Kenyan|Ethiopian|Nigerian|Pakistani|Afghan|Iraqi)\s+)strikes?\b(?!\s+(?:action|ballots?|votes?|leaders?|committees?|calls?|by (?:workers|teachers|doctors|nurses|unions?)))/gu },
  // A bare "strike" is as often a labour strike; it reports an attack when something is hit by it.
  // ("a strike on an Aleppo school left 18 dead", "a grenade strike in the region has killed one": or when it has a toll.)
  { type: "attack", pattern: /\bstrikes?\b(?=\s+(?:hit|killed|struck|targeted|destroyed|wounded|landed|flattened|damaged)|\s+(?:on|in|against|at)\s+[^,.;]{1,40}?\s+(?:has\s+|have\s+)?(?:killed|left|wounded|injured)\b)/gi },
  // "government aircraft struck a busy market", "warplanes pounded the town", "helicopters dropping crude barrel bombs":
  // aircraft that strike or drop bombs attack what they hit ("aircraft struck the positions": close-air support, the battle's).
  { type: "attack", pattern: /(?=struck|hit|pounded|bombarded|bombed|strafed|targeted)(?<=\b(?:aircraft|warplanes?|war planes?|jets?|helicopters?|drones?|gunships?|bombers)\s+(?:(?:have|has|had|reportedly|also|then|again)\s+)*)(?:struck|hit|pounded|bombarded|bombed|strafed|targeted)\b(?!\s+(?:the\s+)?(?:[\p{L}-]+\s+)?(?:positions?|enemy)\b)|\b(?:dropp(?:ed|ing)|drops?|rain(?:ed|ing))\s+(?:[\p{L}-]+\s+){0,2}?bombs\b/giu },
  // ... or when it is aimed at an armed group or its gear ("during a strike on an ISIL tactical unit", "a strike yesterday
  // against two militant vehicles"); workers strike "on Monday" or "against" a reform.
  { type: "attack", pattern: /\bstrikes?(?=\s+(?:(?:yesterday|today|overnight|last night)\s+)?(?:on|against)\s+(?:an?|the|two|three|four|several|multiple|\d+)\s+(?:[\p{L}-]+\s+){0,2}?(?:ISIL|ISIS|Daesh|Taliban|al-Shabaa?b|al-Qaida|al-Qaeda|militants?|insurgents?|terrorists?|enemy|fighters?|tactical|weapons?|vehicles?|targets?|positions?|compounds?|bunkers?|convoys?|camps?|training)\b)/giu },
  // ... or when an armed force carries it out ("conducted a strike in Syria"; workers "launch" a strike).
  // ('conducted a "precision strike" that killed': the kind may be quoted.)
  { type: "attack", pattern: /(?=strike)(?<=\b(?:conducted|carried out)\s+(?:a|an|one|two|three|several|[\p{L}-]+ly)?\s*["“]?(?:precision\s+|targeted\s+|air\s+|drone\s+)?)strikes?\b/giu },
  // "clashes between demonstrators and police", "protesters fought with police": a crowd fighting the police is a riot
  // (ACLED's violent demonstration), not a battle between armed sides. The span takes in the crowd word, so it reports no
  // protest of its own ("clashes between protesters demanding X and security forces", a crowd word with its own words
  // before "and", is left to the battle rule). Not "police clashed with demonstrators": told from the police's side, what
  // follows is as often their force on the crowd ("... and opened fire on them"), an attack beside the protest.
  { type: "riot", pattern: RIOT_CLASH },
  { type: "riot", pattern: CLASHES_WITH_POLICE_AFTER_CROWD },
  // "Another violent clash happened at a police barricade": a clash at the police's lines is a crowd's with the police.
  { type: "riot", pattern: /\bclash(?:es)?\b(?=\s+(?:[\p{L}-]+\s+){0,3}?(?:at|near|on)\s+(?:an?|the)\s+(?:police|security)\s+(?:barricades?|lines?|cordons?|barriers?)\b)/giu },
  // ("about 50 feet of detonation cord", "blasting caps": material in a cache, no blast.)
  // "a senior officer was killed in Peshawar while trying to defuse a bomb": a device that went off as it was being
  // defused is an explosion nobody is said to have set off (the keys' README), told by the deaths it caused.
  { type: "explosion", pattern: /(?=defus)(?<=\b(?:killed|wounded|injured|hurt|died)\b[^.;]{0,60}?\bwhile\s+(?:(?:trying|attempting|working)\s+to\s+)?)defus(?:e|ing)\b/giu },
  // "a crowd in the capital city killed a man suspected of throwing a grenade": a mob's killing is an attack on its victim.
  { type: "attack", pattern: /(?=killed|beat|lynched)(?<=\b(?:crowds?|mobs?)\s+(?:(?:in|of|at|near|outside)\s+(?:[\p{L}'’-]+\s+){1,4}?)?(?:(?:had|have|has|reportedly|allegedly|then)\s+)*)(?:killed|beat\s+(?:[\p{L}-]+\s+){1,3}?to\s+death|lynched)\b/giu },
  { type: "explosion", pattern: /\b(?:explosions?|exploded|blasts?(?!\s+caps?\b)|blew up|detonat(?:ed|ion)(?!\s+cords?\b)|car bombs?)\b/gi },
  {
    type: "protest",
    pattern: /\b(?:protest(?:s|ed|ers?|ors?|ing)?|demonstrations?|demonstrators?|demonstrat(?:ed|ing)(?!\s+(?:that|how|what|why|the|a|an|its|their|his|her|our|this|these|strong|clear|support|resolve|commitment|leadership)\b)|rall(?:y|ies|ied)|sit-ins?|marchers|tear gas|water cannons?|(?<!(?:naval|economic|maritime)\s)blockades?)\b/gi,
  },
  // "Youths took to the streets": the idiom of a street protest.
  { type: "protest", pattern: /\b(?:took|take|taking|taken|takes) to the streets\b/gi },
  // Lower-case only: "March 3" is a date, "marched on parliament" is a protest.
  { type: "protest", pattern: /\b(?:march(?:es|ed|ing)?)\b/g },
  // "riot police", "riot gear": the police, not a riot.
  { type: "riot", pattern: /\b(?:riot(?:s|ing|ers|ed)?)\b(?!\s+(?:police|officers|gear|shields?|squads?|units?|control|act))/gi },
  {
    type: "armed_clash",
    pattern: /\b(?:clash(?:es|ed)?|gunfights?|gun-?battles?|fire ?fights?|shoot-?outs?|fighting|fought|battles?|battled|skirmish(?:es)?|exchanged fire|(?:trad|exchang)(?:ing|ed) (?:gun)?fire)\b/gi,
  },
  // "an hours-long standoff in Bandung left three suspects dead": an armed standoff with a toll is a battle (not a diplomatic one).
  { type: "armed_clash", pattern: /\bstand-?offs?\b(?=[^.;]{0,80}\b(?:left|leaving|killed|killing|dead|died|wounded|wounding|ended with)\b)/giu },
  // "Somali troops seized the El-Salin base from al-Shabab", "recaptured Awdhegle from al-Shabab": ground taken from an armed
  // side is a battle (ACLED's territorial transfers); a capture of people is an arrest, and needs no "from".
  { type: "armed_clash", pattern: /\b(?:re-?captured|retook|re-?took|regained control of|captured|seized|took control of)(?=\s+(?:the\s+)?(?:strategic\s+|key\s+|town of\s+|village of\s+)?(?:[A-Z][\p{L}'’-]+\s+){1,3}?(?:(?:military\s+)?(?:base|town|village|city|district|airport|port|garrison|stronghold)\s+)?from\s+(?:the\s+)?(?:(?:al|el)[- ]\p{L}+|[A-Z]|militants|insurgents|rebels|fighters|jihadists|terrorists|extremists))/gu },
  // "the forces returned fire, killing two", "the force responded with small-arms fire": a fight back, a battle (ACLED).
  { type: "armed_clash", pattern: /\b(?:returned|responded with|answered with)\s+(?:the\s+)?(?:[\p{L}-]+\s+){0,2}?fire\b/giu },
  // "insurgents engaged Afghan and coalition forces with small-arms fire": a fight between armed groups.
  { type: "armed_clash", pattern: /\bengaged(?=\s+(?:[\p{L}-]+\s+){0,4}(?:forces|force|troops|soldiers|patrols?|police|the enemy|enemy|insurgents|militants|fighters)\b)/giu },
  // "coalition forces killed four armed insurgents": an operation that kills fighters is a battle (ACLED), not an attack on them.
  // (Not in a search for someone or an operation to arrest: that raid is an arrest with its dead, incidents.ts RAID_SEARCH_AFTER.)
  { type: "arrest", pattern: FORCES_TARGETED_PERSON },
  { type: "armed_clash", pattern: FORCES_KILLED_FIGHTERS },
  // "Two militants engaged the patrol and were killed", "several insurgents were killed after ambushing a patrol":
  // fighters killed are a battle with the forces they met (ACLED), unless their sentence reports an attack (incidents.ts).
  { type: "armed_clash", pattern: FIGHTERS_KILLED },
  // "13 insurgents were killed in the engagement": a fight named by its toll, which points back to the one reported.
  { type: "armed_clash", pattern: /(?=engagement)(?<=\b(?:killed|wounded|injured|died|dead)\s+(?:in|during)\s+(?:the|this|that)\s+)engagements?\b/giu },
  // "Perceiving hostile intent, the ground force engaged, killing two": armed forces that engage and kill fought a battle.
  // ("combined forces engaged them, killing three": the engaged may be named first.)
  { type: "armed_clash", pattern: /\bengaged(?=(?:\s+(?:them|the\s+(?:[\p{L}-]+\s+)?(?:insurgents|militants|fighters|terrorists|gunm[ae]n|enemy|suspects|men)))?,?\s+(?:and\s+)?kill(?:ed|ing)\b)/giu
  },
  {
    type: "evacuation",
    pattern: /\b(?:evacuat(?:e|ed|es|ing|ion|ions)|ordered departure|fled (?:their homes|to(?!\s+escape\s+(?:the\s+)?(?:gunm[ae]n|attackers?|assailants?|shooters?|smoke|flames|fire)\b)|the (?:fighting|violence|area|region|city|town|village|country))|forced to flee|(?:were|been|are) displaced|extract(?:ed|ing|ion of)? (?:[\p{L}.-]+ ){0,3}(?:personnel|staff|diplomats|citizens|nationals)|relocat(?:ed|ing|ion of) (?:[\p{L}.-]+ ){0,3}(?:personnel|staff|diplomats)|(?<=\b(?:people|residents|villagers|families|tourists|inhabitants)\s+(?:have|had|has)\s+been\s+)relocated|moved to (?:\d+ |[\p{L}-]+ )?(?:relief camps|shelters|safer (?:places|areas|ground)|higher ground|evacuation cent(?:er|re)s))\b/giu,
  },
  // (h18aq: "a pedestrian street closed last year to prevent car bombs": a street the words describe as closed long
  // since, by a past time right after the participle, is no closure of the story's.)
  {
    type: "closure",
    pattern: /\b(?:clos(?<!\b(?:polls|polling stations?|polling booths?|voting|ballot boxes)\b[^.;]{0,60}clos)(?:e|ed|es|ing|ure|ures)(?!(?<=\b(?:streets?|roads?|avenues?|lanes?|highways?|zones?|areas?|squares?)\s+closed)\s+(?:(?:to\s+(?:traffic|vehicles|cars)\s+)?(?:last\s+(?:year|month|spring|summer|autumn|fall|winter)|(?:[a-z0-9-]+\s+)?(?:years?|months?|decades?)\s+ago|in\s+(?:19|20)\d\d|since\s+(?:19|20)\d\d|for\s+years))\b)(?![\s-]+(?:to|aide|ally|allies|friend|contact|range|call|door|ties|look|attention|air|combat|quarters|protection|proximity|cooperation|coordination|second)\b)(?!\s+of\s+(?:the\s+)?(?:polls|polling|voting|vote|ballot)\b)|shut(?:s|ting)?(?: down)?|suspend(?:ed|ing|s)? (?:its |all |our |their )?operations|sealed off)\b/gi,
  },
  // "Rail service was suspended", "suspended all flights to the city": a service stopped is a closure.
  { type: "closure", pattern: /\b(?:(?:rail|train|bus|ferry|air|flight|metro|subway)\s+(?:service|services|traffic)\s+(?:[\p{L}-]+\s+){0,5}?(?:was|were|has been|have been|had been)\s+suspended|suspend(?:ed|s|ing)\s+(?:all\s+)?(?:rail|train|bus|ferry|air)?\s*(?:flights|services|traffic)\b)/giu },
  // (h18ag: "confirmed the capture of the suspected senior Taliban leader": "the" before the people captured too.)
  {
    type: "arrest",
    pattern: /\b(?:arrest(?:s|ed|ing)?|detain(?:s|ed|ing)?|detention|taken into custody|apprehended|rounded up|nabbed|(?:captured|capturing|netted|(?<=\bto\s)capture|capture of(?=\s+(?:(?:at least|more than|about|some|nearly)\s+)?(?:an?|the|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s))(?=\s+(?:[\p{L}\p{N}(),-]+\s+){0,7}(?:suspect(?:s|ed)?|insurgents?|militants?|fighters?|leaders?|members?|gunm[ae]n|extremists?|terrorists?|operatives?|facilitators?|commanders?|associates|people|individuals?|persons?|m[ae]n|others)\b)|(?:was|were|been|being)\s+captured|(?=captured)(?<=\b(?:operatives?|leaders?|commanders?|facilitators?|suspects?|financiers?|emirs?|bomb-?makers?)\s+)captured(?!\s+(?:the|a|an|control)\b))\b/giu,
  },
  {
    type: "diplomatic_action",
    pattern:
      /\b(?:expel(?:s|led|ling)?|expulsions?|recall(?:s|ed)? (?:its|their|the) ambassador|summon(?:s|ed)? (?:the |its )?ambassador|severed (?:diplomatic )?ties|downgraded (?:diplomatic )?relations|persona non grata|(?<=\b(?:has|have|had)\s+)revoked (?:the\s+)?visas|ordered (?:[\p{L}-]+\s+){0,3}(?:diplomats?|ambassadors?|envoys?) to leave)\b/giu,
  },
  // Kidnappings are `other` (the keys' convention, after ACLED's abduction sub-event): "gunmen kidnapped three oil workers",
  // "were abducted Tuesday", "24 were taken hostage", "the abduction of two nurses". A bare noun ("kidnapping for ransom has
  // become common", "a rise in abductions") is a practice, not an event: only the verb, or the noun with its victim.
  { type: "other", pattern: KIDNAPPING },
  // (h18aq: "officials ended a curfew in the city": a curfew ended that the story had not told of, with "a", is one too.)
  // A curfew imposed is `other` (the keys' convention): "has imposed a dusk-to-dawn curfew on the town", "declared a curfew
  // in the city", "the district would be under a 7 pm to 6 am curfew", "as the curfew imposed Tuesday took effect". A
  // curfew only named ("violating the curfew", "lifted the curfew") is no new event.
  { type: "other", pattern: CURFEW },
  // Looting and a jail break are `other` too ("the market was burned and then looted", "There was also a jail breakout").
  { type: "other", pattern: /\b(?:looted|(?<=\b(?:the|widespread|of)\s)looting(?!\s+(?:of\s+)?(?:charges?|allegations?))|jail ?break(?:outs?|s)?|prison ?break(?:outs?|s)?|(?:jail|prison) breakouts?|(?:broke|escaped) (?:out )?(?:of|from) (?:a |the )?(?:[\p{L}-]+\s+)?(?:jail|prison))\b/giu },
  // (h18am) "the 13 men who broke out between Sunday night and Monday morning": people who broke out escaped (a fight
  // or a fire "broke out" has no "who"), a jailbreak.
  { type: "other", pattern: /\b(?=broke)(?<=\bwho\s+(?:had\s+)?)broke\s+out\b(?!\s+(?:in|into)\s+(?:tears|laughter|song|applause|cheers|a\s+sweat|a\s+rash|a\s+smile)\b)/giu },
  // Rioting told by its acts: stones thrown at the police, tires burned, barricades put up by a crowd.
  { type: "riot", pattern: RIOTING },
  // (h18ai: "a powerful storm system ... has left at least two people dead", "a tornado tore through the town": a storm
  // system is told as the disaster; a tornado only with what it did, since "the storm triggered tornadoes in Iowa, Kansas
  // and Oklahoma" retells the one storm, no incident a state.)
  {
    type: "other",
    pattern:
      /\b(?:wildfires?|forest fires?|bushfires?|blazes?|floods?|flooding|earthquakes?|(?<!-)quakes?|temblors?|landslides?|mudslides?|avalanches?|cyclones?|hurricanes?|typhoons?|(?:tornado(?:e?s)?|twisters?)(?=\s+(?:that\s+|which\s+)?(?:(?:has|have|had)\s+)?(?:struck|hit|killed|tore|ripped|swept|touched down|left|destroyed|flattened|devastated|slammed)\b)|storm systems?|tsunamis?|stampedes?|(?<!\b(?:explosions?|blasts?)\s+and\s+|\bresulting\s+)fires?(?=\s+(?:that\s+|which\s+)?(?:broke out|destroyed|gutted|swept|ripped|tore|engulfed|killed|raged)))\b/gi,
  },
  // A mine's or building's collapse and a disaster's fire are accidents, `other` (see COLLAPSE, DISASTER_FIRE).
  { type: "other", pattern: COLLAPSE },
  { type: "other", pattern: DISASTER_FIRE },
  // A transport accident (a collision, derailment, crash) is `other` too (see TRANSPORT_ACCIDENT).
  { type: "other", pattern: TRANSPORT_ACCIDENT },
];

/**
 * Words before a trigger that make it hypothetical, generic or negated rather than an event, or an object (a bomb found or made).
 * ("his role in terrorist attacks" but not "no role in last week’s attack", "a pattern of assassinations", "accused the opposition of organizing the attacks", "the
 * mandate to arrest people", "standing by to assist with evacuation efforts": a part, a practice, blame or a power, no report.)
 */
// (h18ac: "online calls for a nationwide anti-government protest": a call names what is wanted, however many words describe it.)
// (h18ac: "Six people accused of building explosive devices have been arrested": a finite verb after the charge ends it,
// and what follows is the story's own report.)
// (h18ag: "weapons to conduct attacks against coalition forces", "those who take part in the planning and execution of
// attacks": a purpose and a part in a practice, no report.)
// (Eighteenth pass: what people arrested are "suspected in" or "said to have conducted", "for alleged" acts, and what a
// statement "calls on" a government to do are charges and demands, no event of the story's.)
export const NOT_AN_EVENT_BEFORE = /\b(?:suspected of|accused of|wanted for|known for|(?:with )?(?:ties|links) to|tied to|linked to|disrupt(?:s|ed|ing)?|(?:a |the )?(?:plot|plots|conspiracy) to|(?:in )?retaliation for|involved in|(?:a |the )?pattern of|accused (?:[\p{L}-]+\s+){1,3}of(?:\s+(?:organi[sz]ing|orchestrating|masterminding|carrying out|staging|plotting))?|(?:the |a |no )?(?:mandate|authority|power) to|to (?:assist|help) (?:with|in)|participat(?:e|es|ed|ing) in|connected (?:to|with)|associated with|believed to|feared to|used to|to (?:detonate|plant|place|emplace|lay|bury|hide|build|smuggle))\s+(?:(?!(?:were|was|are|is)\s|(?:have|has|had)\s+been\s+$)[\p{L}'‘’-]+\s+){0,6}$|\b(?:responsible for|planners? of|financiers? of|organi[sz]ers? of|conducts|to conduct|(?:planning\s+and\s+)?execution of|carries out|carry out|coordinates|coordinating|supervis(?:es|ed|ing)|oversees|overseeing|facilitates|facilitating|facilitation of|organizes|organises|finances|funds|the movement of)\s+(?:[\p{L}'‘’-]+\s+){0,4}$|\b(?:total|number) of\s+(?:(?!(?:and|or|were|was|when|after)\s)[\p{L}'‘’-]+\s+){0,4}$|\b(?:materials for|for making|making|to make|built|building|seized|confiscated|defused|disarmed|controlled|caches? of|(?:found|discovered|recovered)(?=\s+(?:a|an|the|two|three|several|some|\d+)\s))\s+(?:(?!(?:and|were|was|when|after)\s)[\p{L}'‘’-]+\s+){0,3}$|\b(?:if|unless|any|no|every|future|ongoing|persistent|incessant|constant|vulnerable to|exposed to|(?:near-|almost\s)(?:daily|nightly|weekly)|frequent|regular|repeated|routine|periodic|recurring|possible(?!\s+terms\b)|potential|further|would|could(?!\s+(?:be\s+)?(?:seen|heard|see|hear)\b)|might|should|must|threats? of|risk of|series of|wave of|spate of|string of|fear of|fears of|prevent|avoid|(?:thwart|foil|quash|curb|deter)(?:s|ed|ing)?|right to|want to|plans? to|planned|planning|plotting|preparing|prepar(?:e|es|ed) to|possibly(?:\s+for)?|threatened to|called for|calls for|call for|calling for|end to|halt to|stop to|ban(?:s|ned|ning)?|ban on|bans on|prohibit(?:s|ed|ing)?|outlaw(?:s|ed|ing)?)\s+(?:[\p{L}'‘’-]+\s+){0,2}$|\b(?:a|his|her|their|its)\s+(?:suspected\s+|alleged\s+)?role in\s+(?:(?!(?:the|last|this|that)\s)[\p{L}-]+\s+){0,2}$|\b(?:suspected|implicated)\s+in\s+(?:[\p{L}'‘’-]+\s+){0,4}$|\b(?:leaders?|commanders?|facilitators?|operatives?|financiers?|emirs?|cells?|networks?|individuals|members|who)\b[^.;:]{0,50}?\b(?:directs|directed|directing|coordinated|organi[sz]ed|orchestrated|masterminded|conducted|carried out|executed|plans|planned|facilitated|financed|funded|led)\s+(?!(?:a|an|the|this|that|one|two|three|four|five|six|seven|eight|nine|ten|\d+|last|yesterday|today)\b)(?:[\p{L}'‘’-]+\s+){0,4}$|\b(?:is|are|was|were)\s+(?:said|alleged|reported|thought)\s+to\s+have\s+(?:[\p{L}'‘’-]+\s+){0,4}$|\b(?:for|of)\s+(?:the\s+)?alleged(?:ly)?\s+(?:[\p{L}'‘’-]+\s+){0,2}(?:(?:of|and)\s+(?:[\p{L}'‘’-]+\s+){0,2})?$|\b(?:call(?:s|ed|ing)?|appeals?|appealed)\s+for\s+(?:(?!(?:but|and|or|while|as|after|when|then)\s)[\p{L}'‘’-]+\s+){2,4}$|\b(?:call(?:s|ed|ing)?\s+(?:on|upon)|demand(?:s|ed|ing)?(?:\s+that)?)\s+(?:[\p{L}'‘’.-]+\s+){0,6}?to\s+$/iu;

/** After "fought", "fighting", "battling": fire, not people. */
// ("the role of democracies in fighting terrorism": a struggle against a practice or an ill, no battle.)
export const FIGHTING_FIRE_AFTER = /^\s+(?:for\s+(?:his|her|their|its|our|my)\s+(?:li(?:fe|ves)|survival)\b|(?:the\s+|a\s+)?(?:[\p{L}-]+\s+)?(?:fires?|blazes?|flames|wildfires?)|(?:against\s+)?(?:terrorism|extremism|radicalism|crime|corruption|poverty|drugs|drug trafficking|piracy|impunity|disease|malaria|hunger|racism|discrimination|inflation)\b)/iu;
/** After "fighting": a noun it modifies ("an enemy fighting position", "fighting age"), no battle. */
export const FIGHTING_AS_MODIFIER = /^\s+(?:positions?|season|age|units?|vehicles?|chance|spirit|forces?|men|strength)\b/i;

/** Determiners that make a noun trigger refer back to an incident already reported ("the attack"). */
export const ANAPHORIC_DETERMINERS = new Set(["the", "this", "these", "that", "those", "its", "their", "such"]);

/** Types that can be one incident when reported at one place and time. */
export function sameFamily(a: ExtractedIncidentType, b: ExtractedIncidentType): boolean {
  if (a === b) return true;
  const family = (t: ExtractedIncidentType): string =>
    t === "riot" || t === "armed_clash" ? "fighting" : t === "attack" || t === "explosion" ? "violence" : t === "closure" || t === "evacuation" ? "departure" : t;
  return family(a) === family(b);
}

/** Which type a merged incident keeps: the more specific or more severe report. */
export function strongerType(a: ExtractedIncidentType, b: ExtractedIncidentType): ExtractedIncidentType {
  // A blast reported with a bombing is the bombing (an attack); an explosion only when nobody set it off.
  const rank: ExtractedIncidentType[] = ["riot", "attack", "explosion", "armed_clash", "evacuation", "closure"];
  const ra = rank.indexOf(a);
  const rb = rank.indexOf(b);
  if (ra === -1) return b;
  if (rb === -1) return a;
  return ra <= rb ? a : b;
}

/** The diplomatic posts whose closure and evacuation are one event (an "ordered departure"). */
export const DIPLOMATIC_POST = /\b(?:consulate|embassy|diplomatic post|post|mission|diplomats)\b/i;

/** A count hyphened to its people, as transcripts write it ("at least four-people died", "80-people"): read as "four people" (what follows the count). */
export const HYPHENED_PEOPLE = /^-(?=(?:people|persons|civilians|villagers|residents|soldiers|troops|policemen|police|rebels|militants|insurgents|children|women|men)\b)/i;

/**
 * What may stand between a count and the word that says what befell them: a few words naming the
 * victims ("30 innocent men, women, and children", "four U.S. Division – Baghdad soldiers", "a
 * soldier with the 1st Infantry Division"), then auxiliaries ("were", "have been", "more").
 */
// (Not a count that is a day of a month, "BAGHDAD 29 April, 2008 – Coalition forces killed ...": a date line. And a
// phrase of the time or scene after the victims: "Eight soldiers on guard duty at the time were wounded".)
// (h18aq: "at least four-people died", "12-people were hurt": a count hyphened to its people, as transcripts write it;
// not "a four-year-old boy died", a count of years.)
const VICTIMS_THEN_AUXILIARIES = String.raw`^(?:\s+|${HYPHENED_PEOPLE.source.slice(1)})(?!(?:${MONTH_NAMES}|${MONTH_ABBREVIATIONS})\b)(?:(?:[\p{L}\p{N}'’.-]+,?|[–—])\s+){0,6}?(?:(?:at|by) the time\s+|at the scene\s+|on the spot\s+)?(?:(?:have|has|had|were|was|are|is|been|being|more|others?|found)\s+)*`;
/** Words after a count that report deaths ("30 innocent men, women, and children dead", "four U.S. Division – Baghdad soldiers were killed"). */
export const FATALITY_AFTER = new RegExp(
  String.raw`${VICTIMS_THEN_AUXILIARIES}(?:killed|dead|died|deaths?|fatalities|lives|perished|slain|murdered)\b(?!\s+or\s+(?:missing|unaccounted))`,
  "iu",
);
/** Words after a count that report injuries ("four others hospitalized": hurt enough to be taken in; "had sustained bullet wounds"). */
export const INJURY_AFTER = new RegExp(String.raw`${VICTIMS_THEN_AUXILIARIES}(?:injured|wounded|hurt|injuries|treated|hospitali[sz]ed|(?:sustained|suffered)\s+(?:[\p{L}-]+\s+)?(?:wounds|injuries))\b`, "iu");
/** A verb right before a count that makes it a death toll ("killing at least 25"). */
// ("wounded another 13": more victims of the verb, counted as such. h18aq: "massacring 50 unarmed civilians": a massacre's
// verb counts its dead as "killing" does. h18am: "..., and the death of an Afghan civilian",
// "leaving the deaths of two": the deaths the sentence's event caused, as "resulted in the deaths of".)
export const FATALITY_BEFORE =
  /(?:\bkill(?:ed|ing|s)?|\bbehead(?:ed|ing|s)?|\bmassacr(?:ed|ing|es)|\b(?:shooting|stabbing|beating) death of|\bresult(?:ed|ing|s)? in the deaths? of|\b(?:and|causing|caused|leaving|left|with)\s+the\s+deaths? of|\b(?:cost|took|taken|claimed)(?:ing)? the (?:lives|life) of|\bshot dead|\bgunn(?:ed|ing) down|\bfatally (?:wounded|wounding|injured|injuring|shot|shooting|stabbed|stabbing)|\bclaim(?:ed|ing)? the lives of|\b(?:saddened|grieved|mourn(?:s|ed|ing)?|condemn(?:s|ed|ing)?|condolences for|sorrow at|shocked by)\s+(?:[\p{L}-]+\s+){0,2}?(?:by|at|over|for)?\s*the\s+deaths of|\b(?:the\s+)?(?:dead\s+)?bodies of|\bdeath toll (?:of |at )?|\b(?:death )?toll\b[^.;]{0,100}?\b(?:rose|risen|climbed|reached|stood|jumped|increased|hit) (?:to |at )?|\bkillings? of|\b(?:murders?|assassinations?) of)(?:\s+(?:all\s+)?the|\s+another)?\s*$/iu;
/**
 * Before a count: a toll the attackers claim ("the group claimed killing 26", "claims to have killed 30"; "al-Shabab,
 * which claimed responsibility for the attack, said it killed 50"), no report of the toll.
 */
export const CLAIMED_TOLL_BEFORE =
  /(?:\bclaim(?:s|ed|ing)?|\bresponsibility\b[^.;]*\b(?:said|says))\s+(?:(?:that\s+)?(?:it|they)\s+(?:had\s+|has\s+|have\s+)?|to have\s+)?(?:killed|killing|kill)\s+(?:(?:at least|more than|over|nearly|about|some)\s+)?$/i;
/** A verb right before a count that makes it an injury count ("injuring 41"). */
export const INJURY_BEFORE = /(?:(?<!\bfatally\s)\binjur(?:ed|ing)|(?<!\bfatally\s)\bwound(?:ed|ing)|\bhurt(?:ing)?|\btreated)(?:\s+(?:all\s+)?the|\s+another)?\s+$/iu;
