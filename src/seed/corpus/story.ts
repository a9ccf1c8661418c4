import { createHash } from "node:crypto";
import { Prisma } from "../../db/index.js";
import { apDate, dateOf, instantOf, longDate, monthName, urlDate, weekdayName } from "./dates.js";
import type { IdClock } from "./ids.js";
import {
  ANNOTATION_BODIES,
  BYSTANDERS,
  CLAIM_EXPLANATIONS,
  DIRECT_QUOTES,
  FILLER,
  fill,
  INDIRECT_CLAUSES,
  INDIRECT_TALKS_CLAUSES,
  ORPHANED_PHRASES,
  PARTIAL_FRAMES,
  PARTIAL_TALKS_FRAMES,
  REPLIES,
  RETRACTION_REASONS,
  SAID_VERBS,
  TAGS,
  TALKS_QUOTES,
  TOPICS,
  TWEETS,
  type SpeakerCategory,
} from "./phrases.js";
import type { CorpusPlan, StatementLink } from "./plan.js";
import { Random, type Seed } from "./random.js";
import { apNumber, BodyWriter, capitalize, selectorAt, sentenceRanges, slugify, withArticle, type Range } from "./text.js";
import { OUTLETS } from "./vocabulary.js";
import {
  tollPhrase,
  type Casualties,
  type IncidentEntry,
  type OrgEntry,
  type Origin,
  type PersonEntry,
  type PlaceEntry,
  type ReviewStatus,
  type UserEntry,
  type World,
} from "./world.js";

// One article at a time: its body is written sentence by sentence from the world's people,
// places and incidents, and every span worth storing (quotes, mentions, the clause reporting
// an incident) is recorded as it is written. Then the rows that hang off the article are made
// from those spans: quotes, mentions, revisions, corrections, annotations, claim reviews,
// statement links and audit events. Each article has its own random stream (seed, index), so
// an article does not change when the one before it does.

type ArticleStatus = "DRAFT" | "IN_REVIEW" | "PUBLISHED" | "CORRECTED" | "RETRACTED";
type QuoteKind = "DIRECT" | "PARTIAL" | "INDIRECT";
type QuoteMedium = "STATEMENT" | "TWEET" | "BRIEFING" | "INTERVIEW" | "OTHER";
type Verification = "UNVERIFIED" | "VERIFIED" | "DISPUTED" | "MISATTRIBUTED";
type Motivation = "commenting" | "questioning" | "assessing" | "tagging" | "linking" | "editing" | "highlighting" | "identifying";
type ClaimRating = "TRUE" | "MOSTLY_TRUE" | "MIXED" | "MOSTLY_FALSE" | "FALSE" | "UNPROVEN";
type AnchorState = "ANCHORED" | "FUZZY" | "ORPHANED";

const MOTIVATIONS: readonly Motivation[] = [
  "commenting",
  "questioning",
  "assessing",
  "tagging",
  "linking",
  "editing",
  "highlighting",
  "identifying",
];
/** An annotation's target fields, all empty: every annotation row carries every field (bulk inserts want one shape). */
const NO_TARGET = {
  articleId: null,
  quoteId: null,
  incidentId: null,
  personId: null,
  exact: null,
  prefix: null,
  suffix: null,
  start: null,
  end: null,
  previousExact: null,
  anchorState: "ANCHORED",
  anchorScore: null,
  anchoredRevision: null,
} as const;

const MEDIA: readonly QuoteMedium[] = ["STATEMENT", "TWEET", "BRIEFING", "INTERVIEW", "OTHER"];
const VERIFICATIONS: readonly Verification[] = ["UNVERIFIED", "VERIFIED", "DISPUTED", "MISATTRIBUTED"];

/** The rows of one article and everything that hangs off it, ready for createMany. */
export interface ArticleRows {
  readonly article: Prisma.ArticleCreateManyInput;
  readonly revisions: Prisma.ArticleRevisionCreateManyInput[];
  readonly quotes: Prisma.QuoteCreateManyInput[];
  readonly incidentMentions: Prisma.IncidentMentionCreateManyInput[];
  readonly entityMentions: Prisma.EntityMentionCreateManyInput[];
  readonly annotations: Prisma.AnnotationCreateManyInput[];
  readonly corrections: Prisma.CorrectionCreateManyInput[];
  readonly claimReviews: Prisma.ClaimReviewCreateManyInput[];
  readonly quoteLinks: Prisma.QuoteLinkCreateManyInput[];
  readonly auditEvents: Prisma.AuditEventCreateManyInput[];
}

/** A statement waiting for the later article that quotes it again. */
interface PendingStatement {
  readonly quoteId: string;
  readonly text: string;
  readonly speaker: PersonEntry;
}

/** State shared by all articles of one run. */
export interface StoryContext {
  readonly seed: Seed;
  readonly world: World;
  readonly plan: CorpusPlan;
  readonly clock: IdClock;
  /** Statements quoted by an article and not yet by its partner, by incident. */
  readonly statements: Map<number, PendingStatement>;
  /** Counters that make even a small corpus use every value of some enums. */
  readonly seen: { media: number; verification: number; annotationRoots: number };
}

type EntityRef =
  | { readonly type: "PERSON"; readonly person: PersonEntry }
  | { readonly type: "ORGANIZATION"; readonly org: OrgEntry }
  | { readonly type: "PLACE"; readonly place: PlaceEntry };

interface MentionDraft {
  readonly ref: EntityRef;
  readonly range: Range;
}

/** How a PARTIAL quote sits in its sentence: words before, the fragments that fit, words after, verb. */
type PartialFrame = readonly [before: string, fragments: readonly string[], after: string, verb: string];

interface QuoteSpec {
  readonly kind: QuoteKind;
  /** For PARTIAL quotes: the sentence around the fragment. */
  readonly frame: PartialFrame | null;
  readonly medium: QuoteMedium;
  readonly speaker: PersonEntry | null;
  /** For a quote with no speaker: who the story says said it. */
  readonly bystander: string | null;
  readonly text: string;
  readonly linkFrom: StatementLink | null;
  readonly linkTo: StatementLink | null;
}

interface QuoteDraft {
  readonly spec: QuoteSpec;
  readonly range: Range;
  readonly verb: string | null;
}

/** A figure, a name or a day that a correction fixed: the first revision had `wrong` at `range`. */
interface Correctable {
  readonly range: Range;
  readonly wrong: string;
  readonly text: string;
  /** The person whose name was misspelled (the correction then points at their quote). */
  readonly person: PersonEntry | null;
}

/** The noun a story uses for an incident of a type. */
function incidentNoun(incident: IncidentEntry | undefined): string {
  if (!incident) return "violence";
  switch (incident.type) {
    case "attack":
      return "attack";
    case "explosion":
      return "bombing";
    case "protest":
      return "protests";
    case "riot":
      return "unrest";
    case "armed_clash":
      return "fighting";
    case "evacuation":
      return "evacuation";
    case "closure":
      return "closure";
    case "arrest":
      return "arrests";
    case "diplomatic_action":
      return "decision";
    default:
      return "incident";
  }
}

function fatalObject(figures: Casualties): string | null {
  const phrase = tollPhrase(figures);
  if (phrase === null) return null;
  if (figures.wording === "exact" && figures.min !== null) {
    return `${apNumber(figures.min)} ${figures.min === 1 ? "person" : "people"}`;
  }
  if (figures.wording === "atLeast" && figures.min !== null) return `at least ${apNumber(figures.min)} ${figures.min === 1 ? "person" : "people"}`;
  if (figures.wording === "range") return `between ${figures.min} and ${figures.max} people`;
  if (figures.wording === "dozens") return "dozens of people";
  return `${phrase} people`;
}

function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** Writes one article's body, remembering where every entity, quote and incident is. */
class Story {
  readonly body = new BodyWriter();
  readonly mentions: MentionDraft[] = [];
  readonly quotes: QuoteDraft[] = [];
  readonly incidentSpans: Array<{ readonly incident: IncidentEntry; readonly range: Range }> = [];
  readonly people = new Set<PersonEntry>();
  correctable: Correctable | null = null;
  private readonly introduced = new Set<string>();
  private readonly orgsNamed = new Set<string>();

  constructor(
    readonly random: Random,
    readonly world: World,
    readonly day: number,
    readonly outlet: OrgEntry | null,
  ) {}

  write(text: string): Range {
    return this.body.write(text);
  }

  /** Starts a sentence: a space when the paragraph already has one. */
  sentence(): void {
    if (this.body.inParagraph) this.body.write(" ");
  }

  paragraph(): void {
    this.body.paragraph();
  }

  private mention(ref: EntityRef, surface: string): Range {
    const range = this.body.write(surface);
    this.mentions.push({ ref, range });
    return range;
  }

  /** A person's bare name, as under an embedded post; they count as introduced after it. */
  signature(person: PersonEntry): Range {
    this.people.add(person);
    this.introduced.add(person.id);
    return this.mention({ type: "PERSON", person }, person.name);
  }

  /** A person's social media handle, as a mention of them. */
  mentionHandle(person: PersonEntry): Range {
    return this.mention({ type: "PERSON", person }, person.handle ?? person.shortName);
  }

  /** An organization named in full, with "The" at the start of a sentence where it takes "the". */
  orgInFull(org: OrgEntry, atStart: boolean): Range {
    if (org.withThe) this.write(atStart ? "The " : "the ");
    this.orgsNamed.add(org.id);
    return this.mention({ type: "ORGANIZATION", org }, org.name);
  }

  /** A place, with "the" where English wants it ("the Philippines"); the mention leaves "the" out. */
  place(place: PlaceEntry, atStart = false): Range {
    if (place.withThe) this.write(atStart ? "The " : "the ");
    const surface = place.aliases.length > 0 && this.random.chance(0.1) ? this.random.pick(place.aliases) : place.name;
    const name = atStart && !place.withThe ? capitalize(surface) : surface;
    return this.mention({ type: "PLACE", place }, name);
  }

  /** An organization: its name the first time, sometimes an alias after that. */
  org(org: OrgEntry, atStart = false): Range {
    if (org.withThe) this.write(atStart ? "The " : "the ");
    const useAlias = this.orgsNamed.has(org.id) && org.aliases.length > 0 && this.random.chance(0.4);
    this.orgsNamed.add(org.id);
    return this.mention({ type: "ORGANIZATION", org }, useAlias ? this.random.pick(org.aliases) : org.name);
  }

  /**
   * A person as the subject of a sentence. The first time: "Iraqi Interior Ministry
   * spokesperson Col. Ahmed Karimi" or "a senior administration official"; later "Karimi" or
   * "the official".
   */
  speakerRef(person: PersonEntry, atStart: boolean): Range {
    this.people.add(person);
    if (this.introduced.has(person.id)) {
      const surface = atStart ? capitalize(person.shortName) : person.shortName;
      return this.mention({ type: "PERSON", person }, surface);
    }
    this.introduced.add(person.id);
    if (person.kind === "ANONYMOUS") return this.mention({ type: "PERSON", person }, atStart ? capitalize(person.name) : person.name);
    if (person.org !== null && person.title !== null) {
      // The organization as a modifier takes no article: "Iraqi Interior Ministry spokesperson Ahmed Karimi".
      this.orgsNamed.add(person.org.id);
      this.mention({ type: "ORGANIZATION", org: person.org }, person.org.name);
      this.write(` ${person.title} ${person.rank ? `${person.rank} ` : ""}`);
    } else if (atStart && person.rank) {
      this.write(`${person.rank} `);
    }
    return this.personName(person);
  }

  /**
   * A person after a quote. Inverted for "said" ("said Col. Ahmed Karimi, a spokesperson for
   * the ..."), otherwise subject first ("Ahmed Karimi, a spokesperson for the ..., told");
   * once introduced, just "Karimi said".
   */
  speakerAfter(person: PersonEntry, verb: string): void {
    this.people.add(person);
    if (this.introduced.has(person.id)) {
      this.write(" ");
      this.mention({ type: "PERSON", person }, person.shortName);
      this.write(` ${verb}`);
      return;
    }
    this.introduced.add(person.id);
    const inverted = verb === "said";
    this.write(inverted ? ` ${verb} ` : " ");
    if (person.kind === "ANONYMOUS") {
      this.mention({ type: "PERSON", person }, person.name);
      this.write(", who spoke on condition of anonymity because they were not authorized to brief the media");
    } else {
      if (person.rank) this.write(`${person.rank} `);
      this.personName(person);
      if (person.org !== null && person.title !== null) {
        this.write(`, ${withArticle(person.title)} ${person.title === "spokesperson" ? "for" : "at"} `);
        this.org(person.org);
      } else if (!inverted) {
        this.write(` ${verb}`);
        return;
      }
    }
    if (!inverted) this.write(`, ${verb}`);
  }

  /** A person's full name; remembers the family name's place for a possible correction. */
  private personName(person: PersonEntry): Range {
    const range = this.mention({ type: "PERSON", person }, person.name);
    const familyAt = person.name.lastIndexOf(person.shortName);
    if (this.correctable === null && person.mergedInto === null && familyAt > 0 && person.shortName.length >= 4) {
      const family = person.shortName;
      // A plausible misspelling: two letters swapped in the middle of the family name.
      const i = Math.floor(family.length / 2) - 1;
      const wrong = family.slice(0, i) + family[i + 1] + family[i] + family.slice(i + 2);
      if (wrong !== family) {
        this.correctable = {
          range: { start: range.start + familyAt, end: range.start + familyAt + family.length },
          wrong,
          text: `An earlier version of this article misspelled the name of ${person.name}.`,
          person,
        };
      }
    }
    return range;
  }

  /** The date an incident happened, said from the article's day ("on Tuesday", "last week"). */
  datePhrase(incident: IncidentEntry): string {
    switch (incident.precision) {
      case "DAY": {
        const day = incident.day ?? this.day;
        const gap = this.day - day;
        if (gap < 0) return "";
        return gap <= 6 ? ` on ${weekdayName(day)}` : ` on ${apDate(day)}`;
      }
      case "WEEK":
        if (incident.latest === null || incident.earliest === null) return "";
        return this.day - incident.latest <= 7 ? " last week" : ` in the week of ${apDate(incident.earliest)}`;
      case "MONTH":
        if (incident.latest === null || incident.earliest === null) return "";
        return this.day - incident.latest <= 31 ? " last month" : ` in ${monthName(incident.earliest)}`;
      default:
        return "";
    }
  }

  /**
   * The clause that reports an incident, e.g. "a rocket attack on a military base in Kirkuk
   * killed at least 12 people on Tuesday"; recorded as the incident's mention.
   */
  incidentClause(incident: IncidentEntry, atStart: boolean, lead: boolean): Range {
    const start = this.body.mark();
    const first = (text: string) => this.write(atStart ? capitalize(text) : text);
    const killed = fatalObject(incident.fatalities);
    const hurt = fatalObject(incident.injuries);
    const where = () => this.place(incident.place);
    const toll = (prefix: string) => {
      if (killed === null) return;
      this.write(prefix);
      const at = this.body.mark();
      this.write(killed);
      // The lead's death toll is what a correction most often fixes.
      const figure = incident.fatalities.min;
      if (lead && this.correctable === null && figure !== null && figure > 0 && incident.fatalities.wording === "exact") {
        const text = apNumber(figure);
        const wrong = apNumber(figure + 1 + (figure % 7));
        this.correctable = {
          range: { start: at, end: at + text.length },
          wrong,
          text: `An earlier version of this article misstated the number of people killed in ${incident.place.name}. It was ${text}, not ${wrong}.`,
          person: null,
        };
      }
    };
    const wounded = (prefix: string) => {
      if (hurt !== null) this.write(`${prefix}${hurt}`);
    };
    switch (incident.type) {
      case "attack":
        // `killed` and `hurt` are null both for unknown tolls and for "nobody": tell them apart.
        if (incident.fatalities.wording === "none") {
          first(`${withArticle(incident.subType)} on ${incident.target} in `);
          where();
          this.write(" caused no casualties");
        } else if (killed === null) {
          first(`${withArticle(incident.subType)} struck ${incident.target} in `);
          where();
          wounded(", wounding ");
        } else {
          first(`${withArticle(incident.subType)} on ${incident.target} in `);
          where();
          toll(" killed ");
          if (hurt !== null) this.write(` and wounded ${hurt.replace(/people$/, "others")}`);
        }
        break;
      case "explosion":
        first(`${withArticle(incident.subType)} exploded near ${incident.target} in `);
        where();
        toll(", killing ");
        wounded(killed !== null ? " and wounding " : ", wounding ");
        break;
      case "protest":
        first(`thousands of people protested against ${incident.target} in `);
        where();
        if (hurt !== null) this.write(`, and ${hurt} ${hurt === "one person" ? "was" : "were"} injured in scuffles with police`);
        break;
      case "riot":
        first(`rioters set fire to ${incident.target} in `);
        where();
        toll(", leaving ");
        if (killed !== null) this.write(" dead");
        break;
      case "armed_clash":
        if (incident.actor) {
          first("clashes between fighters of ");
          this.org(incident.actor);
        } else {
          first("clashes between rival armed groups");
        }
        this.write(" and security forces in ");
        where();
        toll(" left ");
        this.write(killed !== null ? " dead" : " continued into the night");
        break;
      case "evacuation":
        if (incident.actor) this.orgInFull(incident.actor, atStart);
        else first("authorities");
        this.write(` evacuated ${incident.target} from `);
        where();
        break;
      case "closure":
        first(`authorities closed ${incident.target} in `);
        where();
        break;
      case "arrest":
        first(`security forces arrested ${apNumber(incident.count)} people suspected of ${incident.target} in `);
        where();
        break;
      case "diplomatic_action":
        if (incident.actorCountry) this.place(incident.actorCountry, atStart);
        else first("a neighbouring government");
        if (incident.subType === "ambassador recalled") {
          this.write(" recalled its ambassador to ");
          where();
        } else if (incident.subType === "diplomats expelled") {
          this.write(" expelled two diplomats from the embassy of ");
          where();
        } else {
          this.write(" announced sanctions on officials in ");
          where();
        }
        break;
      default:
        if (incident.subType === "power outage") {
          first("a power outage left much of ");
          where();
          this.write(" without electricity");
        } else if (incident.subType === "cyberattack") {
          first("a cyberattack disrupted government websites in ");
          where();
        } else {
          first(`a fire broke out at ${incident.target} in `);
          where();
          toll(", killing ");
        }
    }
    this.write(this.datePhrase(incident));
    const range = this.body.since(start);
    this.incidentSpans.push({ incident, range });
    return range;
  }
}

/** How a background paragraph about another incident opens: related only when in the same country. */
function relatedOpenings(lead: IncidentEntry | undefined, other: IncidentEntry): readonly string[] {
  if (lead && lead.place.countryCode !== null && lead.place.countryCode === other.place.countryCode) {
    return ["Earlier, ", `The ${incidentNoun(lead)} came after `, "In a separate incident, "];
  }
  return ["Elsewhere, ", "In a separate incident, "];
}

/** Picks a speaker: mostly someone local to the story's country, else someone international. */
function pickSpeaker(random: Random, world: World, countryCode: string | null, already: readonly PersonEntry[]): PersonEntry | null {
  if (already.length > 0 && random.chance(0.35)) return random.pick(already);
  const local = countryCode === null ? undefined : world.speakers.byCountry.get(countryCode);
  const { international, all } = world.speakers;
  const roll = random.next();
  if (local && local.length > 0 && roll < 0.6) return random.pick(local);
  if (international.length > 0 && roll < 0.95) return random.pick(international);
  return all.length > 0 ? random.pick(all) : null;
}

interface QuoteSlots {
  readonly place: string;
  readonly country: string;
  readonly demonym: string;
  readonly incident: string;
  readonly group: string;
  readonly tag: string;
  readonly topic: string;
}

/** A sentence from a bank, avoiding (within a few tries) one the article already quotes. */
function freshText(random: Random, bank: readonly string[], slots: QuoteSlots, used: Set<string>): string {
  let text = fill(random.pick(bank), { ...slots });
  for (let attempt = 0; used.has(text) && attempt < 6; attempt += 1) text = fill(random.pick(bank), { ...slots });
  used.add(text);
  return text;
}

function directText(random: Random, category: SpeakerCategory, slots: QuoteSlots, used: Set<string>): string {
  return freshText(random, DIRECT_QUOTES[category], slots, used);
}

/** Plans the quotes of an article: linked statements first, then the rest, in a random order. */
function planQuotes(
  context: StoryContext,
  random: Random,
  count: number,
  links: { readonly from: readonly StatementLink[]; readonly to: readonly StatementLink[] },
  countryCode: string | null,
  slots: QuoteSlots,
  hasIncident: boolean,
): QuoteSpec[] {
  const { world } = context;
  const specs: QuoteSpec[] = [];
  const used = new Set<string>();
  const speakers: PersonEntry[] = [];

  for (const link of links.to) {
    const pending = context.statements.get(link.incident);
    if (!pending) continue;
    specs.push({ kind: "DIRECT", frame: null, medium: "TWEET", speaker: pending.speaker, bystander: null, text: pending.text, linkFrom: null, linkTo: link });
    used.add(pending.text);
  }
  for (const link of links.from) {
    const local = countryCode === null ? [] : (world.speakers.byCountry.get(countryCode) ?? []).filter((person) => person.handle !== null);
    const international = world.speakers.international.filter((person) => person.handle !== null);
    const pool = local.length > 0 && random.chance(0.6) ? local : international.length > 0 ? international : world.speakers.withHandle;
    if (pool.length === 0) continue;
    const speaker = random.pick(pool);
    specs.push({ kind: "DIRECT", frame: null, medium: "STATEMENT", speaker, bystander: null, text: directText(random, speaker.category, slots, used), linkFrom: link, linkTo: null });
  }

  while (specs.length < count) {
    const seen = context.seen.media++;
    if (hasIncident && random.chance(0.08)) {
      specs.push({ kind: "DIRECT", frame: null, medium: random.chance(0.3) ? "INTERVIEW" : "OTHER", speaker: null, bystander: random.pick(BYSTANDERS), text: directText(random, "WITNESS", slots, used), linkFrom: null, linkTo: null });
      continue;
    }
    const speaker = pickSpeaker(random, world, countryCode, speakers);
    if (speaker === null) {
      specs.push({ kind: "DIRECT", frame: null, medium: "OTHER", speaker: null, bystander: random.pick(BYSTANDERS), text: directText(random, "WITNESS", slots, used), linkFrom: null, linkTo: null });
      continue;
    }
    speakers.push(speaker);
    const kind = random.weighted<QuoteKind>([["DIRECT", 65], ["PARTIAL", 15], ["INDIRECT", 20]]);
    // The first quotes of the corpus go through every medium, so a small corpus has them all.
    let medium: QuoteMedium =
      seen < MEDIA.length
        ? (MEDIA[seen] as QuoteMedium)
        : kind === "DIRECT"
          ? random.weighted<QuoteMedium>([["STATEMENT", 25], ["TWEET", 10], ["BRIEFING", 15], ["INTERVIEW", 20], ["OTHER", 30]])
          : random.weighted<QuoteMedium>([["STATEMENT", 20], ["BRIEFING", 25], ["INTERVIEW", 20], ["OTHER", 35]]);
    // Tweets in the corpus are about incidents; stories about talks quote statements instead.
    if (medium === "TWEET" && (speaker.handle === null || kind !== "DIRECT" || !hasIncident)) medium = "STATEMENT";
    if (speaker.kind === "ANONYMOUS" && (medium === "STATEMENT" || medium === "TWEET")) medium = "INTERVIEW";
    const frame = kind === "PARTIAL" ? random.pick(hasIncident ? PARTIAL_FRAMES : PARTIAL_TALKS_FRAMES) : null;
    const text =
      medium === "TWEET"
        ? fill(random.pick(TWEETS), { ...slots })
        : frame !== null
          ? random.pick(frame[1])
          : kind === "DIRECT"
            ? hasIncident
              ? directText(random, speaker.category, slots, used)
              : freshText(random, TALKS_QUOTES, slots, used)
            : fill(random.pick(hasIncident ? INDIRECT_CLAUSES : INDIRECT_TALKS_CLAUSES), { ...slots });
    specs.push({ kind, frame, medium, speaker, bystander: null, text, linkFrom: null, linkTo: null });
  }
  return random.sample(specs, specs.length);
}

/** Writes one quote and its attribution into the story, recording the quote's span. */
function writeQuote(story: Story, spec: QuoteSpec, slots: QuoteSlots, floating: boolean): void {
  const { random } = story;
  const record = (range: Range, verb: string | null) => story.quotes.push({ spec, range, verb });
  story.sentence();

  if (spec.speaker === null) {
    story.write("“");
    const range = story.write(spec.text);
    story.write(",” ");
    if (spec.medium === "INTERVIEW" && story.outlet) {
      story.write(`${spec.bystander ?? "a witness"} told `);
      story.org(story.outlet);
      story.write(".");
      record(range, "told");
    } else {
      story.write(`said ${spec.bystander ?? "a witness"}.`);
      record(range, "said");
    }
    return;
  }
  const speaker = spec.speaker;

  if (floating) {
    // A second sentence by the speaker just quoted, with no attribution of its own.
    story.write("“");
    record(story.write(spec.text), null);
    story.write(".”");
    return;
  }

  if (spec.kind === "PARTIAL" && spec.frame !== null) {
    const [before, , after, verb] = spec.frame;
    story.speakerRef(speaker, true);
    story.write(fill(before, { incident: slots.incident, place: slots.place }));
    record(story.write(spec.text), verb);
    story.write(fill(after, { incident: slots.incident, place: slots.place }));
    return;
  }

  if (spec.kind === "INDIRECT") {
    const layout = random.int(0, 2);
    if (layout === 0) {
      story.write("According to ");
      story.speakerRef(speaker, false);
      story.write(", ");
      record(story.write(spec.text), "according to");
      story.write(".");
    } else if (layout === 1 && spec.medium === "BRIEFING") {
      story.speakerRef(speaker, true);
      story.write(" told reporters that ");
      record(story.write(spec.text), "told");
      story.write(".");
    } else {
      story.speakerRef(speaker, true);
      story.write(" said ");
      record(story.write(spec.text), "said");
      story.write(".");
    }
    return;
  }

  switch (spec.medium) {
    case "TWEET": {
      if (random.chance(0.35)) {
        // An embedded tweet: the post on its own line, then who posted it and when.
        story.paragraph();
        record(story.write(spec.text), null);
        story.paragraph();
        story.write("— ");
        story.signature(speaker);
        story.write(" (");
        story.mentionHandle(speaker);
        story.write(`) ${longDate(story.day)}`);
        story.paragraph();
        return;
      }
      story.write("In a post on Twitter, ");
      story.speakerRef(speaker, false);
      story.write(" wrote: “");
      record(story.write(spec.text), "wrote");
      story.write("”");
      return;
    }
    case "STATEMENT": {
      story.write("In a statement, ");
      story.speakerRef(speaker, false);
      story.write(" said: “");
      record(story.write(spec.text), "said");
      story.write(".”");
      return;
    }
    case "BRIEFING": {
      story.write("“");
      record(story.write(spec.text), "told reporters");
      story.write(",”");
      story.speakerAfter(speaker, "told reporters at a briefing in");
      // Officials brief at home; international bodies in Geneva, New York or Brussels.
      const home = speaker.countryCode === null ? undefined : story.world.citiesByCountry.get(speaker.countryCode);
      const city = home && home.length > 0 ? random.pick(home) : random.pick(story.world.briefingCities);
      story.write(" ");
      story.place(city);
      story.write(".");
      return;
    }
    case "INTERVIEW": {
      story.write("“");
      record(story.write(spec.text), "told");
      story.write(",”");
      story.speakerAfter(speaker, "told");
      if (story.outlet) {
        story.write(" ");
        story.org(story.outlet);
      } else {
        story.write(" reporters");
      }
      story.write(" in an interview.");
      return;
    }
    default: {
      const verb = random.pick(SAID_VERBS);
      story.write("“");
      record(story.write(spec.text), verb);
      story.write(",”");
      story.speakerAfter(speaker, verb);
      story.write(".");
    }
  }
}

const WEEKDAY = /\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/;
const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/** A correction of the first weekday of the body (the first revision had the day before). */
function weekdayFix(body: string, lead: IncidentEntry | undefined): Correctable | null {
  const match = WEEKDAY.exec(body);
  if (match === null) return null;
  const right = match[1] as string;
  const wrong = WEEKDAYS[(WEEKDAYS.indexOf(right) + 6) % 7] as string;
  return {
    range: { start: match.index, end: match.index + right.length },
    wrong,
    text: `An earlier version of this article gave the wrong day for the ${incidentNoun(lead)}. It was ${right}, not ${wrong}.`,
    person: null,
  };
}

/** The state of a span-bound record made partly by the extractor. */
function reviewState(random: Random, pending: number, rejected: number, machine: number): { origin: Origin; confidence: number | null; reviewStatus: ReviewStatus } {
  const roll = random.next();
  if (roll < rejected) return { origin: "MACHINE", confidence: random.float(0.2, 0.5, 2), reviewStatus: "REJECTED" };
  if (roll < rejected + pending) return { origin: "MACHINE", confidence: random.float(0.4, 0.9, 2), reviewStatus: "PENDING" };
  if (roll < rejected + pending + machine) return { origin: "MACHINE", confidence: random.float(0.85, 0.99, 2), reviewStatus: "ACCEPTED" };
  return { origin: "EDITOR", confidence: null, reviewStatus: "ACCEPTED" };
}

function exampleUrl(random: Random, path: string): string {
  return `https://${random.pick(["archive.example.org", "records.example.org", "video.example.net", "docs.example.com"])}/${path}/${random.hex(10)}`;
}

function hoursAfter(at: Date, hours: number): Date {
  return new Date(at.getTime() + hours * 3_600_000);
}

/** Makes one article and everything that hangs off it. */
export function writeArticle(context: StoryContext, index: number): ArticleRows {
  const { world, plan, clock } = context;
  const random = Random.from(context.seed, "article", index);
  const day = plan.articleDay[index] as number;
  const incidents = [...plan.articleIncidents.get(index)].map((i) => world.incidents[i] as IncidentEntry);
  const lead = incidents[0];

  // ---------------------------------------------------------------- the article's facts
  const status = random.weighted<ArticleStatus>([["PUBLISHED", 91], ["CORRECTED", 3.5], ["RETRACTED", 1.5], ["DRAFT", 2.5], ["IN_REVIEW", 1.5]]);
  const dated = status !== "DRAFT" && status !== "IN_REVIEW" && !random.chance(0.012);
  const outletFacts = random.weighted(OUTLETS.map((outlet) => [outlet, outlet.weight] as const));
  const outlet = world.orgs.find((entry) => entry.name === outletFacts.name) ?? null;
  const staff = world.reporters.get(outletFacts.name) ?? ["Staff"];
  const byline = `By ${random.sample(staff, random.chance(0.2) ? 2 : 1).join(" and ")}`;
  const storyPlace = lead?.place ?? random.weighted(world.cities.map((city) => [city, city.weight] as const));
  const topic = random.pick(TOPICS);
  const country = storyPlace.countryCode === null ? null : (world.countries.get(storyPlace.countryCode) ?? null);
  const slots: QuoteSlots = {
    place: storyPlace.name,
    country: country?.name ?? "the region",
    demonym: country?.country?.demonym ?? "local",
    incident: incidentNoun(lead),
    group: lead?.actor?.name ?? "armed groups",
    tag: slugify(storyPlace.name).replaceAll("-", "").replace(/^./, (c) => c.toUpperCase()) || "News",
    topic,
  };
  const articleStamp = clock.stamp();

  // ---------------------------------------------------------------- the body
  const story = new Story(random, world, day, outlet);
  story.paragraph();
  const datelineCity = storyPlace.kind === "CITY" ? storyPlace.name : (country?.country?.hub ?? null);
  if (datelineCity !== null) {
    story.write(`${datelineCity.toUpperCase()}, `);
    if (country) story.place(country);
    else story.write(storyPlace.name);
    story.write(` (${outletFacts.name}) — `);
  } else {
    story.write(`(${outletFacts.name}) — `);
  }

  let headline: string;
  let dek: string;
  if (lead) {
    story.incidentClause(lead, true, true);
    story.write(random.pick([", police said.", ", officials said.", ", according to local officials.", ", witnesses said.", "."]));
    headline = lead.summary;
    dek =
      lead.status === "DISPUTED"
        ? `Officials dispute accounts of the ${incidentNoun(lead)} in ${storyPlace.name}`
        : `Authorities in ${country ? country.name : "the region"} under pressure after ${incidentNoun(lead)} in ${storyPlace.name}`;

    story.paragraph();
    if (lead.attributedTo !== null && lead.actor !== null && (lead.type === "attack" || lead.type === "explosion")) {
      story.org(lead.actor, true);
      story.write(` claimed responsibility for the ${incidentNoun(lead)} in a statement posted online.`);
    } else if (lead.blamedBy !== null && lead.actor !== null && lead.actorCountry !== null) {
      story.place(lead.actorCountry, true);
      story.write(" blamed ");
      story.org(lead.actor);
      story.write(` for the ${incidentNoun(lead)}, but the group denied involvement.`);
    } else if (lead.type === "attack" || lead.type === "explosion") {
      story.write("No group immediately claimed responsibility.");
    } else if (lead.type === "diplomatic_action") {
      story.write("The move followed weeks of tension between the two governments.");
    } else {
      story.write("It was not clear how long the situation would last.");
    }
    if (lead.fatalities.wording === "atLeast" || lead.fatalities.wording === "dozens" || lead.fatalities.wording === "moreThan") {
      story.sentence();
      story.write("Officials said the toll could rise.");
    }
  } else {
    // The hosts: an international body, or the government of the country the talks are in.
    const hosts = world.orgs.filter(
      (entry) => entry.kind === "INTERNATIONAL" || (entry.kind === "GOVERNMENT" && entry.countryCode !== null && entry.countryCode === storyPlace.countryCode),
    );
    const host = random.pick(hosts);
    story.write("Officials from ");
    story.org(host);
    story.write(" met in ");
    story.place(storyPlace);
    story.write(` on ${weekdayName(day)} for talks on ${topic}, amid growing frustration over the slow pace of progress.`);
    headline = `Talks on ${topic} open in ${storyPlace.name}`;
    dek = `Officials meet in ${storyPlace.name} as pressure builds over ${topic}`;
  }

  // Quotes, one to three to a paragraph, with background paragraphs for the other incidents.
  const specs = planQuotes(
    context,
    random,
    plan.quotes[index] as number,
    { from: plan.linksFrom.get(index) ?? [], to: plan.linksTo.get(index) ?? [] },
    storyPlace.countryCode,
    slots,
    lead !== undefined,
  );
  const paragraphTarget = random.int(4, 12);
  const background = incidents.slice(1);
  const quoteParagraphs = Math.max(Math.ceil(specs.length / 3), Math.min(specs.length, paragraphTarget - 2 - background.length));
  let next = 0;
  let backgroundWritten = 0;
  for (let p = 0; p < quoteParagraphs && next < specs.length; p += 1) {
    story.paragraph();
    const remainingParagraphs = quoteParagraphs - p;
    const take = Math.max(1, Math.ceil((specs.length - next) / remainingParagraphs));
    for (let k = 0; k < take && next < specs.length; k += 1) {
      const spec = specs[next] as QuoteSpec;
      const previous = k > 0 ? specs[next - 1] : undefined;
      const floating =
        previous !== undefined && previous.speaker !== null && previous.speaker === spec.speaker && spec.kind === "DIRECT" && spec.medium === "OTHER";
      writeQuote(story, spec, slots, floating);
      next += 1;
    }
    // Background incidents go between the quotes, as wire stories put them.
    const incident = background[p];
    if (incident) {
      story.paragraph();
      story.write(random.pick(relatedOpenings(lead, incident)));
      story.incidentClause(incident, false, false);
      story.write(".");
      backgroundWritten += 1;
    }
  }
  for (const incident of background.slice(backgroundWritten)) {
    story.paragraph();
    story.write(random.pick(relatedOpenings(lead, incident)));
    story.incidentClause(incident, false, false);
    story.write(".");
  }

  // Context paragraphs until the story has its length, none of them twice.
  let paragraphs = 2 + quoteParagraphs + background.length;
  const humanitarian = world.orgs.filter((entry) => entry.kind === "HUMANITARIAN");
  const backgroundLines: Array<() => void> = random.sample(
    [
      () => {
        if (country) story.place(country, true);
        else story.write("The region");
        story.write(` has faced months of unrest over ${random.pick(["power cuts", "corruption", "unemployment", "rising prices"])}.`);
      },
      () => {
        story.write("Violence in the area has displaced tens of thousands of people in recent years, according to ");
        story.org(random.pick(humanitarian));
        story.write(".");
      },
      () => {
        if (outlet) story.org(outlet, true);
        else story.write("Reporters");
        story.write(" could not independently verify the figures.");
      },
      ...random.sample(FILLER, FILLER.length).map((sentence) => () => void story.write(sentence)),
    ],
    paragraphTarget,
  );
  for (const write of backgroundLines) {
    if (paragraphs >= paragraphTarget) break;
    story.paragraph();
    write();
    paragraphs += 1;
  }

  const body = story.body.finish();
  const bodyHash = sha256(body);
  const quoteRows: Prisma.QuoteCreateManyInput[] = [];
  const sourceDay = dateOf(day);

  // ---------------------------------------------------------------- revisions and corrections
  // A corrected article's first revision had the error its correction fixes: a toll, a name's
  // spelling or a weekday; failing all three, the byline (which is not in the body).
  const fix: Correctable | null = status === "CORRECTED" ? (story.correctable ?? weekdayFix(body, lead)) : null;
  const updated = status === "PUBLISHED" && random.chance(0.08) && body.lastIndexOf("\n") > 0;
  const revisionNumber = status === "CORRECTED" || updated ? 2 : 1;
  const firstBody =
    fix !== null
      ? body.slice(0, fix.range.start) + fix.wrong + body.slice(fix.range.end)
      : updated
        ? body.slice(0, body.lastIndexOf("\n"))
        : body;
  const slug = `${slugify(headline, 8)}-c${(index + 1).toString(36)}`;
  const publishedAt = dated ? instantOf(day, random.int(5 * 60, 22 * 60)) : null;

  const revisions: Prisma.ArticleRevisionCreateManyInput[] = [];
  const revision1 = clock.stamp();
  revisions.push({
    id: revision1.id,
    articleId: articleStamp.id,
    number: 1,
    headline,
    body: firstBody,
    reason: `Filed by ${outletFacts.name}`,
    createdById: world.reporter.id,
    createdAt: revision1.at,
  });

  // ---------------------------------------------------------------- quotes
  for (const [i, draft] of story.quotes.entries()) {
    const { spec } = draft;
    const stamp = clock.stamp();
    const selector = selectorAt(body, draft.range);
    const review = spec.linkFrom || spec.linkTo ? reviewState(random, 0, 0, 0) : reviewState(random, 0.12, 0.03, 0.15);
    const seen = context.seen.verification + i;
    const verification: Verification =
      seen < VERIFICATIONS.length ? (VERIFICATIONS[seen] as Verification) : random.weighted<Verification>([["UNVERIFIED", 80], ["VERIFIED", 13], ["DISPUTED", 5], ["MISATTRIBUTED", 2]]);
    const speaker = spec.speaker;
    quoteRows.push({
      id: stamp.id,
      articleId: articleStamp.id,
      text: selector.exact,
      start: selector.start,
      end: selector.end,
      prefix: selector.prefix,
      suffix: selector.suffix,
      anchorState: "ANCHORED",
      anchoredRevision: revisionNumber,
      kind: spec.kind,
      speakerId: speaker?.id ?? null,
      speakerDescription:
        speaker === null
          ? spec.bystander
          : speaker.kind === "ANONYMOUS"
            ? speaker.name
            : speaker.org && speaker.title
              ? `${speaker.org.name} ${speaker.title}`
              : null,
      reportingVerb: draft.verb,
      medium: spec.medium,
      sourceUrl:
        spec.medium === "TWEET" && speaker?.handle
          ? `https://social.example/${speaker.handle.slice(1)}/status/${random.int(10_000_000, 99_999_999)}${random.int(10_000_000, 99_999_999)}`
          : spec.medium === "STATEMENT"
            ? `https://statements.example.org/${slugify(speaker?.org?.name ?? "office")}/${urlDate(day)}`
            : null,
      sourceHandle: spec.medium === "TWEET" ? (speaker?.handle ?? null) : null,
      sourceDate: spec.medium === "TWEET" || spec.medium === "STATEMENT" || spec.medium === "BRIEFING" ? sourceDay : null,
      verification,
      verificationNote:
        verification === "VERIFIED"
          ? "Matched against the original statement."
          : verification === "DISPUTED"
            ? "The speaker’s office denies the remark."
            : verification === "MISATTRIBUTED"
              ? "Said by a different official; see the editor’s note."
              : null,
      evidenceUrls: verification === "UNVERIFIED" ? [] : Array.from({ length: random.int(1, 2) }, () => exampleUrl(random, "quote")),
      ...review,
      fingerprint: review.origin === "MACHINE" ? sha256(`quote|${selector.start}|${selector.end}|${selector.exact}`).slice(0, 40) : null,
      version: verification === "UNVERIFIED" ? 1 : 2,
      createdAt: stamp.at,
      updatedAt: stamp.at,
      deletedAt: review.reviewStatus === "REJECTED" && random.chance(0.3) ? hoursAfter(stamp.at, random.int(1, 48)) : null,
    });
    if (spec.linkFrom !== null && speaker !== null) {
      context.statements.set(spec.linkFrom.incident, { quoteId: stamp.id, text: spec.text, speaker });
    }
  }
  context.seen.verification += story.quotes.length;

  const quoteLinks: Prisma.QuoteLinkCreateManyInput[] = [];
  for (const [i, draft] of story.quotes.entries()) {
    const link = draft.spec.linkTo;
    if (link === null) continue;
    const pending = context.statements.get(link.incident);
    const toQuoteId = quoteRows[i]?.id;
    if (!pending || toQuoteId === undefined) continue;
    quoteLinks.push({ fromQuoteId: pending.quoteId, toQuoteId, note: "Same statement, published as a press statement and as a tweet", createdAt: clock.tick() });
    context.statements.delete(link.incident);
  }

  // ---------------------------------------------------------------- mentions
  const incidentMentions: Prisma.IncidentMentionCreateManyInput[] = [];
  const seenIncidents = new Set<string>();
  for (const { incident, range } of story.incidentSpans) {
    if (seenIncidents.has(incident.id)) continue;
    seenIncidents.add(incident.id);
    const stamp = clock.stamp();
    const selector = selectorAt(body, range);
    incidentMentions.push({
      id: stamp.id,
      incidentId: incident.id,
      articleId: articleStamp.id,
      start: selector.start,
      end: selector.end,
      exact: selector.exact,
      prefix: selector.prefix,
      suffix: selector.suffix,
      anchorState: "ANCHORED",
      anchoredRevision: revisionNumber,
      ...reviewState(random, 0.05, 0.01, 0.2),
      createdAt: stamp.at,
    });
  }

  const entityMentions: Prisma.EntityMentionCreateManyInput[] = story.mentions.map((draft) => {
    const stamp = clock.stamp();
    const selector = selectorAt(body, draft.range);
    return {
      id: stamp.id,
      articleId: articleStamp.id,
      entityType: draft.ref.type,
      personId: draft.ref.type === "PERSON" ? draft.ref.person.id : null,
      organizationId: draft.ref.type === "ORGANIZATION" ? draft.ref.org.id : null,
      placeId: draft.ref.type === "PLACE" ? draft.ref.place.id : null,
      start: selector.start,
      end: selector.end,
      exact: selector.exact,
      prefix: selector.prefix,
      suffix: selector.suffix,
      anchorState: "ANCHORED",
      anchoredRevision: revisionNumber,
      ...reviewState(random, 0.06, 0.02, 0.12),
      createdAt: stamp.at,
    };
  });

  // ---------------------------------------------------------------- the second revision
  const corrections: Prisma.CorrectionCreateManyInput[] = [];
  let updatedAt = articleStamp.at;
  if (revisionNumber === 2) {
    const stamp = clock.stamp();
    const editor = random.pick(world.editors);
    const correctionText = fix?.text ?? "An earlier version of this article carried an incorrect byline.";
    revisions.push({
      id: stamp.id,
      articleId: articleStamp.id,
      number: 2,
      headline,
      body,
      reason: status === "CORRECTED" ? `Correction: ${correctionText}` : "Updates with comment from officials",
      createdById: editor.id,
      createdAt: stamp.at,
    });
    updatedAt = stamp.at;
    if (status === "CORRECTED") {
      const correction = clock.stamp();
      const person = fix?.person ?? null;
      const quoteIndex = person === null ? -1 : story.quotes.findIndex((draft) => draft.spec.speaker === person);
      corrections.push({
        id: correction.id,
        articleId: articleStamp.id,
        text: correctionText,
        start: fix?.range.start ?? null,
        end: fix?.range.end ?? null,
        quoteId: quoteIndex >= 0 ? (quoteRows[quoteIndex]?.id ?? null) : null,
        revisionNumber: 2,
        createdById: editor.id,
        createdAt: correction.at,
      });
    }
  }

  // ---------------------------------------------------------------- annotations
  const annotations: Prisma.AnnotationCreateManyInput[] = [];
  const sentences = sentenceRanges(body);
  const roots: Prisma.AnnotationCreateManyInput[] = [];
  const spanCandidates: Range[][] = [
    sentences,
    story.quotes.map((draft) => draft.range),
    story.mentions.map((draft) => draft.range),
    story.incidentSpans.map((span) => span.range),
  ].filter((list) => list.length > 0);
  const peopleInStory = [...story.people];
  const annotationCount = plan.annotations[index] as number;
  for (let a = 0; a < annotationCount; a += 1) {
    const stamp = clock.stamp();
    const author = random.pick(world.writers);
    const parent = roots.length > 0 && random.chance(0.2) ? random.pick(roots) : null;
    if (parent !== null) {
      const resolved = parent.status === "RESOLVED";
      annotations.push({
        ...parent,
        id: stamp.id,
        motivation: random.pick<Motivation>(["commenting", "questioning", "assessing"]),
        body: random.pick(REPLIES),
        tags: [],
        parentId: parent.id,
        authorId: author.id,
        createdAt: stamp.at,
        updatedAt: stamp.at,
        version: 1,
        resolvedAt: resolved ? parent.resolvedAt : null,
        resolvedById: resolved ? parent.resolvedById : null,
        deletedAt: null,
      });
      continue;
    }
    const rootNumber = context.seen.annotationRoots++;
    const motivation: Motivation =
      rootNumber < MOTIVATIONS.length
        ? (MOTIVATIONS[rootNumber] as Motivation)
        : random.weighted<Motivation>([["commenting", 25], ["questioning", 20], ["assessing", 12], ["tagging", 10], ["linking", 6], ["editing", 12], ["highlighting", 10], ["identifying", 5]]);
    const person = peopleInStory.length > 0 ? random.pick(peopleInStory) : null;
    const bodyText = fill(random.pick(ANNOTATION_BODIES[motivation] ?? [""]), {
      name: person?.name ?? "the spokesperson",
      place: storyPlace.name,
      number: String(lead?.fatalities.min ?? 12),
    });
    const tags = motivation === "tagging" ? random.sample(TAGS, random.int(1, 3)) : random.chance(0.3) ? [random.pick(TAGS)] : [];
    const resolved = random.chance(0.4);
    const resolver = random.pick(world.editors);
    const resolvedAt = resolved ? hoursAfter(stamp.at, random.int(1, 72)) : null;
    const common = {
      ...NO_TARGET,
      id: stamp.id,
      motivation,
      body: bodyText,
      tags,
      status: resolved ? ("RESOLVED" as const) : ("OPEN" as const),
      parentId: null,
      authorId: author.id,
      resolvedById: resolved ? resolver.id : null,
      resolvedAt,
      version: resolved ? 2 : 1,
      createdAt: stamp.at,
      updatedAt: resolvedAt ?? stamp.at,
      deletedAt: random.chance(0.01) ? hoursAfter(stamp.at, random.int(1, 200)) : null,
    };
    const target = random.weighted<"ARTICLE" | "QUOTE" | "INCIDENT" | "PERSON">([
      ["ARTICLE", 72],
      ["QUOTE", quoteRows.length > 0 ? 14 : 0],
      ["INCIDENT", incidents.length > 0 || world.incidents.length > 0 ? 7 : 0],
      ["PERSON", world.speakers.all.length > 0 ? 7 : 0],
    ]);
    let row: Prisma.AnnotationCreateManyInput;
    if (target === "QUOTE") {
      row = { ...common, targetType: "QUOTE", quoteId: (random.pick(quoteRows).id as string) };
    } else if (target === "INCIDENT") {
      const incident = random.pick(incidents.length > 0 ? incidents : world.incidents);
      row = { ...common, targetType: "INCIDENT", incidentId: incident.id };
    } else if (target === "PERSON") {
      row = { ...common, targetType: "PERSON", personId: (person ?? random.pick(world.speakers.all)).id };
    } else {
      const anchor = random.weighted<AnchorState>([["ANCHORED", 88], ["FUZZY", 8], ["ORPHANED", 4]]);
      if (anchor === "ORPHANED") {
        row = {
          ...common,
          targetType: "ARTICLE",
          articleId: articleStamp.id,
          exact: random.pick(ORPHANED_PHRASES),
          prefix: null,
          suffix: null,
          start: null,
          end: null,
          anchorState: "ORPHANED",
          anchorScore: random.float(0.05, 0.4, 2),
          anchoredRevision: revisionNumber,
        };
      } else {
        const selector = selectorAt(body, random.pick(random.pick(spanCandidates)));
        const words = selector.exact.split(" ");
        row = {
          ...common,
          targetType: "ARTICLE",
          articleId: articleStamp.id,
          ...selector,
          // A fuzzy re-anchoring found the span after its text changed a little: one word less.
          previousExact: anchor === "FUZZY" ? (words.length > 2 ? words.slice(0, -1).join(" ") : `${selector.exact} reportedly`) : null,
          anchorState: anchor,
          anchorScore: anchor === "FUZZY" ? random.float(0.7, 0.95, 2) : null,
          anchoredRevision: revisionNumber,
        };
      }
    }
    annotations.push(row);
    roots.push(row);
  }

  // ---------------------------------------------------------------- claim reviews
  const claimReviews: Prisma.ClaimReviewCreateManyInput[] = [];
  const claimCount = plan.claimReviews[index] as number;
  for (let c = 0; c < claimCount; c += 1) {
    const stamp = clock.stamp();
    const rating = random.weighted<ClaimRating>([["TRUE", 20], ["MOSTLY_TRUE", 20], ["MIXED", 20], ["MOSTLY_FALSE", 15], ["FALSE", 10], ["UNPROVEN", 15]]);
    const quoteIndex = quoteRows.length > 0 && random.chance(0.7) ? random.int(0, quoteRows.length - 1) : -1;
    const range = quoteIndex >= 0 ? (story.quotes[quoteIndex] as QuoteDraft).range : random.pick(sentences.length > 0 ? sentences : [{ start: 0, end: body.length }]);
    claimReviews.push({
      id: stamp.id,
      articleId: articleStamp.id,
      quoteId: quoteIndex >= 0 ? (quoteRows[quoteIndex]?.id ?? null) : null,
      claim: body.slice(range.start, range.end),
      start: range.start,
      end: range.end,
      rating,
      explanation: random.pick(CLAIM_EXPLANATIONS[rating] ?? ["Reviewed."]),
      evidenceUrls: Array.from({ length: random.int(1, 3) }, () => exampleUrl(random, "evidence")),
      reviewerId: random.pick(world.editors).id,
      version: 1,
      createdAt: stamp.at,
      updatedAt: stamp.at,
    });
  }

  // ---------------------------------------------------------------- the article row
  const deletedAt = random.chance(0.01) ? hoursAfter(articleStamp.at, random.int(24, 24 * 90)) : null;
  const article: Prisma.ArticleCreateManyInput = {
    id: articleStamp.id,
    slug,
    headline,
    dek,
    byline,
    outlet: outletFacts.name,
    url: dated ? `https://www.${outletFacts.domain}/${urlDate(day)}/${slug}` : null,
    language: "en",
    publishedAt,
    body,
    bodyHash,
    status,
    version: revisionNumber + (deletedAt !== null ? 1 : 0) + (status === "RETRACTED" ? 1 : 0),
    revisionNumber,
    retractionReason: status === "RETRACTED" ? random.pick(RETRACTION_REASONS) : null,
    createdAt: articleStamp.at,
    updatedAt: deletedAt ?? updatedAt,
    deletedAt,
  };

  // ---------------------------------------------------------------- audit events
  const auditEvents = makeAuditEvents(context, random, plan.auditEvents[index] as number, {
    article,
    quotes: quoteRows,
    annotations,
    corrections,
    claimReviews,
  });

  return { article, revisions, quotes: quoteRows, incidentMentions, entityMentions, annotations, corrections, claimReviews, quoteLinks, auditEvents };
}

interface AuditSources {
  readonly article: Prisma.ArticleCreateManyInput;
  readonly quotes: readonly Prisma.QuoteCreateManyInput[];
  readonly annotations: readonly Prisma.AnnotationCreateManyInput[];
  readonly corrections: readonly Prisma.CorrectionCreateManyInput[];
  readonly claimReviews: readonly Prisma.ClaimReviewCreateManyInput[];
}

interface AuditDraft {
  readonly action: string;
  readonly targetType: string;
  readonly targetId: string;
  readonly before: Prisma.InputJsonObject | null;
  readonly after: Prisma.InputJsonObject | null;
  readonly actor: UserEntry;
}

/** The audit trail of an article: what editors did to it and to what hangs off it. */
function makeAuditEvents(context: StoryContext, random: Random, count: number, sources: AuditSources): Prisma.AuditEventCreateManyInput[] {
  if (count === 0) return [];
  const { world } = context;
  const { article } = sources;
  const editor = () => random.pick(world.editors);
  // What happened to the article and what hangs off it, in the order it happened.
  const candidates: AuditDraft[] = [
    { action: "article.create", targetType: "Article", targetId: article.id as string, before: null, after: { slug: article.slug, status: "DRAFT" }, actor: world.reporter },
    article.revisionNumber === 2
      ? { action: "article.update", targetType: "Article", targetId: article.id as string, before: { revisionNumber: 1 }, after: { revisionNumber: 2 }, actor: editor() }
      : { action: "article.update", targetType: "Article", targetId: article.id as string, before: { dek: null }, after: { dek: article.dek ?? null }, actor: world.reporter },
  ];
  if (article.publishedAt) {
    candidates.push({ action: "article.publish", targetType: "Article", targetId: article.id as string, before: { status: "IN_REVIEW" }, after: { status: "PUBLISHED" }, actor: editor() });
  }
  for (const quote of sources.quotes) {
    if (quote.verification !== "UNVERIFIED") {
      candidates.push({ action: "quote.verify", targetType: "Quote", targetId: quote.id as string, before: { verification: "UNVERIFIED" }, after: { verification: quote.verification ?? "UNVERIFIED" }, actor: editor() });
    }
    if (quote.origin === "MACHINE" && quote.reviewStatus !== "PENDING") {
      candidates.push({ action: "quote.review", targetType: "Quote", targetId: quote.id as string, before: { reviewStatus: "PENDING" }, after: { reviewStatus: quote.reviewStatus ?? "ACCEPTED" }, actor: editor() });
    }
  }
  for (const annotation of sources.annotations) {
    candidates.push({ action: "annotation.create", targetType: "Annotation", targetId: annotation.id as string, before: null, after: { motivation: annotation.motivation, targetType: annotation.targetType }, actor: editor() });
    if (annotation.status === "RESOLVED" && annotation.parentId === null) {
      candidates.push({ action: "annotation.resolve", targetType: "Annotation", targetId: annotation.id as string, before: { status: "OPEN" }, after: { status: "RESOLVED" }, actor: editor() });
    }
  }
  for (const correction of sources.corrections) {
    candidates.push({ action: "correction.create", targetType: "Correction", targetId: correction.id as string, before: null, after: { text: correction.text }, actor: editor() });
  }
  for (const review of sources.claimReviews) {
    candidates.push({ action: "claimReview.create", targetType: "ClaimReview", targetId: review.id as string, before: null, after: { rating: review.rating }, actor: editor() });
  }
  if (article.status === "RETRACTED") {
    candidates.push({ action: "article.retract", targetType: "Article", targetId: article.id as string, before: { status: "PUBLISHED" }, after: { status: "RETRACTED" }, actor: editor() });
  }
  if (article.deletedAt) {
    candidates.push({ action: "article.delete", targetType: "Article", targetId: article.id as string, before: { deletedAt: null }, after: { deletedAt: (article.deletedAt as Date).toISOString() }, actor: editor() });
  }
  // A sample of those, kept in the order they happened (the audit log is a sequence).
  const picked = random.sample(candidates.map((_, i) => i), count).sort((a, b) => a - b);
  const chosen = picked.map((i) => candidates[i] as AuditDraft);
  // More events than things happened: the rest are further edits.
  while (chosen.length < count) {
    chosen.push({ action: "article.update", targetType: "Article", targetId: article.id as string, before: { version: chosen.length }, after: { version: chosen.length + 1, dek: article.dek ?? null }, actor: editor() });
  }
  return chosen.map((draft) => ({
    actorId: draft.actor.id,
    action: draft.action,
    targetType: draft.targetType,
    targetId: draft.targetId,
    before: draft.before ?? Prisma.DbNull,
    after: draft.after ?? Prisma.DbNull,
    requestId: `req_${random.hex(16)}`,
    createdAt: context.clock.tick(),
  }));
}
